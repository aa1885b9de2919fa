/**
 * Neumaier's compensated summation: the rounding error of each addition is carried in a second
 * accumulator, so the sum is exact to about one ulp whatever the order and magnitudes of the terms.
 * A non-number among the values gives NaN.
 *
 * @reference Neumaier, A. 1974. "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen."
 * _ZAMM_ 54 (1): 39–51. doi:10.1002/zamm.19740540106
 * @internal
 */
export function compensatedSum(values: ArrayLike<unknown>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Unvalidated samples reach here (their check rides in the moments pass): NaN at the first non-number.
    // The test costs nothing measurable beside the dependent additions.
    if (typeof v !== "number") return Number.NaN;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * A running compensated sum, for loops that produce their terms one at a time.
 *
 * @internal
 */
export class CompensatedAccumulator {
  private sum = 0;
  private compensation = 0;

  /** Adds one term. */
  add(value: number): void {
    const t = this.sum + value;
    this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - t + value : value - t + this.sum;
    this.sum = t;
  }

  /** The sum so far. */
  get value(): number {
    return this.sum + this.compensation;
  }
}
