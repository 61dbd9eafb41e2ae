/** The speed options of issue 13: the parse cache (bounded, refusals kept) and alternatives only when asked. */
import { evaluateRule } from "../../src/rules";
import { evaluateRuleLean } from "../../src/rules/evaluateRule";
import { parseRule, PARSE_CACHE_SIZE, setParseCache } from "../../src/rules/parse";
import { RuleParseError } from "../../src/rules/parse/errors";
import { checkWorkbook } from "../../src/check";
import { specToGrid } from "../../examples/specs/spec";

const RULE = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止";

describe("parse cache", () => {
  afterEach(() => setParseCache(true));

  test("one Rule object per text; a refusal is kept and thrown again; the oldest text is forgotten past the bound", () => {
    setParseCache(true);
    const a = parseRule(RULE);
    expect(parseRule(RULE)).toBe(a);
    let first: unknown;
    try {
      parseRule("随便打分");
    } catch (e) {
      first = e;
    }
    expect(first).toBeInstanceOf(RuleParseError);
    expect(() => parseRule("随便打分")).toThrow(first as Error);
    for (let i = 0; i < PARSE_CACHE_SIZE; i++) parseRule(`实际值为100%得满分,每降低${(i % 90) + 1}%扣${i + 1}分,扣完为止`);
    const again = parseRule(RULE);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });

  test("off: every call reads the text afresh", () => {
    setParseCache(false);
    expect(parseRule(RULE)).not.toBe(parseRule(RULE));
  });
});

describe("alternatives only where needed", () => {
  const input = { target: "=100%", actual: 0.954, actualFormat: "0.0%", weight: 4 };

  test("evaluateRule computes them; evaluateRuleLean leaves them to otherReadings, which gives the same list, and changes nothing else", () => {
    const full = evaluateRule(parseRule(RULE), input);
    const lean = evaluateRuleLean(parseRule(RULE), input, null);
    if (!full.ok || !lean.result.ok) throw new Error("not scored");
    expect(full.alternatives.length).toBeGreaterThan(0);
    expect(lean.result.alternatives).toEqual([]);
    expect({ ...lean.result, alternatives: full.alternatives }).toEqual(full);
    expect(lean.otherReadings()).toEqual(full.alternatives);
  });

  test("a row that cannot be scored has no other readings", () => {
    const lean = evaluateRuleLean(parseRule(RULE), { ...input, weight: 0 }, null);
    expect(lean.result.ok).toBe(false);
    expect(lean.otherReadings()).toEqual([]);
  });

  test("the sheet check: a reported score equal to the computed one gets none, a differing one gets them (and its reading named)", () => {
    const grid = specToGrid({
      name: "表",
      rows: [
        ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"],
        ["产出", "时效", "支出进度率", "=100%", { v: 0.954, fmt: "0.0%" }, 4, RULE, 2.16],
        ["产出", "时效", "执行率", "=100%", { v: 0.954, fmt: "0.0%" }, 4, RULE, 2],
        ["效益", "满意度", "满意度", "=100%", { v: 1, fmt: "0%" }, 92, RULE, 92],
        ["合计", null, null, null, null, 100, null, 96.16],
      ],
      merges: [],
    });
    const units = checkWorkbook([grid]).details[0].units;
    expect(units[0].alternatives).toEqual([]);
    expect(units[1].alternatives.map((a) => a.score)).toContain(2);
    const finding = checkWorkbook([grid]).findings.find((f) => f.cell === "H3");
    expect(finding).toMatchObject({ kind: "score-diverges", severity: "info" });
    expect(finding?.reading).toContain("最接近的整步");
  });
});
