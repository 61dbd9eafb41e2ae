/** =JX.GRADE: 优/良/中/差 from a total, by a grade scheme. */
import { grade } from "../../src/rules/grade";
import { optionalWord, requiredNumber } from "../args";
import { singleOption } from "../engine";
import { FunctionInputError } from "../runtime";

export function gradeOf(total: unknown, scheme: unknown): string {
  const t = requiredNumber(total, "总分");
  const result = grade(t.toNumber(), singleOption("gradeScheme", optionalWord(scheme, "等级标准")) ?? "national");
  // A total between bands (89.5 under 90–100/80–89) or outside 0–100 has no grade: say so, never guess.
  if (result.grade === null) throw new FunctionInputError(result.message, "notAvailable");
  return result.grade;
}
