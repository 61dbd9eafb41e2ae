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

  it("takes cell references: the addresses Excel gives with the arguments, not their values", () => {
    const at = (...cells: string[]) => ({ address: "自评表!J11", parameterAddresses: cells });
    // =JX.FORMULA(H11,D11,E11,F11): Excel passes the values ("=100%", 0.954, 4) and where they are.
    const byRef = formula(RULE, "=100%", 0.954, 4, null, null, at("自评表!H11", "自评表!D11", "自评表!E11", "自评表!F11", "", ""));
    expect(byRef).toBe(formula(RULE, "D11", "E11", "F11"));
    expect(numericResult(evaluateFormula(byRef as string, { D11: "=100%", E11: "95.4%", F11: 4 }))).toBe(2.16);
    // Mixed: a reference and addresses typed as text; another sheet keeps its name (quoted where it must be).
    const mixed = formula(RULE, "D11", 0.954, 4, null, null, at("", "", "'数据 表'!$E$11", "数据!F11:F11", "", ""));
    expect(mixed).toBe(formula(RULE, "D11", "'数据 表'!$E$11", "数据!F11"));
    expectExcelError(formula(RULE, 1, 0.9, 4, null, null, at("", "自评表!D11:D12", "自评表!E11", "自评表!F11")), "#VALUE!", /目标值单元格应为一个单元格/);
  });

  it("is an Excel error with the Chinese reason when no formula can express the rule", () => {
    expectExcelError(formula("酌情扣分", "D11", "E11", "F11"), "#VALUE!", /无法写成公式/);
    expectExcelError(formula(RULE, "D11", "第五行", "F11"), "#VALUE!", /实际值单元格应为单元格地址/);
    expectExcelError(formula(RULE, "D11", null, "F11"), "#VALUE!", /缺少实际值单元格/);
  });
});
