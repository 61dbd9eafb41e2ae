/** =JX.VALUE and =JX.MEETS: the engine's reading of one cell, and whether an actual meets its target. */
import { parseValue } from "../../src/values";
import { requiredCell } from "../args";
import { scoreByText } from "../engine";
import { FunctionInputError } from "../runtime";

/** The number in “≥95百分比” (0.95), “≤4万元” (4), “44860人次” (44860). */
export function valueOf(text: unknown): number {
  const parsed = parseValue(requiredCell(text, "数值文字"));
  if (parsed.kind === "number") return parsed.magnitude.toNumber();
  if (parsed.kind === "unreadable") throw new FunctionInputError(parsed.reason);
  if (parsed.kind === "date") throw new FunctionInputError(`“${parsed.raw}”是日期，不是数值`);
  if (parsed.kind === "word") throw new FunctionInputError(`“${parsed.raw}”是文字，不含数值`);
  throw new FunctionInputError("单元格为空，没有数值");
}

/** Met or not, as the national default rule judges it (≤ targets, =, words such as 健全 = 健全). */
export function meets(target: unknown, actual: unknown): boolean {
  const evaluation = scoreByText({ rule: null, target: requiredCell(target, "目标值"), actual: requiredCell(actual, "实际值"), weight: 1 }, {});
  if (evaluation.met === null) throw new FunctionInputError(`无法判断实际值是否达到目标：${evaluation.explanation}`, "notAvailable");
  return evaluation.met;
}
