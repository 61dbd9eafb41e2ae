import type { Expr, ExternalRule, FormulaRule, OccurrenceRule } from "../types";
import { lit } from "./excel";
import { points, satisfies, type FormulaContext } from "./context";

/** Words that mean "no occurrence" (as the engine's NONE_WORDS). */
const NONE_WORDS = ["无", "没有", "未发生", "未出现", "零"];

/** 每出现一例扣…: W minus count x cost (capped), floored at 0; the count must be a whole number ≥ 0. */
export function compileOccurrence(rule: OccurrenceRule, ctx: FormulaContext, actualRef: string): string {
  const none = `OR(${NONE_WORDS.map((w) => `${actualRef}="${w}"`).join(",")})`;
  const count = `IF(${none},0,${ctx.A})`;
  let deduction = `${count}*${points(rule.perOccurrence, ctx.W)}`;
  if (rule.cap) deduction = `MIN(${points(rule.cap, ctx.W)},${deduction})`;
  // A negative or fractional count is refused (#N/A), as the engine refuses it.
  return `IF(OR(${count}<0,${count}<>INT(${count})),NA(),${ctx.W}-${deduction})`;
}

function exprFormula(expr: Expr, ctx: FormulaContext): string {
  switch (expr.op) {
    case "num":
      return lit(expr.value);
    case "var":
      return expr.name === "actual" ? ctx.A : expr.name === "target" ? ctx.T : ctx.W;
    case "/":
      // Division by 0 is #DIV/0! in every spreadsheet; the engine refuses it too.
      return `(${exprFormula(expr.left, ctx)})/(${exprFormula(expr.right, ctx)})`;
    default:
      return `(${exprFormula(expr.left, ctx)}${expr.op}${exprFormula(expr.right, ctx)})`;
  }
}

/** 得分=<率>×分值 and the like, with the zero gate on the actual. */
export function compileFormulaRule(rule: FormulaRule, ctx: FormulaContext): string {
  const value = exprFormula(rule.expr, ctx);
  return rule.zeroWhen ? `IF(${satisfies(ctx.A, rule.zeroWhen)},0,${value})` : value;
}

/** 综合得分=(评价结果/100)×分值 */
export function compileExternal(rule: ExternalRule, ctx: FormulaContext): string {
  return `${ctx.A}/${lit(rule.scale)}*${ctx.W}`;
}
