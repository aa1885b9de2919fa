/**
 * Numerical integration: fixed Gauss–Legendre rules and adaptive Gauss–Kronrod (7–15) quadrature.
 *
 * @packageDocumentation
 */

/** Nodes and weights of an n-point Gauss–Legendre rule on [-1, 1]. @internal */
export interface GaussRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const ruleCache = new Map<number, GaussRule>();

/**
 * The n-point Gauss–Legendre rule on [-1, 1], exact for polynomials of degree 2n − 1.
 *
 * @remarks
 * Nodes are the roots of P_n found by Newton's method from Tricomi's initial approximation, with P_n
 * and P_n' from the three-term recurrence; weights 2 / ((1 − x²) P_n'(x)²). Nodes are accurate to a few
 * ulps for n up to several hundred (Golub–Welsch would be O(n²) per rule for no gain here). Rules are
 * cached, so each n is computed once.
 *
 * @reference Davis, P. J., and P. Rabinowitz. 1984. _Methods of Numerical Integration_. 2nd ed. Academic Press.
 * @internal
 */
export function gaussLegendreRule(n: number): GaussRule {
  const cached = ruleCache.get(n);
  if (cached !== undefined) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let step = 0; step < 100; step++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pPrev = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - pPrev)) / (x * x - 1);
      const dx = pn / derivative;
      x -= dx;
      if (Math.abs(dx) <= 1e-16 * Math.max(1, Math.abs(x))) break;
    }
    // Re-evaluate the derivative at the converged node for the weight.
    let p0 = 1;
    let p1 = x;
    for (let k = 2; k <= n; k++) {
      const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    derivative = n === 1 ? 1 : (n * (x * p1 - p0)) / (x * x - 1);
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  const rule = { nodes, weights };
  ruleCache.set(n, rule);
  return rule;
}

/**
 * ∫_a^b f(x) dx by the n-point Gauss–Legendre rule.
 *
 * @internal
 */
export function gaussLegendre(f: (x: number) => number, a: number, b: number, n: number): number {
  const { nodes, weights } = gaussLegendreRule(n);
  const mid = 0.5 * (a + b);
  const halfWidth = 0.5 * (b - a);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]! * f(mid + halfWidth * nodes[i]!);
  return sum * halfWidth;
}

// Kronrod 15-point extension of the 7-point Gauss rule (abscissae on [0, 1), symmetric), from QUADPACK.
const KRONROD_NODES = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];
const KRONROD_WEIGHTS = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
const GAUSS_WEIGHTS = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

interface Segment {
  readonly a: number;
  readonly b: number;
  readonly value: number;
  readonly error: number;
}

function kronrodSegment(f: (x: number) => number, a: number, b: number): Segment {
  const center = 0.5 * (a + b);
  const halfWidth = 0.5 * (b - a);
  const fCenter = f(center);
  let kronrod = KRONROD_WEIGHTS[7]! * fCenter;
  let gauss = GAUSS_WEIGHTS[3]! * fCenter;
  for (let j = 0; j < 7; j++) {
    const dx = halfWidth * KRONROD_NODES[j]!;
    const pair = f(center - dx) + f(center + dx);
    kronrod += KRONROD_WEIGHTS[j]! * pair;
    // Odd Kronrod nodes (1, 3, 5) are the Gauss nodes.
    if (j % 2 === 1) gauss += GAUSS_WEIGHTS[(j - 1) / 2]! * pair;
  }
  return { a, b, value: kronrod * halfWidth, error: Math.abs((kronrod - gauss) * halfWidth) };
}

/** Options for {@link adaptiveIntegrate}. @internal */
export interface IntegrateOptions {
  /** Absolute error target. @defaultValue 1e-14 */
  readonly absoluteTolerance?: number;
  /** Relative error target. @defaultValue 1e-12 */
  readonly relativeTolerance?: number;
  /** Maximum number of subintervals. @defaultValue 2000 */
  readonly maxSegments?: number;
}

/** Value and estimated absolute error of an adaptive integration. @internal */
export interface IntegrateResult {
  readonly value: number;
  readonly errorEstimate: number;
  readonly converged: boolean;
}

/**
 * ∫_a^b f(x) dx by globally adaptive Gauss–Kronrod (7–15) quadrature, the QUADPACK QAG strategy:
 * the segment with the largest error estimate is bisected until the total estimate meets the target.
 * Infinite limits are mapped to a finite range with x = t / (1 − t²).
 *
 * @reference Piessens, R., E. de Doncker-Kapenga, C. W. Überhuber, and D. K. Kahaner. 1983. _QUADPACK: A
 * Subroutine Package for Automatic Integration_. Springer. doi:10.1007/978-3-642-61786-7
 * @internal
 */
export function adaptiveIntegrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: IntegrateOptions = {},
): IntegrateResult {
  if (a === b) return { value: 0, errorEstimate: 0, converged: true };
  if (a > b) {
    const r = adaptiveIntegrate(f, b, a, options);
    return { value: -r.value, errorEstimate: r.errorEstimate, converged: r.converged };
  }
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    const lo = Number.isFinite(a) ? a / (0.5 + Math.sqrt(0.25 + a * a)) : -1;
    const hi = Number.isFinite(b) ? b / (0.5 + Math.sqrt(0.25 + b * b)) : 1;
    const mapped = (t: number): number => {
      const d = 1 - t * t;
      return d <= 0 ? 0 : (f(t / d) * (1 + t * t)) / (d * d);
    };
    return adaptiveIntegrate(mapped, lo, hi, options);
  }
  const absTol = options.absoluteTolerance ?? 1e-14;
  const relTol = options.relativeTolerance ?? 1e-12;
  const maxSegments = options.maxSegments ?? 2000;
  const segments: Segment[] = [kronrodSegment(f, a, b)];
  let value = segments[0]!.value;
  let error = segments[0]!.error;
  while (error > Math.max(absTol, relTol * Math.abs(value))) {
    if (segments.length >= maxSegments) return { value, errorEstimate: error, converged: false };
    let worst = 0;
    for (let i = 1; i < segments.length; i++) if (segments[i]!.error > segments[worst]!.error) worst = i;
    const s = segments[worst]!;
    const mid = 0.5 * (s.a + s.b);
    if (mid <= s.a || mid >= s.b) return { value, errorEstimate: error, converged: false };
    const left = kronrodSegment(f, s.a, mid);
    const right = kronrodSegment(f, mid, s.b);
    segments[worst] = left;
    segments.push(right);
    value = 0;
    error = 0;
    for (const seg of segments) {
      value += seg.value;
      error += seg.error;
    }
  }
  return { value, errorEstimate: error, converged: true };
}
