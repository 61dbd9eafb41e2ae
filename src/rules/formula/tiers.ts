import type { BracketRule, ThresholdRule } from "../types";
import { meetsTarget, points, satisfies, type FormulaContext } from "./context";

/**
 * 分档: the first tier whose conditions hold gives its points (capped at the weight), as a nested IF;
 * a value in no tier is #N/A — the engine refuses it too and asks for a person.
 */
export function compileBracket(rule: BracketRule, ctx: FormulaContext): string {
  const { A, W } = ctx;
  let formula = "NA()";
  for (const tier of [...rule.tiers].reverse()) {
    const conds: string[] = [];
    if (tier.meetsTarget) conds.push(meetsTarget(ctx));
    else {
      if (tier.lower) conds.push(satisfies(A, tier.lower));
      if (tier.upper) conds.push(satisfies(A, tier.upper));
    }
    const pts = `MIN(${W},${points(tier.points, W)})`;
    if (conds.length === 0) formula = pts;
    else formula = `IF(${conds.length === 1 ? conds[0] : `AND(${conds.join(",")})`},${pts},${formula})`;
  }
  return formula;
}

/** 达到…得满分，未达到不得分: the condition from the rule, or the row's target. */
export function compileThreshold(rule: ThresholdRule, ctx: FormulaContext): string {
  const met = rule.condition ? satisfies(ctx.A, rule.condition) : meetsTarget(ctx);
  return `IF(${met},${points(rule.met, ctx.W)},${points(rule.notMet, ctx.W)})`;
}
