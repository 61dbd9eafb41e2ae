import type { LinearRule } from "../types";
import { lit, nearestSteps, startedSteps, wholeSteps } from "./excel";
import { NotExpressible, points, satisfies, type FormulaContext } from "./context";

/** Steps of shortfall under the chosen counting, as the engine's countSteps. */
export function countSteps(raw: string, counting: FormulaContext["options"]["stepCounting"]): string {
  switch (counting) {
    case "proportional":
      return raw;
    case "whole":
      return wholeSteps(raw);
    case "nearest":
      return nearestSteps(raw);
    case "started":
      return startedSteps(raw);
  }
}

/**
 * W minus (steps of shortfall x cost per step), the deduction capped by `cap`, floored at 0 (扣完为止);
 * 0 outright when the zero threshold holds. Percent steps work on fractions, so 1% is 0.01 as in the engine.
 * Days: the cells hold dates (Excel serial numbers), so actual - target is the delay in days.
 */
export function compileLinear(rule: LinearRule, ctx: FormulaContext): string {
  // Cells hold dates as day numbers: actual - target would be days, not the months the rule counts.
  if (rule.stepUnit === "month") throw new NotExpressible("评分规则按月计延迟（如“每延期1个月扣1分”），日期单元格之差是天数而非月数，公式无法按月计算，请使用 JX 加载项评分");
  const { A, W } = ctx;
  const ref = rule.reference ? lit(rule.reference) : ctx.T;
  const gap = rule.direction === "below" ? `MAX(0,${ref}-${A})` : rule.direction === "above" ? `MAX(0,${A}-${ref})` : `ABS(${A}-${ref})`;
  const steps = countSteps(`${gap}/${lit(rule.step)}`, ctx.options.stepCounting);
  let deduction = `${steps}*${points(rule.perStep, W)}`;
  if (rule.cap) deduction = `MIN(${points(rule.cap, W)},${deduction})`;
  const score = `${W}-${deduction}`;
  return rule.zeroWhen ? `IF(${satisfies(A, rule.zeroWhen)},0,${score})` : score;
}
