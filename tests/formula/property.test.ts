import fc from "fast-check";
import Decimal from "decimal.js";
import { evaluateRule } from "../../src/rules";
import { compileRule } from "../../src/rules/formula";
import type { Amount, Bound, Rule, ScoringOptions, Tier } from "../../src/rules/types";
import type { Comparator } from "../../src/values/types";
import { evaluateFormula, numericResult, type HfCell } from "./hf";

/** Random rules of every expressible kind, random values: the engine and HyperFormula must agree to 0.005. */

const CELLS = { target: "A1", actual: "B1", weight: "C1" };
const dec = (n: number) => new Decimal(n);
/** Fractions in thousandths, so values are what a person types (95.4%), never binary noise. */
const permille = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((k) => k / 1000);
const weight = fc.constantFrom(1, 2, 3, 4, 5, 8, 10, 15, 20);
const comparator = fc.constantFrom<Comparator>("ge", "le", "gt", "lt");
const share: fc.Arbitrary<Amount> = fc.constantFrom(0.05, 0.1, 0.2, 0.5).map((v) => ({ mode: "share", value: dec(v) }));
const pts: fc.Arbitrary<Amount> = fc.constantFrom(0.1, 0.5, 1, 2).map((v) => ({ mode: "points", value: dec(v) }));
const amount = fc.oneof(share, pts);
const options: fc.Arbitrary<Partial<ScoringOptions>> = fc.record({
  stepCounting: fc.constantFrom("proportional", "whole", "nearest", "started"),
  reverseFormula: fc.constantFrom("ratio", "relative", "rule"),
  rounding: fc.constantFrom("half-up-2", "half-up-1", "integer", "truncate-2"),
}) as fc.Arbitrary<Partial<ScoringOptions>>;

/** Percent targets as officials write them: text with a comparator, or a number formatted as percent. */
const percentTarget: fc.Arbitrary<HfCell> = fc
  .tuple(fc.constantFrom("≥", "≤", "=", "＝", ""), fc.integer({ min: 1, max: 120 }), fc.boolean())
  .map(([c, v, asText]) => (asText || c ? `${c}${v}%` : v / 100));
const bound = (lo: number, hi: number): fc.Arbitrary<Bound> => fc.record({ comparator, value: permille(lo, hi).map(dec) });

interface Case {
  rule: Rule;
  target: HfCell;
  actual: HfCell;
  actualFormat: string | null;
}

const linear: fc.Arbitrary<Case> = fc
  .record({
    direction: fc.constantFrom("below", "above", "both"),
    reference: fc.option(permille(500, 1000).map(dec), { nil: null }),
    step: fc.constantFrom(0.001, 0.01, 0.05),
    perStep: amount,
    cap: fc.option(amount, { nil: null }),
    zeroWhen: fc.option(bound(0, 1000), { nil: null }),
    target: percentTarget,
    actual: permille(-200, 1500),
  })
  .map((r) => ({
    rule: { kind: "linear", text: "", direction: r.direction, reference: r.reference, step: dec(r.step), stepUnit: "percent", perStep: r.perStep, cap: r.cap, zeroWhen: r.zeroWhen } as Rule,
    target: r.target,
    actual: r.actual,
    actualFormat: "0.0%",
  }));

const ratio: fc.Arbitrary<Case> = fc
  .record({
    denominator: fc.option(permille(500, 1000).map(dec), { nil: null }),
    lowerIsBetter: fc.boolean(),
    gate: fc.option(bound(0, 1000), { nil: null }),
    gateDeduct: fc.option(amount, { nil: null }),
    target: percentTarget,
    actual: permille(1, 1500),
  })
  .map((r) => ({
    rule: { kind: "ratio", text: "", denominator: r.denominator, lowerIsBetter: r.lowerIsBetter, capped: true, gate: r.gate, gateDeduct: r.gate ? r.gateDeduct : null } as Rule,
    target: r.target,
    actual: r.actual,
    actualFormat: "0.0%",
  }));

/** Ordered tiers from descending cut points: [c1, ∞), [c2, c1), …, then maybe "otherwise". */
const bracket: fc.Arbitrary<Case> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }),
    points: fc.array(amount, { minLength: 6, maxLength: 6 }),
    meetsTargetFirst: fc.boolean(),
    otherwise: fc.boolean(),
    target: percentTarget,
    actual: permille(-100, 1300),
  })
  .map((r) => {
    const cuts = [...r.cuts].sort((a, b) => b - a).map((c) => dec(c / 100));
    const tiers: Tier[] = [];
    if (r.meetsTargetFirst) tiers.push({ lower: null, upper: null, meetsTarget: true, points: r.points[5] });
    cuts.forEach((c, i) => tiers.push({ lower: { comparator: "ge", value: c }, upper: i === 0 ? null : { comparator: "lt", value: cuts[i - 1] }, points: r.points[i] }));
    if (r.otherwise) tiers.push({ lower: null, upper: null, points: { mode: "points", value: dec(0) } });
    return { rule: { kind: "bracket", text: "", tiers } as Rule, target: r.target, actual: r.actual, actualFormat: "0.0%" };
  });

const threshold: fc.Arbitrary<Case> = fc
  .record({ condition: fc.option(bound(0, 1200), { nil: null }), met: amount, notMet: amount, target: percentTarget, actual: permille(0, 1300) })
  .map((r) => ({ rule: { kind: "threshold", text: "", condition: r.condition, met: r.met, notMet: r.notMet } as Rule, target: r.target, actual: r.actual, actualFormat: "0.0%" }));

const countChecklist: fc.Arbitrary<Case> = fc
  .record({ total: fc.integer({ min: 2, max: 9 }), drops: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 4 }), met: fc.integer({ min: 0, max: 9 }) })
  .map((r) => {
    const counts = [...new Set([r.total, ...r.drops.map((d) => Math.max(0, r.total - 1 - (d % r.total)))])].sort((a, b) => b - a);
    const countTiers = counts.map((count, i) => ({ count, comparator: (i === counts.length - 1 ? "le" : "eq") as Comparator, points: { mode: "points", value: dec(counts.length - i) } as Amount }));
    return { rule: { kind: "checklist", text: "", points: [], gates: [], allOrNothing: false, countTiers } as Rule, target: r.total, actual: Math.min(r.met, r.total), actualFormat: null };
  });

/** 要点 rules: shares, gates, all-or-nothing; the actual is the target word or the 要点 held ("具备要点1、3"). */
const pointsChecklist: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    shares: fc.array(fc.constantFrom(0.1, 0.2, 0.25, 0.3, 0.5), { minLength: 9, maxLength: 9 }),
    gate: fc.boolean(),
    allOrNothing: fc.boolean(),
    held: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    all: fc.boolean(),
  })
  .map((r) => {
    const indices = Array.from({ length: r.n }, (_, i) => i + 1);
    const points = indices.filter((i) => !(r.gate && i === 1)).map((index) => ({ index, share: { mode: "share", value: dec(r.shares[index - 1]) } as Amount }));
    const held = indices.filter((i) => r.held[i - 1]);
    const actual = r.all ? "健全" : `具备要点${held.join("、")}`;
    return { rule: { kind: "checklist", text: "", points, gates: r.gate ? [1] : [], allOrNothing: r.allOrNothing, countTiers: [] } as Rule, target: "健全", actual, actualFormat: null };
  });

const occurrence: fc.Arbitrary<Case> = fc
  .record({ per: amount, cap: fc.option(amount, { nil: null }), count: fc.integer({ min: 0, max: 12 }) })
  .map((r) => ({ rule: { kind: "occurrence", text: "", perOccurrence: r.per, cap: r.cap } as Rule, target: "=0", actual: r.count, actualFormat: null }));

const formula: fc.Arbitrary<Case> = fc
  .record({ divisor: fc.option(permille(500, 1000).map(dec), { nil: null }), zeroWhen: fc.option(bound(0, 1000), { nil: null }), target: percentTarget, actual: permille(0, 1300) })
  .map((r) => {
    const A = { op: "var", name: "actual" } as const;
    const W = { op: "var", name: "weight" } as const;
    const expr = r.divisor ? { op: "*" as const, left: { op: "/" as const, left: A, right: { op: "num" as const, value: r.divisor } }, right: W } : { op: "*" as const, left: A, right: W };
    return { rule: { kind: "formula", text: "", expr, zeroWhen: r.zeroWhen } as Rule, target: r.target, actual: r.actual, actualFormat: "0.0%" };
  });

const external: fc.Arbitrary<Case> = fc
  .record({ scale: fc.constantFrom(10, 100), actual: fc.integer({ min: 0, max: 1000 }).map((k) => k / 10) })
  .map((r) => ({ rule: { kind: "external", text: "", scale: dec(r.scale) } as Rule, target: r.scale, actual: Math.min(r.actual, r.scale), actualFormat: null }));

const national: fc.Arbitrary<Case> = fc
  .record({ target: percentTarget, actual: permille(0, 1500) })
  .map((r) => ({ rule: { kind: "default", text: "" } as Rule, target: r.target, actual: r.actual, actualFormat: "0.0%" }));

function agree(c: Case, w: number, opts: Partial<ScoringOptions>): void {
  const engine = evaluateRule(c.rule, { rule: "", target: c.target, actual: c.actual, weight: w, actualFormat: c.actualFormat, targetFormat: typeof c.target === "number" && c.actualFormat ? "0%" : null }, opts);
  const compiled = compileRule(c.rule, CELLS, opts);
  expect(compiled.ok).toBe(true);
  if (!compiled.ok) return;
  const hf = numericResult(evaluateFormula(compiled.formula, { A1: c.target, B1: c.actual, C1: w }));
  const score = engine.ok ? engine.score : null;
  if (score === null) {
    // The engine refuses (no tier matches, T/A with A ≤ 0…): the formula must not produce a number either.
    expect({ engine: engine.ok ? "needs a person" : engine.error, hf }).toEqual({ engine: expect.anything(), hf: null });
  } else {
    expect(hf).not.toBeNull();
    expect(Math.abs(hf! - score)).toBeLessThanOrEqual(0.005);
  }
}

describe.each([
  ["linear", linear],
  ["ratio", ratio],
  ["bracket", bracket],
  ["threshold", threshold],
  ["checklist count tiers", countChecklist],
  ["checklist points", pointsChecklist],
  ["occurrence", occurrence],
  ["formula", formula],
  ["external", external],
  ["national default", national],
])("engine and HyperFormula agree: %s", (_name, arb) => {
  it("on random rules and values", () => {
    fc.assert(
      fc.property(arb, weight, options, (c, w, opts) => agree(c, w, opts)),
      { numRuns: 150 },
    );
  });
});
