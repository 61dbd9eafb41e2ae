import Decimal from "decimal.js";
import { parseRule } from "../../src/rules/parse";
import { scoreRow } from "../../src/rules";
import { compileRule } from "../../src/rules/formula";
import type { ScoringOptions } from "../../src/rules/types";
import { evaluateFormula, functionNames, numericResult, PORTABLE_FUNCTIONS, type HfCell } from "./hf";

const CELLS = { target: "D11", actual: "E11", weight: "F11" };
const DOWN_10 = "实际值为100%得满分，每降低1%扣权重分的10%，扣完为止。";

function compiled(ruleText: string, options?: Partial<ScoringOptions>, name?: string): string {
  const r = compileRule(parseRule(ruleText), CELLS, options, { name });
  if (!r.ok) throw new Error(r.reason);
  return r.formula;
}

function hfScore(ruleText: string, target: HfCell, actual: HfCell, weight: number, options?: Partial<ScoringOptions>, name?: string): number | null {
  return numericResult(evaluateFormula(compiled(ruleText, options, name), { D11: target, E11: actual, F11: weight }));
}

function engineScore(ruleText: string, target: HfCell, actual: HfCell, weight: number, options?: Partial<ScoringOptions>, name?: string, actualFormat?: string): number | null {
  const r = scoreRow({ rule: ruleText, target, actual, weight, name, actualFormat }, options);
  return r.ok ? r.score : null;
}

describe("compileRule: linear (seeds/000)", () => {
  it("scores 95.4% against =100% as the engine, from a number and from text", () => {
    const engine = engineScore(DOWN_10, "=100%", 0.954, 4, undefined, undefined, "0.0%");
    expect(engine).toBe(2.16);
    expect(hfScore(DOWN_10, "=100%", 0.954, 4)).toBe(2.16);
    expect(hfScore(DOWN_10, "=100%", "95.4%", 4)).toBe(2.16);
    expect(hfScore(DOWN_10, "＝100％", "95.4％", 4)).toBe(2.16);
    expect(hfScore(DOWN_10, "≥ 1,00%", "95.4百分比", 4)).toBe(2.16);
    expect(hfScore(DOWN_10, 1, "95.4%", 4)).toBe(2.16);
  });

  it.each([
    ["proportional", 2.16],
    ["whole", 2.4],
    ["nearest", 2],
    ["started", 2],
  ] as const)("step counting %s gives %p at 95.4%%, as the engine", (stepCounting, expected) => {
    expect(engineScore(DOWN_10, "=100%", 0.954, 4, { stepCounting }, undefined, "0.0%")).toBe(expected);
    expect(hfScore(DOWN_10, "=100%", 0.954, 4, { stepCounting })).toBe(expected);
  });

  it("counts exact whole steps without binary noise (95% is 5 steps, not 6)", () => {
    for (const stepCounting of ["whole", "nearest", "started"] as const) {
      expect(hfScore(DOWN_10, "=100%", 0.95, 4, { stepCounting })).toBe(2);
    }
  });

  it("respects the rounding option with ROUND / ROUNDDOWN", () => {
    const rule = "实际值达到目标值得满分，每降低1%扣0.333分，扣完为止。";
    for (const rounding of ["half-up-2", "half-up-1", "integer", "truncate-2"] as const) {
      const engine = engineScore(rule, "≥100%", 0.97, 5, { rounding }, undefined, "0%");
      expect(hfScore(rule, "≥100%", 0.97, 5, { rounding })).toBe(engine);
    }
    expect(compiled(rule, { rounding: "truncate-2" })).toMatch(/^=ROUNDDOWN\(/);
    expect(compiled(rule, { rounding: "half-up-1" })).toMatch(/,1\)$/);
  });

  it("handles above, both directions, caps and zero thresholds", () => {
    const cases: [string, HfCell, number, number][] = [
      ["实际值小于等于0得满分，每增加1%扣权重分的10%，扣完为止。", "≤0", 0.025, 4],
      ["实际值为0得满分，每增长或降低1%扣权重分的10%，扣完为止。", "=0", -0.013, 4],
      ["目标值为≤100%；达到目标值得3分，未达到目标值的每增加0.1个百分点扣0.1分，扣完为止。", "≤100%", 1.004, 3],
      ["每降低1%扣1分，最多扣3分。", "≥100%", 0.9, 10],
      ["每降低5%扣指标分值的5%，低于70%不得分。", "≥100%", 0.69, 10],
      ["每降低5%扣指标分值的5%，低于70%不得分。", "≥100%", 0.82, 10],
    ];
    for (const [rule, target, actual, weight] of cases) {
      const engine = engineScore(rule, target, actual, weight, undefined, undefined, "0.0%");
      expect(engine).not.toBeNull();
      expect(hfScore(rule, target, actual, weight)).toBeCloseTo(engine!, 5);
    }
  });

  it.each(["不低于95%", "９５．４％", "95人次"])("gives an error rather than a number for text it cannot read: %s", (text) => {
    const v = evaluateFormula(compiled(DOWN_10), { D11: "=100%", E11: text, F11: 4 });
    expect(numericResult(v)).toBeNull();
  });

  it("uses only functions all four spreadsheets have", () => {
    for (const text of [DOWN_10, "得分=固定资产利用率/80%×100%×3，超出目标值不加分。", "全部符合(9分)；符合其中七项(8分)；符合其中四项及以下(0分)。"]) {
      for (const f of functionNames(compiled(text))) expect(PORTABLE_FUNCTIONS.has(f)).toBe(true);
    }
  });
});

describe("compileRule: other kinds agree with the engine", () => {
  const cases: { rule: string; target: HfCell; actual: HfCell; weight: number; format?: string; name?: string }[] = [
    { rule: "目标值为80%；以3分为上限，采用完成率法计分：得分=固定资产利用率/80%×100%×3，超出目标值不加分。", target: "=80%", actual: 0.76, weight: 3, format: "0%" },
    { rule: "目标值100%；以4分为上限，采用完成率法计分：得分=项目质量达标率×4，≤95%的扣4分。", target: "=100%", actual: 0.95, weight: 4, format: "0%" },
    { rule: "目标值为100%；达到目标值得4分；100%>结果≥95%，得3分；95%>结果≥90%，得2分；90%>结果≥85%，得1分；结果<85%得0分。", target: "=100%", actual: 0.9, weight: 4, format: "0%" },
    { rule: "达到目标值得2分，未达到目标值得0分。", target: "≥95%", actual: "94.9%", weight: 2 },
    { rule: "全部符合(9分)；符合其中七项(8分)；符合其中六项(5分)；符合其中五项(3分)；符合其中四项及以下(0分)。", target: 8, actual: 6, weight: 9 },
    { rule: "每出现一例不符合要求的扣1分，扣完为止。", target: "=0", actual: 3, weight: 5 },
    { rule: "每出现一例不符合要求的扣1分，扣完为止。", target: "=0", actual: "无", weight: 5 },
    { rule: "综合得分=(部门绩效管理工作评价结果/100)*5分", target: 100, actual: 92.5, weight: 5 },
    { rule: "不具备要点1实际值得0权重分，具备要点2实际值得50%权重分，具备要点3实际值得50%权重分。", target: "健全", actual: "健全", weight: 2 },
    { rule: "不具备要点1实际值得0权重分，具备要点2实际值得50%权重分，具备要点3实际值得50%权重分。", target: "健全", actual: "具备要点1、3", weight: 2 },
    { rule: "不具备要点1实际值得0权重分，具备要点2实际值得50%权重分，具备要点3实际值得50%权重分。", target: "健全", actual: "具备要点2、3", weight: 2 },
    { rule: "具备要点1-5得100%权重分，任意一项不具备得0权重分。", target: "合规", actual: "具备要点1、2、3、4", weight: 3 },
  ];
  it.each(cases)("$rule with $actual", ({ rule, target, actual, weight, format, name }) => {
    const engine = engineScore(rule, target, actual, weight, undefined, name, format);
    expect(engine).not.toBeNull();
    expect(hfScore(rule, target, actual, weight, undefined, name)).toBeCloseTo(engine!, 5);
  });

  it("national default rule: higher and lower is better, by comparator and by name", () => {
    const rows: [HfCell, number, string | undefined][] = [
      ["≥2400", 2350, undefined],
      ["≤350", 372, undefined],
      [350, 372, "单位面积改造成本"],
      ["≥95%", 0.92, undefined],
    ];
    for (const reverseFormula of ["ratio", "relative", "rule"] as const) {
      for (const [target, actual, name] of rows) {
        const engine = engineScore("", target, actual, 10, { reverseFormula }, name);
        const r = compileRule({ kind: "default", text: "" }, CELLS, { reverseFormula }, { name });
        expect(r.ok).toBe(true);
        const hf = numericResult(evaluateFormula(r.ok ? r.formula : "", { D11: target, E11: actual, F11: 10 }));
        expect(hf).toBeCloseTo(engine!, 5);
      }
    }
  });

  it("ratio with a ≤ target follows the reverseFormula option", () => {
    const rule = "采用完成率法计分，得分=控制率×5，超出目标值不加分。";
    for (const reverseFormula of ["ratio", "relative"] as const) {
      const engine = engineScore(rule, "≤100%", 1.08, 5, { reverseFormula }, "“三公经费”控制率", "0%");
      expect(engine).not.toBeNull();
      expect(hfScore(rule, "≤100%", 1.08, 5, { reverseFormula }, "“三公经费”控制率")).toBeCloseTo(engine!, 5);
    }
  });
});

describe("compileRule: rules no formula can express", () => {
  it.each([
    ["酌情扣分。", "酌情"],
    ["符合(2分)；不符合(0分)。", "文字档次"],
    // Date cells differ in days; the rule counts months.
    ["按时完成得满分，每延期1个月扣1分", "按月计延迟"],
  ])("%s is refused with a Chinese reason", (text, word) => {
    const r = compileRule(parseRule(text), CELLS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(word);
  });

  it("a bracket too long for Excel's 8192-character limit is refused, not truncated", () => {
    const tiers = Array.from({ length: 14 }, (_, i) => ({ lower: { comparator: "ge" as const, value: new Decimal(1 - i * 0.05) }, upper: { comparator: "lt" as const, value: new Decimal(1.05 - i * 0.05) }, points: { mode: "points" as const, value: new Decimal(14 - i) } }));
    const r = compileRule({ kind: "bracket", text: "", tiers }, CELLS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/超过 Excel 公式8192个字符的上限/);
    const short = compileRule({ kind: "bracket", text: "", tiers: tiers.slice(0, 4) }, CELLS);
    expect(short.ok && short.formula.length).toBeLessThanOrEqual(8192);
  });

  it("match rules are refused", () => {
    const r = compileRule({ kind: "match", text: "" }, CELLS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/定性/);
  });
});
