import { d, fails, ok, points, share } from "./helpers";
import type { Rule } from "../../../src/rules/types";

describe("ratio (完成率法)", () => {
  const ratio = (over: Partial<Extract<Rule, { kind: "ratio" }>> = {}): Rule => ({ kind: "ratio", text: "", denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null, ...over });
  test("w × A/T, capped at the weight", () => {
    expect(ok(ratio(), { target: "100%", actual: "95%", weight: 4 }).score).toBe(3.8);
    const over = ok(ratio(), { target: "100%", actual: "120%", weight: 4 });
    expect(over.score).toBe(4);
    expect(over.explanation).toContain("超出目标值不加分");
  });
  test("a denominator written in the rule: 得分=固定资产利用率/80%×3", () => {
    expect(ok(ratio({ denominator: d(0.8) }), { target: "80%", actual: "76%", weight: 3 }).score).toBe(2.85);
  });
  test("lower is better: T/A by default, 1-(A-T)/T as the other reading", () => {
    const r = ratio({ lowerIsBetter: true });
    const e = ok(r, { target: "≤100%", actual: "125%", weight: 4 });
    expect(e.score).toBe(3.2);
    expect(e.alternatives.find((a) => a.options.reverseFormula === "relative")?.score).toBe(3);
    expect(ok(r, { target: "≤100%", actual: "125%", weight: 4 }, { reverseFormula: "relative" }).score).toBe(3);
  });
  test("gate: ≤95% 的扣4分", () => {
    const r = ratio({ gate: { comparator: "le", value: d(0.95), percent: true }, gateDeduct: points(4) });
    expect(ok(r, { target: "100%", actual: "95%", weight: 4 }).score).toBe(0);
    expect(ok(r, { target: "100%", actual: "98%", weight: 4 }).score).toBe(3.92);
  });
  test("a target of 0 cannot be a denominator", () => {
    expect(fails(ratio(), { target: "0", actual: "5", weight: 4 }).error).toContain("无法计算完成率");
  });
});

describe("bracket (分档)", () => {
  const tiers: Rule = {
    kind: "bracket",
    text: "",
    tiers: [
      { lower: null, upper: null, meetsTarget: true, points: points(4) },
      { lower: { comparator: "ge", value: d(0.95), percent: true }, upper: { comparator: "lt", value: d(1), percent: true }, points: points(3) },
      { lower: { comparator: "ge", value: d(0.9), percent: true }, upper: { comparator: "lt", value: d(0.95), percent: true }, points: points(2) },
      { lower: { comparator: "ge", value: d(0.85), percent: true }, upper: { comparator: "lt", value: d(0.9), percent: true }, points: points(1) },
      { lower: null, upper: { comparator: "lt", value: d(0.85), percent: true }, points: points(0) },
    ],
  };
  test.each([
    ["100%", 4],
    ["97%", 3],
    ["95%", 3],
    ["94.99%", 2],
    ["90%", 2],
    ["85%", 1],
    ["84%", 0],
  ])("项目实际完成率 %s", (actual, score) => {
    expect(ok(tiers, { target: "100%", actual, weight: 4 }).score).toBe(score);
  });
  test("no tier holds: an error asking for a person, not a zero", () => {
    const gap: Rule = { kind: "bracket", text: "", tiers: [{ lower: { comparator: "gt", value: d(0.3), percent: true }, upper: null, points: points(0) }] };
    expect(fails(gap, { target: "≤30%", actual: "20%", weight: 2 }).error).toContain("不在评分规则的任何档次内");
  });
});

describe("threshold", () => {
  const t: Rule = { kind: "threshold", text: "", condition: null, met: share(1), notMet: points(0) };
  test("达到目标值得1分，未达到目标值得0分", () => {
    expect(ok(t, { target: "≥90%", actual: "92%", weight: 1 }).score).toBe(1);
    expect(ok(t, { target: "≥90%", actual: "89%", weight: 1 }).score).toBe(0);
  });
  test("…大于95%得满分", () => {
    const gt: Rule = { kind: "threshold", text: "", condition: { comparator: "gt", value: d(0.95), percent: true }, met: share(1), notMet: points(0) };
    expect(ok(gt, { target: "≥95%", actual: "96%", weight: 2 }).score).toBe(2);
    expect(ok(gt, { target: "≥95%", actual: "95%", weight: 2 }).score).toBe(0);
  });
});

describe("checklist (要点)", () => {
  const gate1: Rule = { kind: "checklist", text: "", points: [{ index: 2, share: share(0.5) }, { index: 3, share: share(0.5) }], gates: [1], allOrNothing: false, countTiers: [] };
  test("健全 = 健全: every point met", () => {
    expect(ok(gate1, { target: "健全", actual: "健全", weight: 2 }).score).toBe(2);
  });
  test("a listed subset", () => {
    expect(ok(gate1, { target: "健全", actual: "具备要点1、2", weight: 2 }).score).toBe(1);
  });
  test("the gate point missing gives 0", () => {
    expect(ok(gate1, { target: "健全", actual: "具备要点2、3", weight: 2 }).score).toBe(0);
  });
  test("the explanation names the gate point, met or not", () => {
    expect(ok(gate1, { target: "健全", actual: "健全", weight: 2 }).explanation).toContain("关键要点1已具备（不具备则得0分）");
    expect(ok(gate1, { target: "健全", actual: "具备要点1、2", weight: 2 }).explanation).toContain("关键要点1已具备");
    expect(ok(gate1, { target: "健全", actual: "具备要点2、3", weight: 2 }).explanation).toContain("不具备关键要点1（评分规则：不具备要点1得0分），得0分");
  });
  test("不具备要点3 means the others are met", () => {
    expect(ok(gate1, { target: "健全", actual: "不具备要点3", weight: 2 }).score).toBe(1);
  });
  test("all or nothing", () => {
    const all: Rule = { kind: "checklist", text: "", points: [1, 2, 3, 4, 5].map((index) => ({ index, share: share(0.2) })), gates: [], allOrNothing: true, countTiers: [] };
    expect(ok(all, { target: "合规", actual: "合规", weight: 3 }).score).toBe(3);
    expect(ok(all, { target: "合规", actual: "具备要点1-4", weight: 3 }).score).toBe(0);
  });
  test("count tiers: 全部符合(9分)；符合其中七项(8分)", () => {
    const c: Rule = { kind: "checklist", text: "", points: [], gates: [], allOrNothing: false, countTiers: [{ count: 9, comparator: "ge", points: points(9) }, { count: 7, comparator: "ge", points: points(8) }, { count: 6, comparator: "eq", points: points(5) }, { count: 4, comparator: "le", points: points(0) }] };
    expect(ok(c, { target: "合规", actual: 7, weight: 9 }).score).toBe(8);
    expect(ok(c, { target: "合规", actual: "合规", weight: 9 }).score).toBe(9);
    expect(fails(c, { target: "合规", actual: 5, weight: 9 }).error).toContain("符合5项");
  });
  test("a negative word cannot tell which points: an error", () => {
    expect(fails(gate1, { target: "健全", actual: "不健全", weight: 2 }).code).toBe("value-unreadable");
  });
});

describe("occurrence, qualitative, match, formula, external, manual", () => {
  test("每出现一例不符合要求的扣1分，扣完为止", () => {
    const r: Rule = { kind: "occurrence", text: "", perOccurrence: points(1), cap: null };
    expect(ok(r, { target: "0", actual: "2例", weight: 5 }).score).toBe(3);
    expect(ok(r, { target: "无", actual: "无", weight: 5 }).score).toBe(5);
    expect(ok(r, { target: "0", actual: 9, weight: 5 }).score).toBe(0);
  });
  test("qualitative tiers in words", () => {
    const r: Rule = { kind: "qualitative", text: "", tiers: [{ phrase: "反映问题比较全面并进行认真分析", points: points(15) }, { phrase: "只提出“资金不足”问题", points: points(0) }] };
    expect(ok(r, { target: "全面", actual: "反映问题比较全面并进行认真分析", weight: 15 }).score).toBe(15);
    expect(fails(r, { target: "全面", actual: "一般", weight: 15 }).error).toContain("不属于评分规则中的任何情形");
  });
  test("match: equal words full, 未 gives 0", () => {
    const r: Rule = { kind: "match", text: "" };
    expect(ok(r, { target: "按规定公开", actual: "按规定公开", weight: 2 }).score).toBe(2);
    expect(ok(r, { target: "按规定公开", actual: "未公开", weight: 2 }).score).toBe(0);
  });
  test("formula: 得分=政府采购执行率×2, capped", () => {
    const r: Rule = { kind: "formula", text: "", expr: { op: "*", left: { op: "var", name: "actual" }, right: { op: "num", value: d(2) } }, zeroWhen: null };
    expect(ok(r, { target: "100%", actual: "90%", weight: 2 }).score).toBe(1.8);
    expect(ok(r, { target: "100%", actual: "150%", weight: 2 }).score).toBe(2);
  });
  test("formula: (1-10×比率)×分值 with a zero gate above 10%", () => {
    const r: Rule = {
      kind: "formula",
      text: "",
      expr: { op: "*", left: { op: "-", left: { op: "num", value: d(1) }, right: { op: "*", left: { op: "num", value: d(10) }, right: { op: "var", name: "actual" } } }, right: { op: "var", name: "weight" } },
      zeroWhen: { comparator: "gt", value: d(0.1), percent: true },
    };
    expect(ok(r, { target: "0%", actual: "2%", weight: 5 }).score).toBe(4);
    expect(ok(r, { target: "0%", actual: "11%", weight: 5 }).score).toBe(0);
  });
  test("external: (评价结果/100)×5", () => {
    const r: Rule = { kind: "external", text: "", scale: d(100) };
    expect(ok(r, { target: "100", actual: 92, weight: 5 }).score).toBe(4.6);
  });
  test("manual (酌情) gives no score but the allowed range", () => {
    const e = ok({ kind: "manual", text: "酌情扣分" }, { target: "", actual: "", weight: 15 });
    expect(e.score).toBeNull();
    expect(e.range).toEqual({ min: 0, max: 15 });
    expect(e.explanation).toContain("酌情");
  });
});

describe("the national default rule (no rule text)", () => {
  const def: Rule = { kind: "default", text: "" };
  test("met is full marks; short is w×A/T", () => {
    expect(ok(def, { target: "≥95%", actual: "96%", weight: 10 }).score).toBe(10);
    expect(ok(def, { target: "≥95%", actual: "90%", weight: 10 }).score).toBe(9.47);
    expect(ok(def, { target: "44860人次", actual: "40000人次", weight: 10 }).score).toBe(8.92);
  });
  test("预算执行率 row: 分值×执行数/预算数", () => {
    expect(ok(def, { target: "100%", actual: 0.9627, actualFormat: "0.00%", weight: 10, name: "预算执行率" }).score).toBe(9.63);
  });
  test("lower is better by comparator or by name, with both reverse formulas", () => {
    expect(ok(def, { target: "≤4万元", actual: "5万元", weight: 5 }).score).toBe(4);
    expect(ok(def, { target: "≤4万元", actual: "5万元", weight: 5 }, { reverseFormula: "relative" }).score).toBe(3.75);
    expect(ok(def, { target: "4万元", actual: "5万元", weight: 5, name: "核查经费成本" }).score).toBe(4);
    expect(ok(def, { target: "≤4万元", actual: "38000元", weight: 5 }).score).toBe(5);
  });
  test("over-achievement (≥1.2×target) is full marks and flagged in the explanation", () => {
    const e = ok(def, { target: "≥100人", actual: "130人", weight: 5 });
    expect(e.score).toBe(5);
    expect(e.explanation).toContain("超额");
  });
  test("qualitative: matching words full, partial words a band for a person", () => {
    expect(ok(def, { target: "显著提升", actual: "显著提升", weight: 10 }).score).toBe(10);
    const partial = ok(def, { target: "显著提升", actual: "部分达成年度指标并具有一定效果", weight: 10 });
    expect(partial.score).toBeNull();
    expect(partial.range).toEqual({ min: 6, max: 8 });
    expect(ok(def, { target: "显著提升", actual: "部分达成", weight: 10 }, { qualitativeBands: "80/50" }).range).toEqual({ min: 5, max: 8 });
  });
  test("dates: on time is full marks", () => {
    expect(ok(def, { target: "在2021年12月31日前完成", actual: "2021年11月30日前完成", weight: 5 }).score).toBe(5);
  });
  test("bad weights and unreadable values are errors in Chinese", () => {
    expect(fails(def, { target: "100%", actual: "90%", weight: "abc" }).error).toContain("权重无效");
    expect(fails(def, { target: "100%", actual: "90%", weight: 0 }).code).toBe("weight-invalid");
    expect(fails(def, { target: "2 95%", actual: "90%", weight: 4 }).code).toBe("value-unreadable");
  });
});

describe("deadlines", () => {
  const onTime: Rule = { kind: "threshold", text: "", condition: null, met: share(1), notMet: points(0) };
  test("项目于规定时间内完成得满分，否则不得分", () => {
    expect(ok(onTime, { target: "2021年12月31日前", actual: "2021年11月", weight: 4 }).score).toBe(4);
    expect(ok(onTime, { target: "2021年6月30日前完成", actual: "2021年7月", weight: 4 }).score).toBe(0);
  });
  test("a date without a year against one with a year is refused", () => {
    expect(fails(onTime, { target: "12月底之前完成", actual: "2021年11月", weight: 4 }).error).toContain("无法比较");
  });
});

test("percent tiers on counted values use the completion rate (3个 of 5个 = 60%), and say so", () => {
  const r: Rule = {
    kind: "bracket",
    text: "",
    tiers: [
      { lower: null, upper: null, meetsTarget: true, points: share(1) },
      { lower: { comparator: "ge", value: d(0.8), percent: true }, upper: null, points: share(0.7) },
      { lower: { comparator: "ge", value: d(0.6), percent: true }, upper: null, points: share(0.5) },
      { lower: null, upper: { comparator: "lt", value: d(0.6), percent: true }, points: points(0) },
    ],
  };
  const e = ok(r, { target: "5个", actual: "3个", weight: 5 });
  expect(e.score).toBe(2.5);
  expect(e.explanation).toContain("按完成率计");
  expect(ok(r, { target: "5个", actual: "5个", weight: 5 }).score).toBe(5);
  expect(ok(r, { target: "100%", actual: "85%", weight: 5 }).score).toBe(3.5);
});

test("a softened word (较显著 for 显著, 基本达到) is partial, not full marks", () => {
  const def: Rule = { kind: "default", text: "" };
  expect(ok(def, { target: "显著", actual: "较显著", weight: 10 }).range).toEqual({ min: 6, max: 8 });
  expect(ok(def, { target: "较好", actual: "较好", weight: 10 }).score).toBe(10);
  expect(ok(def, { target: "显著提升", actual: "基本达到", weight: 10 }).score).toBeNull();
});
