import { scoreRow } from "../../../src/rules/score";
import type { Evaluation, RowInput, ScoreResult } from "../../../src/rules/types";

/** Invented rows, one per class of issue 9; the real rows are in tests/corpus. */
function ok(r: ScoreResult): Evaluation {
  if (!r.ok) throw new Error(`expected a score, got: ${r.error}`);
  return r;
}
const row = (rule: string | null, target: RowInput["target"], actual: RowInput["actual"], weight: number, name = ""): RowInput => ({ rule, target, actual, weight, name });

describe("a rule that names a rate on a row of amounts", () => {
  it.each([
    ["得分=预算执行率×分值", "100万元", "90万元", 10, 9],
    ["预算执行率×10", "120", "108", 10, 9],
    ["执行率=实际支出/预算数×100%，得分=执行率×分值", "120万元", "108万元", 10, 9],
    ["执行率*该指标分值,最高不得超过分值上限。", "310.2", "309.5", 5, 4.99],
    ["采用完成率法计分：得分=资金到位率×5", "1,000万元", "950万元", 5, 4.75],
  ])("%s with %s / %s", (rule, target, actual, weight, score) => {
    const e = ok(scoreRow(row(rule, target, actual, weight, "预算执行率")));
    expect(e.score).toBe(score);
    expect(e.assumptions.join()).toContain("比率按实际值÷目标值计算");
    expect(e.explanation).toContain("假设：");
  });

  it("takes a percent actual as the rate itself, with no assumption", () => {
    const e = ok(scoreRow(row("得分=预算执行率×分值", "100%", "90%", 10, "预算执行率")));
    expect(e.score).toBe(9);
    expect(e.assumptions).toEqual([]);
  });

  it("an 执行率 row with no target is scored against 100%, and says so", () => {
    const e = ok(scoreRow(row(null, null, "79.27", 10, "执行率")));
    expect(e.score).toBe(7.93);
    expect(e.assumptions.join()).toContain("以100%为目标");
  });
});

describe("direction: decided by a comparator, by the name, or assumed — and then turned round", () => {
  it.each(["森林火灾受害率", "安全事故发生率", "肺结核发病率", "财务差错率", "项目超支率", "设备闲置率"])("%s with a bare target is lower-is-better, by its name", (name) => {
    const e = ok(scoreRow(row(null, "0.9%", "0", 10, name)));
    expect(e.score).toBe(10);
    expect(e.assumptions.join()).toContain(`按指标名称“${name}”判断为越低越好`);
    // The other direction is offered as a reading, so a score under it is named rather than called wrong.
    expect(e.alternatives.map((a) => a.reading).join()).toContain("指标方向");
  });

  it("the last direction word of a name decides (单位面积改造成本 is a cost)", () => {
    const e = ok(scoreRow(row(null, "350", "372", 10, "单位面积改造成本")));
    expect(e.score).toBe(9.41);
  });

  it("a name that says higher-is-better needs no assumption", () => {
    const e = ok(scoreRow(row(null, "95%", "90%", 10, "验收合格率")));
    expect(e.assumptions).toEqual([]);
    expect(e.score).toBe(9.47);
  });

  it("a bare target with a neutral name: higher-is-better is assumed and named, the other way offered", () => {
    const e = ok(scoreRow(row(null, "20", "25", 10, "某项指标")));
    expect(e.assumptions.join()).toContain("按越高越好理解");
    expect(e.score).toBe(10);
    expect(e.alternatives).toEqual(expect.arrayContaining([expect.objectContaining({ reading: "指标方向：按越低越好", score: 8 })]));
  });

  it("a ≤ target decides by itself", () => {
    const e = ok(scoreRow(row(null, "≤3次", "2次", 5, "某项指标")));
    expect(e.assumptions).toEqual([]);
  });

  it("counted outputs (个, 人次) are more-is-better without an assumption", () => {
    const e = ok(scoreRow(row(null, "50个", "45个", 10, "培训场次安排")));
    expect(e.assumptions).toEqual([]);
    expect(e.score).toBe(9);
  });
});

describe("text as other sites print it", () => {
  it("traditional script from a mirror site reads as the rule it is", () => {
    const e = ok(scoreRow(row("到位及時率大于90%得滿分", ">=100%", "100%", 3, "資金到位率")));
    expect(e.score).toBe(3);
  });

  it("a per-unit amount without its own unit (每亩300) compares with its target", () => {
    const e = ok(scoreRow(row(null, "每亩300", "每亩300", 6, "造林补助")));
    expect(e.score).toBe(6);
  });

  it("a value with its own calculation in brackets scores as the value", () => {
    const e = ok(scoreRow(row("实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。", "=100%", "95%（19/20）", 4)));
    expect(e.score).toBe(2);
  });

  it("a value whose printed calculation disagrees with it is refused, quoting it", () => {
    const r = scoreRow(row("实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。", "=100%", "95%（18/20）", 4));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("95%（18/20）");
  });
});

describe("wordings of other provinces for rules the grammar reads", () => {
  const W = (rule: string, target: string, actual: string, weight: number, name = "") => scoreRow(row(rule, target, actual, weight, name));
  it.each([
    ["按执行率计分", "100万元", "90万元", 10, "预算执行率", 9],
    ["得分=A/B×分值，A为实际完成值，B为目标值", "10个", "8个", 10, "", 8],
    ["得分=B/A×权重（A为实际值，B为目标值）", "≤100万元", "125万元", 10, "项目成本", 8],
    ["按完成比例得分，满分封顶", "10个", "8个", 10, "", 8],
    ["每降低1%减少0.5分", "100%", "97%", 5, "", 3.5],
    ["每降低1%（含）扣0.5分", "100%", "97%", 5, "", 3.5],
    ["每降低1个百分点（含1个百分点）扣0.5分", "100%", "97%", 5, "", 3.5],
    ["超过目标值每1%扣1分", "≤5%", "8%", 5, "", 2],
    ["得分=(实际完成数/计划数×100%×分值", "10个", "8个", 10, "", 8],
    ["验收合格率=合格数/验收数×100%合格率100%得满分每降低1%扣0.5分", "100%", "97%", 5, "验收合格率", 3.5],
    ["得分=合格数/验收总数×分值", "100%", "97%", 5, "验收合格率", 4.85],
    ["正向指标：得分=实际值/目标值×分值；反向指标：得分=目标值/实际值×分值", "≤5%", "8%", 10, "", 6.25],
    ["正向指标：得分=实际值/目标值×分值；反向指标：得分=目标值/实际值×分值", "≥90%", "81%", 10, "", 9],
  ])("%s (%s / %s)", (rule, target, actual, weight, name, score) => {
    expect(ok(W(rule, target, actual, weight, name)).score).toBe(score);
  });

  it("a rule's own reverse formula is not varied by the option", () => {
    const e = ok(scoreRow(row("正向指标：得分=实际值/目标值×分值；反向指标：得分=目标值/实际值×分值", "≤5%", "8%", 10), { reverseFormula: "relative" }));
    expect(e.score).toBe(6.25);
    expect(e.alternatives.filter((a) => a.options.reverseFormula)).toEqual([]);
  });

  it("a formula over two counts on a row whose actual is a count is refused, not read as a rate", () => {
    const r = scoreRow(row("得分=合格数/验收总数×分值", "100个", "97个", 5, "验收数量"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("合格数和验收总数");
  });

  it("a direction pair whose reverse part is not T/A is refused with the part quoted", () => {
    const r = scoreRow(row("正向指标：得分=实际值/目标值×分值；反向指标：得分=实际值/目标值×分值", "≤5%", "8%", 10));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("反向指标的公式");
  });
});

describe("tiers named by phrases the actual repeats or paraphrases", () => {
  const Q = "项目按计划完成，得5分；基本完成，得3分；未完成，不得分";
  it.each([
    [Q, "按计划完成", "已按计划完成", 5, 5],
    [Q, "按计划完成", "项目已基本完成", 5, 3],
    ["制度健全得2分，制度不健全不得分", "健全", "健全", 2, 2],
    ["制度健全得2分，制度不健全不得分", "健全", "不健全", 2, 0],
    ["发生安全事故不得分，未发生得满分", "0起", "0起", 5, 5],
    ["发生安全事故不得分，未发生得满分", "0起", "1起", 5, 0],
    ["在规定时间内完成得满分，未在规定时间完成不得分", "10月底前", "9月", 5, 5],
    ["在规定时间内完成得满分，未在规定时间完成不得分", "10月底前", "11月", 5, 0],
    ["得分=实际完成值/目标值×分值，超过100%按100%计", "≥100户", "120户", 10, 10],
  ])("%s: %s / %s", (rule, target, actual, weight, score) => {
    expect(ok(scoreRow(row(rule, target, actual, weight))).score).toBe(score);
  });

  it("an actual close to two tiers of the same sense is refused, naming them", () => {
    const r = scoreRow(row("效果显著得10分，效果较显著得8分，效果一般得5分", "显著", "显著", 10));
    expect(r.ok && r.score === 10).toBe(true);
    const vague = scoreRow(row("执行有效得3分，执行较有效得2分，执行无效不得分", "有效", "执行", 3));
    expect(vague.ok).toBe(false);
  });
});

describe("national default rule on values as project tables print them", () => {
  it.each([
    ["显著提升", "明显提升", 10, "群众获得感", 10],
    ["≥2000亩", "1.8万亩", 10, "改造面积", 10],
    ["≥20000亩", "1.8万亩", 10, "改造面积", 9],
    ["2023年底", "2023年11月", 5, "完成时限", 5],
    ["100%", "全覆盖", 5, "覆盖率", 5],
    ["≥5000人次", "5,230人次", 10, "培训人次", 10],
  ])("%s / %s", (target, actual, weight, name, score) => {
    expect(ok(scoreRow(row(null, target, actual, weight, name))).score).toBe(score);
  });
});

describe("a qualitative target met, by the default rule (宁夏银川 2021 初中公用经费: 效果显著 13/15)", () => {
  it("is full marks, with the national 达成 band (100%–80% of the weight) as the other reading", () => {
    const e = ok(scoreRow(row(null, "改善学校的办学条件", "改善学校的办学条件", 15, "效果显著")));
    expect(e.score).toBe(15);
    const band = e.alternatives.find((a) => a.range);
    expect(band?.range).toEqual({ min: 12, max: 15 });
    expect(band?.reading).toContain("达成");
    expect(band?.assumption).toBeDefined();
  });

  it("has no band where the rule itself says full marks, nor for a number met", () => {
    expect(ok(scoreRow(row("达到目标值得满分，未达到不得分", "健全", "健全", 10))).alternatives.some((a) => a.range)).toBe(false);
    expect(ok(scoreRow(row(null, "100%", "100%", 10))).alternatives.some((a) => a.range)).toBe(false);
  });
});
