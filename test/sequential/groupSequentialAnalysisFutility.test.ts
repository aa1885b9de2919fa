import { describe, expect, test } from "vitest";
import { betaSpendingPass } from "../../src/sequential/boundaries.js";
import { groupSequentialAnalysis } from "../../src/sequential/groupSequentialAnalysis.js";
import {
  type GroupSequentialDesignOptions,
  groupSequentialDesign,
} from "../../src/sequential/groupSequentialDesign.js";
import { crossingProbabilities, makeLooks } from "../../src/sequential/recursion.js";
import { spendingValue } from "../../src/sequential/spending.js";
import { expectClose } from "../helpers/expectClose.js";
import { loadFixture, num } from "../helpers/fixtures.js";

interface FutilityCase {
  readonly name: string;
  readonly design: GroupSequentialDesignOptions;
  readonly informationRates: string[];
  readonly drift: string;
  readonly criticalValues: string[];
  readonly futilityBounds: string[];
}

describe("futility bounds re-derived at the observed information (mvtnorm)", () => {
  const fixture = loadFixture<FutilityCase>("sequential/groupSequentialAnalysis/mvtnorm/futility.json");
  for (const c of fixture.cases) {
    test(c.name, () => {
      const design = groupSequentialDesign(c.design);
      const rates = c.informationRates.map(num);
      expectClose(design.drift, num(c.drift), { atol: 1e-6 }, "drift (ours vs rpact)");
      const r = groupSequentialAnalysis(design, { zStatistics: rates.map(() => 0.5), informationRates: rates });
      r.looks.forEach((look, i) => {
        expectClose(look.criticalValue, num(c.criticalValues[i]!), fixture.meta.tolerance, `c ${i + 1}`);
        expectClose(look.futilityBound!, num(c.futilityBounds[i]!), fixture.meta.tolerance, `f ${i + 1}`);
      });
    });
  }
});

describe("futility re-derivation", () => {
  const options: GroupSequentialDesignOptions = {
    kMax: 4,
    alpha: 0.025,
    power: 0.9,
    spending: { family: "hwang-shih-decani", parameter: -4 },
    futility: { family: "hwang-shih-decani", parameter: -2 },
  };

  test("at the planned rates the beta-spending pass reproduces the design's bounds", () => {
    for (const binding of [false, true]) {
      const d = groupSequentialDesign({ ...options, futility: { ...options.futility!, binding } });
      const looks = makeLooks(d.informationRates);
      const beta = d.informationRates.map((t) => spendingValue("hwang-shih-decani", t, 0.1, -2));
      const pass = betaSpendingPass("test", looks, 1, d.alphaSpent, beta, binding, d.criticalValues, d.drift);
      pass.futility.slice(0, 3).forEach((f, i) => {
        expectClose(f, d.futilityBounds![i]!, { atol: 1e-9 }, `f ${i + 1} (binding ${binding})`);
      });
      pass.upper.forEach((c, i) => {
        expectClose(c, d.criticalValues[i]!, { atol: 1e-9 }, `c ${i + 1}`);
      });
      expectClose(pass.gap, 0, { atol: 1e-8 }, "bounds meet at the end");
    }
  });

  test("at observed rates the bounds spend beta(t) under the design drift and alpha(t) under H0", () => {
    for (const binding of [false, true]) {
      const d = groupSequentialDesign({ ...options, futility: { ...options.futility!, binding } });
      const rates = [0.18, 0.43, 0.81];
      const r = groupSequentialAnalysis(d, { zStatistics: [0, 0.5, 1], informationRates: rates });
      const upper = r.looks.map((l) => l.criticalValue);
      const futility = r.looks.map((l) => l.futilityBound!);
      // A final look at t = 1 so that look 3 is an interim look (its futility stop is counted).
      const looks = makeLooks([...rates, 1]);
      const all = { sided: 1 as const, upper: [...upper, 2], futility: [...futility, 2] };
      const h1 = crossingProbabilities(looks, all, d.drift);
      const h0 = crossingProbabilities(looks, { ...all, futility: binding ? all.futility : undefined }, 0);
      let beta = 0;
      let alpha = 0;
      rates.forEach((t, i) => {
        beta += h1.futility[i]!;
        alpha += h0.upper[i]!;
        expectClose(beta, spendingValue("hwang-shih-decani", t, 0.1, -2), { atol: 1e-12 }, `beta(t${i + 1})`);
        expectClose(alpha, spendingValue("hwang-shih-decani", t, 0.025, -4), { atol: 1e-12 }, `alpha(t${i + 1})`);
      });
    }
  });

  test("decisions use the re-derived futility bound", () => {
    const d = groupSequentialDesign({ kMax: 3, futility: { family: "obrien-fleming" } });
    // Planned f1 = -0.2361 at t = 1/3; at t = 0.5 the bound is higher (≈ 0.41): Z = 0.2 is futile only there.
    expect(groupSequentialAnalysis(d, { zStatistics: [0.2] }).looks[0]!.decision).toBe("continue");
    const late = groupSequentialAnalysis(d, { zStatistics: [0.2], informationRates: [0.5] });
    expect(late.looks[0]!.futilityBound!).toBeGreaterThan(0.2);
    expect(late.looks[0]!.decision).toBe("futility");
  });

  test("two-sided and classical designs keep their planned bounds at unplanned information", () => {
    const two = groupSequentialDesign({ kMax: 3, alpha: 0.05, sided: 2, futility: { family: "obrien-fleming" } });
    const r = groupSequentialAnalysis(two, { zStatistics: [0.5, 1], informationRates: [0.4, 0.7] });
    expect(r.looks.map((l) => l.futilityBound)).toEqual(two.futilityBounds);
    const pocock = groupSequentialDesign({ kMax: 3, classical: "pocock" });
    const p = groupSequentialAnalysis(pocock, { zStatistics: [0.5, 1], informationRates: [0.2, 0.5] });
    expect(p.looks.map((l) => l.criticalValue)).toEqual(pocock.criticalValues.slice(0, 2));
  });
});

interface TwoSidedFutilityCase {
  readonly name: string;
  readonly design: GroupSequentialDesignOptions;
  readonly informationRates: string[];
  readonly zStatistics: string[];
  readonly plannedFutilityBounds: string[];
  readonly analysisFutilityBounds: string[];
  readonly analysisCriticalValues: string[];
  readonly respecifiedFutilityBounds: string[];
}

describe("two-sided futility at unplanned information: rpact keeps the planned bounds", () => {
  const fixture = loadFixture<TwoSidedFutilityCase>("sequential/groupSequentialAnalysis/rpact/twoSidedFutility.json");
  // rpact NA (no inner futility region at that look) is reported as 0 here.
  const bound = (s: string): number => (Number.isNaN(num(s)) ? 0 : num(s));
  for (const c of fixture.cases) {
    test(c.name, () => {
      const design = groupSequentialDesign(c.design);
      const rates = c.informationRates.map(num);
      const z = c.zStatistics.map(num);
      const r = groupSequentialAnalysis(design, { zStatistics: z, informationRates: rates });
      r.looks.forEach((look, i) => {
        // rpact's getAnalysisResults used its planned bounds (it only warns about the information).
        expect(num(c.analysisFutilityBounds[i]!)).toEqual(num(c.plannedFutilityBounds[i]!));
        expectClose(look.futilityBound!, bound(c.analysisFutilityBounds[i]!), fixture.meta.tolerance, `f ${i + 1}`);
        // ... and exactly the design's planned bound, not a re-derived one.
        expect(look.futilityBound).toBe(design.futilityBounds![i]);
        const stopsForFutility = Math.abs(z[i]!) < bound(c.analysisFutilityBounds[i]!);
        const crosses = Math.abs(z[i]!) >= look.criticalValue;
        expect(look.decision).toBe(crosses ? "reject" : stopsForFutility ? "futility" : "continue");
      });
      // The last look given stops for futility in both cases (|Z| below the planned inner bound).
      expect(r.looks.at(-1)!.decision).toBe("futility");
      // A design re-planned at the observed rates has other bounds (rpact re-solves its drift): not the analysis rule.
      const last = rates.length - 1;
      expect(
        Math.abs(bound(c.respecifiedFutilityBounds[last]!) - bound(c.plannedFutilityBounds[last]!)),
      ).toBeGreaterThan(0.05);
    });
  }
});

describe("two-sided binding futility at unplanned information", () => {
  test("the planned bounds are held in place when alpha is re-spent: type I error alpha(t_k) per look", () => {
    const d = groupSequentialDesign({
      kMax: 3,
      alpha: 0.05,
      sided: 2,
      spending: { family: "pocock" },
      futility: { family: "pocock", binding: true },
    });
    const rates = [0.3, 0.55];
    const r = groupSequentialAnalysis(d, { zStatistics: [2, 1.5], informationRates: rates });
    const futility = r.looks.map((l) => l.futilityBound!);
    expect(futility).toEqual(d.futilityBounds!.slice(0, 2));
    const upper = r.looks.map((l) => l.criticalValue);
    const looks = makeLooks([...rates, 1]);
    const h0 = crossingProbabilities(looks, { sided: 2, upper: [...upper, 2], futility: [...futility, 2] }, 0);
    let spent = 0;
    rates.forEach((t, i) => {
      spent += h0.upper[i]! + h0.lower[i]!;
      expectClose(spent, 2 * spendingValue("pocock", t, 0.025, undefined), { atol: 1e-12 }, `alpha(t${i + 1})`);
    });
  });
});
