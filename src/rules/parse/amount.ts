/** Reading what a clause gives or takes: 扣权重分的10% (share), 扣0.1分 (points), 得满分, 不得分. */
import Decimal from "decimal.js";
import type { Amount } from "../types";
import type { Token } from "./tokens";

export const share = (v: Decimal.Value): Amount => ({ mode: "share", value: new Decimal(v) });
export const points = (v: Decimal.Value): Amount => ({ mode: "points", value: new Decimal(v) });

const ZERO_WORDS = ["不得分", "不计分", "不给分", "得零分", "计零分", "为零分", "分数为零", "得分为零"];

function wordAt(tokens: Token[], i: number): string {
  const t = tokens[i];
  return t && t.t === "word" ? t.text : "";
}

/** Text says the score is zero: 不得分, 得0分, 得0份 (a typo seen in real tables), 计0分. */
export function saysZero(tokens: Token[], text: string): boolean {
  if (ZERO_WORDS.some((w) => text.includes(w))) return true;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t !== "num" || !t.value.isZero()) continue;
    const next = wordAt(tokens, i + 1);
    if (next.startsWith("分") || next.startsWith("份") || next.startsWith("权重分")) return true;
  }
  return false;
}

/** Words that may follow the amount of a deduction (扣1分, 扣10%的分值, 扣0.5分(扣完为止)). */
const TAIL_WORDS = ["分", "分值", "的分值", "权重分", "的权重分", "权重", "的权重", "指标分值", "的指标分值", "满分", "的满分", "总分", "的总分", "该项分值", "的"];
const TAIL_NOTES = ["扣完为止", "扣完即止", "扣完", "扣至0分为止", "直至扣完"];

function tailIsPlain(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "sep") return true;
    if (t.t === "word" && TAIL_WORDS.includes(t.text)) continue;
    if (t.t === "lp" && tokens[i + 2]?.t === "rp") {
      const inner = tokens[i + 1];
      if (inner.t === "word" && TAIL_NOTES.includes(inner.text)) {
        i += 2;
        continue;
      }
    }
    return false;
  }
  return true;
}

/**
 * The amount taken by a deduction, reading tokens from `from` to the clause end:
 * a percentage is a share of the weight (扣权重分的10%, 扣5分值5% — the stray 5 is a typo),
 * otherwise a number followed by 分 is points (扣1分). Anything else after the amount, or two
 * amounts, is not read (null).
 */
export function readDeduction(tokens: Token[], from: number): Amount | null {
  let percentAt = -1;
  let pointsAt = -1;
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "sep") break;
    if (t.t !== "num") continue;
    const next = wordAt(tokens, i + 1);
    if (t.percent) {
      if (percentAt >= 0) return null;
      percentAt = i;
    } else if (next.startsWith("分值") && !next.startsWith("分值的") && tokens[i + 2]?.t === "num") {
      continue; // 扣5分值5%: the typo seen in seeds/003.
    } else if (next.startsWith("分") && !next.startsWith("分值")) {
      if (pointsAt >= 0) return null;
      pointsAt = i;
    } else return null;
  }
  if (percentAt >= 0 && pointsAt >= 0) return null;
  if (percentAt >= 0) return tailIsPlain(tokens, percentAt + 1) ? share((tokens[percentAt] as { value: Decimal }).value) : null;
  if (pointsAt >= 0) return tailIsPlain(tokens, pointsAt + 1) ? points((tokens[pointsAt] as { value: Decimal }).value) : null;
  return null;
}

/**
 * What a clause gives: 得满分 -> share 1; 不得分/得0分 -> 0; 得50%权重分 -> share 0.5;
 * 得3分 / (3分) / ,3分 -> points 3. Null when the clause gives nothing readable.
 */
export function readGain(tokens: Token[], text: string): Amount | null {
  if (saysZero(tokens, text)) return points(0);
  if (text.includes("满分")) return share(1);
  // 完成得分 / 得全分: the whole weight.
  const gainWords = tokens.filter((t) => t.t === "word").map((t) => (t as { text: string }).text).join("");
  if (!tokens.some((t) => t.t === "num") && ["得分", "得全分", "得全部分值", "得全部分数", "得该项分值", "得全部权重分"].includes(gainWords)) return share(1);
  let found: Amount | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t !== "num") continue;
    const next = wordAt(tokens, i + 1);
    const prev = wordAt(tokens, i - 1);
    const ofWeight = ["权重分的", "权重的", "分值的", "满分的", "权重分", "总分的"].some((w) => prev.endsWith(w));
    // 得50% / 得80%分值 / 计60%: a percentage given is a share of the weight.
    const givenBare = t.percent && (prev.endsWith("得") || prev.endsWith("计") || prev.endsWith("给")) && (next === "" || next === "的" || next.startsWith("分值") || next.startsWith("分"));
    if (t.percent && (ofWeight || givenBare)) found = share(t.value);
    else if (t.percent && (next.startsWith("权重") || next.startsWith("的权重") || next.startsWith("分值") || next.startsWith("的分值") || next.startsWith("指标分值") || next.startsWith("的指标分值"))) {
      found = share(t.value);
    } else if (!t.percent && next.startsWith("分") && !next.startsWith("分值")) {
      found = points(t.value);
    }
  }
  return found;
}
