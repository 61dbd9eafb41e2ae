import type { RatioRule } from "../types";
import { lit } from "./excel";
import { points, satisfies, type FormulaContext } from "./context";

/**
 * Lower-is-better beyond the target, per the reverseFormula option (as the engine's reverseScore):
 * relative = W x max(0, 1-(A-T)/T), 0 when T ≤ 0; otherwise W x T/A ("rule" reads as T/A too).
 */
export function reverse(T: string, A: string, W: string, formula: FormulaContext["options"]["reverseFormula"]): string {
  if (formula === "relative") return `IF(${T}<=0,0,${W}*MAX(0,1-(${A}-${T})/${T}))`;
  return `IF(${A}<=0,NA(),${W}*${T}/${A})`;
}

/** 完成率法: W x min(1, A/D); lower is better: full when A ≤ T, else the reverse formula; then the gate. */
export function compileRatio(rule: RatioRule, ctx: FormulaContext): string {
  const { A, W } = ctx;
  const D = rule.denominator ? lit(rule.denominator) : ctx.T;
  const higher = `IF(${D}<=0,NA(),${W}*MIN(1,${A}/${D}))`;
  const lowerScore = `IF(${A}<=${D},${W},${reverse(D, A, W, rule.reverse ?? ctx.options.reverseFormula)})`;
  const lower = rule.lowerIsBetter ? "TRUE" : ctx.lower;
  let score = lower === "TRUE" ? lowerScore : `IF(${lower},${lowerScore},${higher})`;
  if (rule.gate) {
    const cut = rule.gateDeduct ? points(rule.gateDeduct, W) : W;
    score = `${score}-IF(${satisfies(A, rule.gate)},${cut},0)`;
  }
  return score;
}
