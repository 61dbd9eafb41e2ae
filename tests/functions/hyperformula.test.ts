/**
 * Formulas typed as an official types them, evaluated by a real formula engine (HyperFormula) calling the
 * built bundle's =JX.* functions, compared with the scoring engine called directly.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { scoreRow } from "../../src/rules";
import type { CellInput } from "../../src/values/types";
import { loadBuiltBundle } from "./built-bundle";
import { registerJxFunctions } from "./hyperformula-jx";

const R000 = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止。";

/** Rows from the public tables in seeds/ (000, 001): rule, target, actual, weight. */
const SEED_ROWS: [string | null, string | number, string | number | null, number][] = [
  [R000, "'=100%", "95%", 4],
  ["实际值为0得满分,每增长或降低1%扣权重分的10%,扣完为止。", "'=0", "2%", 4],
  [R000, "'=100%", "95.4%", 4],
  ["实际值小于等于0得满分,每增加1%扣权重分的10%,扣完为止。", "≤0", "3%", 4],
  ["不具备要点1实际值得0权重分,具备要点2实际值得50%权重分,具备要点3实际值得50%权重分。", "健全", "健全", 1],
  ["具备要点1-5得100%权重分,任意一项不具备得0权重分。", "合规", "合规", 3],
  ["实际值达到目标值得满分,每降低1%扣权重分的10%,扣完为止。", "≥100%", "95%", 10],
  ["每增加0.1个百分点扣0.1分", "≤2%", "2.5%", 5],
  [null, "≥95%", 0.9, 10],
  [null, "≤10%", "12%", 10],
];

let hf: HyperFormula;
const at = (sheet: string, row: number, col: number) => hf.getCellValue({ sheet: hf.getSheetId(sheet) ?? -1, row, col });
const cell = (sheet: string, a1: string) => {
  const address = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet) ?? -1);
  if (!address) throw new Error(`bad address ${a1}`);
  return hf.getCellValue(address);
};

function engine(rule: string | null, target: CellInput, actual: CellInput, weight: CellInput, options = {}) {
  const r = scoreRow({ rule, target, actual, weight }, options);
  if (!r.ok) throw new Error(r.error);
  return r;
}

beforeAll(() => {
  const bundle = loadBuiltBundle();
  registerJxFunctions(bundle.metadata, bundle.runtime.registered);
  hf = HyperFormula.buildFromSheets(
    {
      seeds: SEED_ROWS.map(([rule, target, actual, weight], i) => {
        const r = i + 1;
        return [rule, target, actual, weight, `=JX.SCORE(A${r},B${r},C${r},D${r})`, `=JX.EXPLAIN(A${r},B${r},C${r},D${r})`, `=JX.SCORE(A${r},B${r},C${r},D${r},"步长=整步")`];
      }),
      // The layout of the issue: D target, E actual, F weight, from row 5; tiers in H1:K2; 要点 in H5:J7.
      table: [
        [null, null, null, null, null, null, null, 1, 0.95, 0.9, 0.85],
        [null, null, null, null, null, null, null, 4, 3, 2, 1],
        [null, null, null, "目标值", "实际值", "权重"],
        [],
        ["预算完成率", null, null, 1, 0.95, 4, null, true, true, true],
        ["支出进度率", null, null, "'=100%", "95.4%", 4, null, true, false, true],
        ["群众满意度", null, null, "≥100%", 0.8, 10, null, false, true, true],
        ["空白实际值", null, null, 1, null, 2],
        ["文字实际值", null, null, "≥90%", "91.5%", 80],
      ],
    },
    { licenseKey: "gpl-v3" },
  );
}, 600000);

afterAll(() => hf?.destroy());

describe("=JX.SCORE and =JX.EXPLAIN over rows from the public tables", () => {
  test.each(SEED_ROWS.map((r, i) => [i + 1, ...r]))("row %p: the formula equals the engine on the same cells", (row) => {
    const r = (row as number) - 1;
    const [rule, target, actual, weight] = [0, 1, 2, 3].map((c) => at("seeds", r, c)) as CellInput[];
    const direct = engine((rule as string | null) ?? null, target, actual, weight);
    expect(at("seeds", r, 4)).toBe(direct.score);
    expect(at("seeds", r, 5)).toBe(direct.explanation);
    expect(at("seeds", r, 6)).toBe(engine((rule as string | null) ?? null, target, actual, weight, { stepCounting: "whole" }).score);
  });

  test("percent text typed into a cell and the number it becomes score the same", () => {
    // HyperFormula, like Excel, turns a typed "95.4%" into 0.954; the engine reads the text form alike.
    expect(at("seeds", 2, 4)).toBe(engine(R000, "=100%", "95.4%", 4).score);
    expect(at("seeds", 2, 4)).toBe(2.16);
  });

  test("seeds/000 群众满意度 (≥100%, 95%, weight 10) scores 5, not the 9.5 the table reported", () => {
    expect(at("seeds", 6, 4)).toBe(5);
  });
});

describe("specialised functions typed with references, percent literals, array constants and ranges", () => {
  const formula = (f: string) => {
    const sheet = hf.getSheetId("table") ?? -1;
    const address = { sheet, row: 20, col: 0 };
    hf.setCellContents(address, f);
    return hf.getCellValue(address);
  };

  test("=JX.LINEAR_DEDUCT(E5,D5,F5,10%) = 2, as the engine scores the rule text", () => {
    expect(formula("=JX.LINEAR_DEDUCT(E5,D5,F5,10%)")).toBe(2);
    expect(formula("=JX.LINEAR_DEDUCT(E5,D5,F5,10%)")).toBe(engine(R000, cell("table", "D5") as number, cell("table", "E5") as number, 4).score);
  });

  test("text target and percent text actual in cells", () => {
    expect(formula("=JX.LINEAR_DEDUCT(E6,D6,F6,10%)")).toBe(engine(R000, "=100%", "95.4%", 4).score);
    expect(formula("=JX.LINEAR_DEDUCT(E7,D7,F7,10%)")).toBe(0);
  });

  test("omitted optional arguments in the middle (,,) arrive as null", () => {
    expect(formula('=JX.LINEAR_DEDUCT(E6,D6,F6,10%,,,"整步")')).toBe(engine(R000, "=100%", "95.4%", 4, { stepCounting: "whole" }).score);
    expect(formula("=JX.LINEAR_DEDUCT_POINTS(E5,D5,F5,0.1)")).toBe(3.5);
  });

  test("=JX.BRACKET with array constants, with ranges, and with a text of tiers agree", () => {
    const constants = formula("=JX.BRACKET(E5,{1,0.95,0.9,0.85},{4,3,2,1})");
    expect(constants).toBe(3);
    expect(formula("=JX.BRACKET(E5,$H$1:$K$1,$H$2:$K$2)")).toBe(constants);
    expect(formula('=JX.BRACKET(E5,"≥100%，得4分；≥95%，得3分；≥90%，得2分；≥85%，得1分")')).toBe(constants);
    expect(formula("=JX.BRACKET(0.8,{1,0.95,0.9,0.85},{4,3,2,1})")).toBe(0);
  });

  test("=JX.RATIO, =JX.MATCH, =JX.CHECKLIST over ranges of TRUE/FALSE", () => {
    expect(formula("=JX.RATIO(E7,1,F7)")).toBe(8);
    expect(formula('=JX.MATCH("健全","健全",5)')).toBe(5);
    expect(formula("=JX.CHECKLIST(H5:J5,{1,1,1})")).toBe(3);
    expect(formula("=JX.CHECKLIST(H6:J6,{1,1,1})")).toBe(2);
    expect(formula("=JX.CHECKLIST(H7:J7,{1,1,1},1)")).toBe(0);
  });

  test("=JX.WEIGHTS over a range with blank rows; =JX.GRADE of a SUM; =JX.MEETS and =JX.VALUE on text cells", () => {
    expect(formula("=JX.WEIGHTS(F5:F9)")).toBe("权重合计100，通过");
    expect(formula("=JX.WEIGHTS(F4:F7)")).toBe("权重合计18，比100少82，未通过");
    expect((formula("=JX.WEIGHTS(F3:F7)") as DetailedCellError).message).toMatch(/权重第1个单元格应为数字/);
    expect(formula("=JX.WEIGHTS(F5:F7,18)")).toBe("权重合计18，通过");
    expect(formula("=JX.GRADE(SUM(F5:F9))")).toBe("优");
    expect(formula("=JX.MEETS(D9,E9)")).toBe(true);
    expect(formula("=JX.MEETS(D7,E7)")).toBe(false);
    expect(formula("=JX.VALUE(D9)")).toBe(0.9);
  });

  test("a blank actual cell is #VALUE! with a Chinese message, never 0", () => {
    const v = formula("=JX.LINEAR_DEDUCT(E8,D8,F8,10%)");
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).value).toBe("#VALUE!");
    expect((v as DetailedCellError).message).toMatch(/实际值为空/);
    const s = formula("=JX.SCORE(\"\",D8,E8,F8)");
    expect((s as DetailedCellError).message).toMatch(/实际值为空/);
  });

  test("a grade gap is #N/A with the reason", () => {
    const v = formula('=JX.GRADE(89.5,"整数区间")');
    expect((v as DetailedCellError).value).toBe("#N/A");
    expect((v as DetailedCellError).message).toMatch(/落在等级区间之间/);
  });
});
