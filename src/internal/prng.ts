/**
 * A seeded pseudo-random generator for the randomized procedures (bootstrap, permutation, Monte
 * Carlo), so their results are reproducible from a `seed`.
 *
 * @remarks
 * xoshiro128** (Blackman and Vigna 2021) with its 128-bit state seeded through SplitMix32, so any
 * 32-bit integer seed (nearby seeds included) gives an independent-looking stream. Doubles take 53
 * random bits from two outputs, uniform on [0, 1).
 *
 * @reference Blackman, D., and S. Vigna. 2021. "Scrambled Linear Pseudorandom Number Generators."
 * _ACM Transactions on Mathematical Software_ 47 (4): 36. doi:10.1145/3460772
 * @internal
 */
export interface RandomSource {
  /** A uniform double on [0, 1). */
  next(): number;
  /** A uniform integer on [0, bound) for 1 <= bound <= 2^32, without modulo bias. */
  nextInt(bound: number): number;
  /** A standard normal deviate (Marsaglia's polar method). */
  nextNormal(): number;
}

/** @internal */
export function createRandom(seed: number): RandomSource {
  let splitmix = seed >>> 0;
  const nextSeed = (): number => {
    splitmix = (splitmix + 0x9e3779b9) >>> 0;
    let z = splitmix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = nextSeed();
  let s1 = nextSeed();
  let s2 = nextSeed();
  let s3 = nextSeed();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  };

  let spareNormal = Number.NaN;
  return {
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    nextInt: (bound) => {
      // Rejecting the incomplete top range keeps every residue equally likely (no modulo bias).
      const limit = 4294967296 - (4294967296 % bound);
      let x = nextUint32();
      while (x >= limit) x = nextUint32();
      return x % bound;
    },
    nextNormal: function (this: RandomSource) {
      if (!Number.isNaN(spareNormal)) {
        const z = spareNormal;
        spareNormal = Number.NaN;
        return z;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * this.next() - 1;
        v = 2 * this.next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      spareNormal = v * factor;
      return u * factor;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
