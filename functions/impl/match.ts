/** =JX.MATCH: 定性 — target word vs actual word. */
import type { MatchRule } from "../../src/rules/types";
import { optionalWord, requiredCell, singleCell } from "../args";
import { scoreByRule, scoreOf, singleOption } from "../engine";

export function matchScore(target: unknown, actual: unknown, weight: unknown, bands: unknown): number {
  const rule: MatchRule = { kind: "match", text: "定性指标：实际与目标一致得满分，未达成不得分" };
  const qualitativeBands = singleOption("qualitativeBands", optionalWord(bands, "定性指标档次"));
  const input = { rule: rule.text, target: requiredCell(target, "目标值"), actual: requiredCell(actual, "实际值"), weight: singleCell(weight, "权重") };
  return scoreOf(scoreByRule(rule, input, qualitativeBands ? { qualitativeBands } : {}));
}
