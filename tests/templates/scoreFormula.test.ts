import { scoreCell } from "../../src/templates/scoreFormula";
import type { TemplateRow } from "../../src/templates";

const REFS = { rule: "H7", target: "D7", actual: "E7", weight: "F7" };
const row = (rule: string | undefined): TemplateRow => ({ level1: "部门管理", level2: "资金投入", level3: "预算完成率", target: "=100%", weight: 4, actualKind: "percent", exampleActual: 0.975, rule });

describe("a template's score cell", () => {
  it("is a native formula, blank while the 实际值 is blank", () => {
    const c = scoreCell(row("实际值为100%得满分，每降低1%扣权重分的10%，扣完为止。"), REFS, "native");
    expect(c.kind).toBe("formula");
    if (c.kind === "formula") expect(c.formula).toMatch(/^IF\(E7="","",ROUND\(/);
  });

  it("is =JX.SCORE over the row's cells in jx mode; the rule cell is \"\" without a rule column", () => {
    expect(scoreCell(row("…"), REFS, "jx")).toEqual({ kind: "formula", formula: 'IF(E7="","",JX.SCORE(H7,D7,E7,F7))' });
    expect(scoreCell(row(undefined), { ...REFS, rule: null }, "jx")).toEqual({ kind: "formula", formula: 'IF(E7="","",JX.SCORE("",D7,E7,F7))' });
  });

  it("is a hand-scored input with the reason when the rule cannot be a formula or cannot be read", () => {
    expect(scoreCell(row("视情节严重程度酌情扣分。"), REFS, "native")).toEqual({ kind: "manual", reason: expect.stringContaining("酌情") });
    expect(scoreCell(row("随便写的一句话"), REFS, "native")).toEqual({ kind: "manual", reason: expect.stringContaining("无法识别评分规则") });
  });
});
