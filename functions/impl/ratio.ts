/** =JX.RATIO: 完成率法, weight × min(1, actual/target); lower-is-better rows use a reverse formula. */
import type { RatioRule, ScoringOptions } from "../../src/rules/types";
import { requiredCell, singleCell, optionalWord } from "../args";
import { scoreByRule, scoreOf, singleOption } from "../engine";

/**
 * reverse_formula omitted: higher is better, unless the target says ≤ (the engine reads it).
 * Given (a formula word, or TRUE): lower is better, scored by that formula when the actual exceeds the target.
 */
function reverseReading(word: string | null): { lowerIsBetter: boolean; formula?: ScoringOptions["reverseFormula"] } {
  if (word === null || word.toUpperCase() === "FALSE") return { lowerIsBetter: false };
  if (word.toUpperCase() === "TRUE") return { lowerIsBetter: true };
  return { lowerIsBetter: true, formula: singleOption("reverseFormula", word) };
}

export function ratioScore(actual: unknown, target: unknown, weight: unknown, reverseFormula: unknown): number {
  const a = requiredCell(actual, "实际值");
  const t = requiredCell(target, "目标值");
  const reading = reverseReading(optionalWord(reverseFormula, "反向指标公式"));
  const rule: RatioRule = {
    kind: "ratio",
    text: reading.lowerIsBetter ? "完成率法（反向指标），超出目标值按公式扣分" : "采用完成率法计分：得分=实际值/目标值×分值，超出目标值不加分",
    denominator: null,
    lowerIsBetter: reading.lowerIsBetter,
    capped: true,
    gate: null,
    gateDeduct: null,
  };
  const options = reading.formula ? { reverseFormula: reading.formula } : {};
  return scoreOf(scoreByRule(rule, { rule: rule.text, target: t, actual: a, weight: singleCell(weight, "权重") }, options));
}
