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

/**
 * The amount taken by a deduction, reading tokens from `from` to the clause end:
 * a percentage is a share of the weight (扣权重分的10%, 扣5分值5% — a typo kept as 5%),
 * otherwise a number followed by 分 is points (扣1分).
 */
export function readDeduction(tokens: Token[], from: number): Amount | null {
  let lastPercent: Decimal | null = null;
  let firstPoints: Decimal | null = null;
  for (let i = from; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "sep") break;
    if (t.t !== "num") continue;
    if (t.percent) lastPercent = t.value;
    else if (firstPoints === null && wordAt(tokens, i + 1).startsWith("分") && !wordAt(tokens, i + 1).startsWith("分值")) firstPoints = t.value;
  }
  if (lastPercent !== null) return share(lastPercent);
  if (firstPoints !== null) return points(firstPoints);
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
    if (t.percent && ofWeight) found = share(t.value);
    else if (t.percent && (next.startsWith("权重") || next.startsWith("的权重") || next.startsWith("分值") || next.startsWith("的分值") || next.startsWith("指标分值") || next.startsWith("的指标分值"))) {
      found = share(t.value);
    } else if (!t.percent && next.startsWith("分") && !next.startsWith("分值")) {
      found = points(t.value);
    }
  }
  return found;
}
