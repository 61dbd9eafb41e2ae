/** =JX.SCORE and =JX.EXPLAIN: a row scored by its own rule text. */
import type { Evaluation } from "../../src/rules/types";
import { optionalWord, singleCell } from "../args";
import { optionsFromText, scoreByText, scoreOf } from "../engine";

function evaluateRow(rule: unknown, target: unknown, actual: unknown, weight: unknown, options: unknown): Evaluation {
  return scoreByText(
    {
      // An empty rule cell (null on the web, 0 on Windows/Mac) means the national default rule.
      rule: optionalWord(rule, "评分规则"),
      target: singleCell(target, "目标值"),
      actual: singleCell(actual, "实际值"),
      weight: singleCell(weight, "权重"),
    },
    optionsFromText(optionalWord(options, "选项")),
  );
}

export function scoreRowCells(rule: unknown, target: unknown, actual: unknown, weight: unknown, options: unknown): number {
  return scoreOf(evaluateRow(rule, target, actual, weight, options));
}

export function explainRowCells(rule: unknown, target: unknown, actual: unknown, weight: unknown, options: unknown): string {
  return evaluateRow(rule, target, actual, weight, options).explanation;
}
