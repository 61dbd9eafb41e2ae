/** The one way these functions reach the scoring engine: a Rule (or rule text) plus a row -> a checked Evaluation. */
import type { Evaluation, Rule, RowInput, ScoringOptions } from "../src/rules/types";
import { evaluateRule, scoreRow } from "../src/rules";
import { parseOptionAssignments } from "../src/rules/options";
import { FunctionInputError } from "./runtime";

/** A scored row, or the engine's Chinese reason as the Excel error message. */
function accept(result: ReturnType<typeof scoreRow>): Evaluation {
  if (!result.ok) throw new FunctionInputError(result.error);
  return result;
}

/** Scores a row by its rule text (empty = the national default rule), as =JX.SCORE does. */
export function scoreByText(input: RowInput, options: Partial<ScoringOptions>): Evaluation {
  return accept(scoreRow(input, options));
}

/** Scores a row by a Rule the function built from its arguments: the same evaluator as rule text. */
export function scoreByRule(rule: Rule, input: RowInput, options: Partial<ScoringOptions>): Evaluation {
  return accept(evaluateRule(rule, input, options));
}

/** The number Excel shows; a rule only a person can score (酌情, a partial qualitative band) says so instead. */
export function scoreOf(evaluation: Evaluation): number {
  if (evaluation.score === null) throw new FunctionInputError(evaluation.explanation, "notAvailable");
  return evaluation.score;
}

/** "步长=整步;舍入=一位小数" or code words ("stepCounting=whole"), via the engine's own option reader. */
export function optionsFromText(text: string | null): Partial<ScoringOptions> {
  if (text === null) return {};
  const parsed = parseOptionAssignments(text);
  if (!parsed.ok) throw new FunctionInputError(parsed.error);
  return parsed.options;
}

/** One option given on its own (counting, reverse_formula, bands, scheme), read with the same aliases. */
export function singleOption<K extends keyof ScoringOptions>(key: K, word: string | null): ScoringOptions[K] | undefined {
  if (word === null) return undefined;
  return optionsFromText(`${key}=${word}`)[key];
}
