/**
 * =JX.BRACKET: 分档. Tiers come either as two lists (bounds and points, from ranges or array constants
 * such as {1,0.95,0.9,0.85} and {4,3,2,1}) or as one tier text (“100%>结果≥95%，得3分；…”) read by the
 * rule parser. A value below every tier scores 0.
 */
import Decimal from "decimal.js";
import type { BracketRule, Tier } from "../../src/rules/types";
import type { Comparator } from "../../src/values/types";
import { parseValue } from "../../src/values";
import { parseRule } from "../../src/rules/parse";
import { cellsOf, isBlank, numberFrom, optionalWord, requiredCell, singleCell } from "../args";
import { scoreByRule, scoreOf } from "../engine";
import { FunctionInputError } from "../runtime";

type Closed = "lower" | "upper";

function closedSideOf(word: string | null): Closed | null {
  if (word === null) return null;
  if (/^(lower|下|左|含下限|下限)/i.test(word)) return "lower";
  if (/^(upper|上|右|含上限|上限)/i.test(word)) return "upper";
  throw new FunctionInputError(`边界归属“${word}”无法识别，可填：下（lower，档的下限含等号）或 上（upper，档的上限含等号）`);
}

function numbersOf(v: unknown, label: string): Decimal[] {
  return cellsOf(v)
    .filter((c) => !isBlank(c))
    .map((c, i) => numberFrom(singleCell(c, label), `${label}第${i + 1}项`));
}

const pts = (v: Decimal) => ({ mode: "points" as const, value: v });
const bound = (comparator: Comparator, value: Decimal) => ({ comparator, value });

/** Descending bounds are each a tier's lower end (≥95% → 3); ascending ones each a tier's upper end (≤10% → 3). */
export function tiersFromLists(bounds: Decimal[], points: Decimal[], closed: Closed | null): Tier[] {
  if (bounds.length === 0) throw new FunctionInputError("分档界限为空，请给出界限，如 {1,0.95,0.9}");
  if (bounds.length !== points.length) throw new FunctionInputError(`分档界限有${bounds.length}个，得分有${points.length}个，两者个数应相同`);
  points.forEach((p, i) => {
    if (p.lt(0)) throw new FunctionInputError(`得分第${i + 1}项为负数（${p.toString()}）`);
  });
  const descending = bounds.every((b, i) => i === 0 || b.lt(bounds[i - 1]));
  const ascending = bounds.every((b, i) => i === 0 || b.gt(bounds[i - 1]));
  if (!descending && !ascending) throw new FunctionInputError("分档界限应从高到低（或从低到高）排列且互不相同");
  const tiers: Tier[] = bounds.map((b, i) => {
    const prev = i === 0 ? null : bounds[i - 1];
    if (descending) {
      const lowerClosed = closed !== "upper";
      return { lower: bound(lowerClosed ? "ge" : "gt", b), upper: prev && bound(lowerClosed ? "lt" : "le", prev), points: pts(points[i]) };
    }
    const upperClosed = closed !== "lower";
    return { lower: prev && bound(upperClosed ? "gt" : "ge", prev), upper: bound(upperClosed ? "le" : "lt", b), points: pts(points[i]) };
  });
  tiers.push({ lower: null, upper: null, points: pts(new Decimal(0)) });
  return tiers;
}

function tiersFromText(text: string): Tier[] {
  let rule;
  try {
    rule = parseRule(text);
  } catch (err) {
    throw new FunctionInputError(err instanceof Error ? err.message : String(err));
  }
  if (rule.kind !== "bracket") throw new FunctionInputError(`“${text}”不是分档规则，请写成如“≥95%，得3分；90%（含）—95%的得1分”`);
  if (rule.tiers.some((t: Tier) => t.points.mode !== "points")) throw new FunctionInputError("文字分档中的得分应为分值（如“得3分”）；按权重比例计分请用 JX.SCORE 并给出权重");
  return rule.tiers;
}

function describe(tiers: Tier[]): string {
  return tiers.map((t) => `${t.lower ? t.lower.value.toString() : ""}${t.upper ? "-" + t.upper.value.toString() : ""}:${t.points.value.toString()}`).join("；");
}

export function bracketScore(value: unknown, bounds: unknown, points: unknown, closedSide: unknown): number {
  const v = requiredCell(value, "数值");
  const boundCells = cellsOf(bounds).filter((c) => !isBlank(c));
  const textForm = boundCells.length === 1 && typeof boundCells[0] === "string" && parseValue(boundCells[0]).kind !== "number";
  let tiers: Tier[];
  if (textForm) {
    if (cellsOf(points).some((c) => !isBlank(c) && c !== 0)) throw new FunctionInputError("分档写成文字时得分已在文字中，请不要再给出得分参数");
    tiers = tiersFromText(boundCells[0] as string);
  } else {
    tiers = tiersFromLists(numbersOf(bounds, "分档界限"), numbersOf(points, "得分"), closedSideOf(optionalWord(closedSide, "边界归属")));
  }
  const weight = Decimal.max(...tiers.map((t) => t.points.value));
  if (weight.lte(0)) throw new FunctionInputError("各档得分均为0，无法计分");
  const rule: BracketRule = { kind: "bracket", text: textForm ? (boundCells[0] as string) : describe(tiers), tiers };
  return scoreOf(scoreByRule(rule, { rule: rule.text, target: null, actual: v, weight: weight.toNumber() }, {}));
}
