/**
 * Sequential testing hot paths. rpact 3.3.4 timings for the same designs (R 4.2.2, same 2-core machine class,
 * R overhead included; sequential.md §17): getDesignGroupSequential spending designs K = 2, 5, 10, 20:
 * 12, 36, 152, 656 ms; OF/P/WT 15–40 ms; beta-spending designs 60 ms (non-binding) to 0.3–1.6 s (binding);
 * getAnalysisResults repeated p-values ~0.2 s per stage, RCIs ~0.4 s per stage. gsDesign (C core) K = 10
 * O'Brien–Fleming spending: 7.0 ms end to end.
 *
 * Run: npx vitest bench --run benchmarks/sequential.bench.ts
 */
import { bench, describe } from "vitest";
import { confidenceSequence, groupSequentialAnalysis, groupSequentialDesign, msprt } from "../src/sequential/index.js";

/** Every result is folded in here, so the engine cannot drop the work. */
const state = { sink: 0 };
const check = (x: number): void => {
  if (!Number.isFinite(x)) throw new Error("non-finite benchmark result");
  state.sink += x;
};

describe("groupSequentialDesign (O'Brien–Fleming spending, with inflation factor and ASN)", () => {
  for (const kMax of [2, 5, 10, 20]) {
    bench(`K = ${kMax}`, () => {
      check(groupSequentialDesign({ kMax }).inflationFactor);
    });
  }
  bench("K = 10 Pocock (classical)", () => {
    check(groupSequentialDesign({ kMax: 10, classical: "pocock" }).inflationFactor);
  });
  bench("K = 5 binding beta spending", () => {
    check(groupSequentialDesign({ kMax: 5, futility: { family: "pocock", binding: true } }).inflationFactor);
  });
});

describe("groupSequentialAnalysis", () => {
  const design = groupSequentialDesign({ kMax: 3 });
  bench("K = 3, two looks with repeated p, RCI, final CI and MUE", () => {
    const r = groupSequentialAnalysis(design, {
      zStatistics: [1.767767, 2.656197],
      standardErrors: [0.1414214, 0.09976669],
    });
    check(r.final?.pValue ?? Number.NaN);
  });
});

describe("always-valid", () => {
  const looks = Array.from({ length: 100 }, (_, i) => ({
    control: { visitors: 1000 * (i + 1), conversions: 100 * (i + 1) },
    treatment: { visitors: 1000 * (i + 1), conversions: 103 * (i + 1) },
  }));
  bench("msprt, 100 looks", () => {
    check(msprt(looks, { mixingVariance: 1e-4 }).pValue);
  });
  bench("confidenceSequence, one look", () => {
    check(confidenceSequence({ estimate: 0.01, standardError: 0.004, sampleSize: 20_000 }).pValue);
  });
});
