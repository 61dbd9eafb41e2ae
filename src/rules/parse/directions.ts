/**
 * A rule that gives the positive and the reverse formula together, labelled by direction
 * (正向指标：得分=实际值/目标值×分值；反向指标：得分=目标值/实际值×分值): one completion-ratio rule whose
 * reverse formula is the one written, the row's own direction choosing between them.
 */
import type { Expr, RatioRule, Rule } from "../types";
import { RuleParseError } from "./errors";

const POSITIVE = /^(?:对于|其中)?(正向指标|正向|越高越好(?:的指标)?|越大越好(?:的指标)?)(?:的)?[:,]?/;
const NEGATIVE = /^(?:对于|其中)?(反向指标|反向|逆向指标|逆向|越低越好(?:的指标)?|越小越好(?:的指标)?)(?:的)?[:,]?/;

export interface DirectionPair {
  positive: string;
  negative: string;
}

/** The two labelled parts, or null when the text is not such a pair (segments split at ; and 。). */
export function splitDirectionPair(norm: string): DirectionPair | null {
  if (!/(正向|越高越好|越大越好)/.test(norm) || !/(反向|逆向|越低越好|越小越好)/.test(norm)) return null;
  const segments = norm.split(/[;。\n]/).map((s) => s.trim()).filter(Boolean);
  if (segments.length !== 2) return null;
  const [a, b] = segments;
  const pa = POSITIVE.exec(a);
  const nb = NEGATIVE.exec(b);
  if (pa && nb) return { positive: a.slice(pa[0].length), negative: b.slice(nb[0].length) };
  const na = NEGATIVE.exec(a);
  const pb = POSITIVE.exec(b);
  if (na && pb) return { positive: b.slice(pb[0].length), negative: a.slice(na[0].length) };
  return null;
}

const v = (name: "actual" | "target" | "weight"): Expr => ({ op: "var", name });
const same = (a: Expr, b: Expr): boolean => JSON.stringify(a) === JSON.stringify(b);
/** A/T×w (and w×A/T); T/A×w (and w×T/A). */
const POSITIVE_SHAPES: Expr[] = [
  { op: "*", left: { op: "/", left: v("actual"), right: v("target") }, right: v("weight") },
  { op: "/", left: { op: "*", left: v("weight"), right: v("actual") }, right: v("target") },
  { op: "*", left: v("weight"), right: { op: "/", left: v("actual"), right: v("target") } },
];
const NEGATIVE_SHAPES: Expr[] = [
  { op: "*", left: { op: "/", left: v("target"), right: v("actual") }, right: v("weight") },
  { op: "/", left: { op: "*", left: v("weight"), right: v("target") }, right: v("actual") },
  { op: "*", left: v("weight"), right: { op: "/", left: v("target"), right: v("actual") } },
];

function isShape(rule: Rule, shapes: Expr[], ratioLower: boolean): boolean {
  if (rule.kind === "ratio") return rule.denominator === null && rule.lowerIsBetter === ratioLower && !rule.gate;
  return rule.kind === "formula" && !rule.zeroWhen && shapes.some((s) => same(s, rule.expr));
}

/** Both parts read, each the expected shape: the ratio rule with its written reverse formula. */
export function fromDirectionPair(text: string, pair: DirectionPair, parts: { positive: Rule; negative: Rule }): RatioRule {
  if (!isShape(parts.positive, POSITIVE_SHAPES, false)) throw new RuleParseError(pair.positive, "正向指标的公式不是 实际值/目标值×分值");
  if (!isShape(parts.negative, NEGATIVE_SHAPES, true)) throw new RuleParseError(pair.negative, "反向指标的公式不是 目标值/实际值×分值");
  return { kind: "ratio", text, denominator: null, lowerIsBetter: false, capped: true, gate: null, gateDeduct: null, reverse: "ratio" };
}
