/** =JX.FORMULA: a rule as a native formula (src/rules/formula), addresses given as text ("D11"). */
import { formulaFromText } from "../../src/rules/formula";
import { optionalWord } from "../args";
import { FunctionInputError } from "../runtime";

function address(v: unknown, label: string): string {
  const text = optionalWord(v, label);
  if (!text) throw new FunctionInputError(`缺少${label}，请以文字给出单元格地址，如 "E11"`);
  return text;
}

export function nativeFormula(rule: unknown, targetCell: unknown, actualCell: unknown, weightCell: unknown, options: unknown, name: unknown): string {
  const result = formulaFromText({
    rule: optionalWord(rule, "评分规则") ?? "",
    targetCell: address(targetCell, "目标值单元格"),
    actualCell: address(actualCell, "实际值单元格"),
    weightCell: address(weightCell, "权重单元格"),
    options: optionalWord(options, "选项"),
    name: optionalWord(name, "指标名称"),
  });
  if (!result.ok) throw new FunctionInputError(result.reason);
  return result.formula;
}
