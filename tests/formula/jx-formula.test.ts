import "../functions/install-runtime";
import { formula } from "../../functions/functions";
import { expectExcelError } from "../functions/expect-error";
import { evaluateFormula, numericResult } from "./hf";

const RULE = "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止";

describe("=JX.FORMULA", () => {
  it("returns the native formula of a rule, which scores as the engine", () => {
    const f = formula(RULE, "D11", "E11", "F11");
    expect(typeof f).toBe("string");
    expect(numericResult(evaluateFormula(f as string, { D11: "=100%", E11: "95.4%", F11: 4 }))).toBe(2.16);
  });

  it("takes options and the indicator name", () => {
    const f = formula(RULE, "D11", "E11", "F11", "步长=整步", null);
    expect(numericResult(evaluateFormula(f as string, { D11: "=100%", E11: 0.954, F11: 4 }))).toBe(2.4);
    const cost = formula(null, "D11", "E11", "F11", null, "单位面积改造成本");
    expect(numericResult(evaluateFormula(cost as string, { D11: 350, E11: 372, F11: 5 }))).toBe(4.7);
  });

  it("is an Excel error with the Chinese reason when no formula can express the rule", () => {
    expectExcelError(formula("酌情扣分", "D11", "E11", "F11"), "#VALUE!", /无法写成公式/);
    expectExcelError(formula(RULE, "D11", "第五行", "F11"), "#VALUE!", /实际值单元格应为单元格地址/);
    expectExcelError(formula(RULE, "D11", null, "F11"), "#VALUE!", /缺少实际值单元格/);
  });
});
