import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { bayesianMeans } from "../../src/bayesian/bayesianMeans.js";
import { expectClose } from "../helpers/expectClose.js";

const summary = fc.record({
  n: fc.integer({ min: 2, max: 1_000_000 }),
  mean: fc.double({ min: 0.01, max: 1e3, noNaN: true }),
  sd: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
});
const prior = fc.option(
  fc.record({
    mean: fc.double({ min: -1, max: 1, noNaN: true }),
    variance: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
  }),
  { nil: null },
);
const relative = fc.boolean();
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe("bayesianMeans (laws)", () => {
  test.prop([summary, summary, relative, prior, level])(
    "ranges: probability, risks >= 0, interval around the mean",
    (c, t, rel, p, lvl) => {
      const r = bayesianMeans(c, t, { relative: rel, prior: p, credibleLevel: lvl });
      expect(r.chanceToWin).toBeGreaterThanOrEqual(0);
      expect(r.chanceToWin).toBeLessThanOrEqual(1);
      expect(r.risk.control).toBeGreaterThanOrEqual(0);
      expect(r.risk.treatment).toBeGreaterThanOrEqual(0);
      expect(r.credibleInterval.lower).toBeLessThanOrEqual(r.posteriorMean);
      expect(r.credibleInterval.upper).toBeGreaterThanOrEqual(r.posteriorMean);
      expect(r.credibleInterval.level).toBe(lvl);
    },
  );

  test.prop([summary, summary, relative, prior])("risk(control) − risk(treatment) = posterior mean", (c, t, rel, p) => {
    const r = bayesianMeans(c, t, { relative: rel, prior: p });
    expectClose(
      r.risk.control - r.risk.treatment,
      r.posteriorMean,
      { rtol: 1e-12, atol: 1e-15 * r.posteriorSd },
      "difference",
    );
  });

  test.prop([summary, summary])(
    "swapping the arms (absolute) negates the effect and swaps chance and risks",
    (c, t) => {
      const a = bayesianMeans(c, t, { relative: false });
      const b = bayesianMeans(t, c, { relative: false });
      expectClose(b.posteriorMean, -a.posteriorMean, { rtol: 1e-14, atol: 1e-300 }, "mean");
      expectClose(b.chanceToWin, 1 - a.chanceToWin, { rtol: 1e-12, atol: 1e-15 }, "chance");
      expectClose(b.risk.control, a.risk.treatment, { rtol: 1e-12, atol: 1e-300 }, "risk");
      expectClose(b.credibleInterval.lower, -a.credibleInterval.upper, { rtol: 1e-14, atol: 1e-15 }, "ci");
    },
  );

  test.prop([summary, relative])("identical arms give chance 1/2 and equal risks (flat prior)", (c, rel) => {
    const r = bayesianMeans(c, c, { relative: rel });
    expect(r.chanceToWin).toBe(0.5);
    expect(r.risk.control).toBe(r.risk.treatment);
  });

  test.prop([summary, summary, relative, level, level])(
    "a higher level never narrows the interval",
    (c, t, rel, l1, l2) => {
      const lo = bayesianMeans(c, t, { relative: rel, credibleLevel: Math.min(l1, l2) }).credibleInterval;
      const hi = bayesianMeans(c, t, { relative: rel, credibleLevel: Math.max(l1, l2) }).credibleInterval;
      expect(hi.upper - hi.lower).toBeGreaterThanOrEqual((lo.upper - lo.lower) * (1 - 1e-12));
    },
  );

  test.prop([summary, summary, relative, prior])(
    "a proper prior shrinks the posterior sd below the standard error",
    (c, t, rel, p) => {
      fc.pre(p !== null);
      const r = bayesianMeans(c, t, { relative: rel, prior: p });
      expect(r.posteriorSd).toBeLessThanOrEqual(r.standardError);
    },
  );

  test.prop([summary, summary, fc.double({ min: 1e-3, max: 1e3, noNaN: true })])(
    "the absolute model is shift invariant; the relative model is scale invariant",
    (c, t, k) => {
      const a = bayesianMeans(c, t, { relative: false });
      const shifted = bayesianMeans({ ...c, mean: c.mean + k }, { ...t, mean: t.mean + k }, { relative: false });
      expectClose(shifted.chanceToWin, a.chanceToWin, { rtol: 1e-6, atol: 1e-9 }, "shift");
      const r = bayesianMeans(c, t);
      const scaled = bayesianMeans({ ...c, mean: c.mean * k, sd: c.sd * k }, { ...t, mean: t.mean * k, sd: t.sd * k });
      // Scaling rounds each mean by ε; the lift's difference of means amplifies that by max|mean| / |Δ|
      // (seed 1880425663: means 1000 apart by 3.8e-4 moved the chance to win by 1e-10).
      const cancellation = Math.max(Math.abs(c.mean), Math.abs(t.mean)) / Math.abs(t.mean - c.mean);
      expectClose(scaled.chanceToWin, r.chanceToWin, { rtol: 1e-9, atol: 1e-12 + 1e-14 * cancellation }, "scale");
    },
  );
});
