import { reverse } from "./ratio";
import type { FormulaContext } from "./context";

/**
 * National default rule (财预〔2020〕10号) for numeric rows: met = W; higher-is-better shortfall W x A/T;
 * lower-is-better excess per reverseFormula ("rule" has no rule text to follow: T/A, as the engine).
 * A qualitative target or actual is not a number: VALUE gives #VALUE! and the score is left to a person.
 */
export function compileDefault(ctx: FormulaContext): string {
  const { T, A, W } = ctx;
  const formula = ctx.options.reverseFormula === "rule" ? "ratio" : ctx.options.reverseFormula;
  const lowerScore = `IF(${A}<=${T},${W},${reverse(T, A, W, formula)})`;
  const higherScore = `IF(${A}>=${T},${W},IF(${T}<=0,NA(),MAX(0,${W}*${A}/${T})))`;
  return `IF(${ctx.lower},${lowerScore},${higherScore})`;
}
