/** Weights written inside names: "投入 (15分)", "职责明确（1分）", "目标设定 (5 分)", "项目决策 2 分". */
import { cellText } from "./text";
import type { CellValue } from "./types";

/**
 * In brackets at the end ("投入 (15分)"), or set off by a space or a colon after a word ("项目决策 2 分",
 * "产出指标：40分", 湖北广水 乡村道路项目自评表). A number run into the words ("达到90分") is not a weight.
 */
const WEIGHT_IN_NAME = /(?:[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]|(?<=[\u4e00-\u9fff)）])[\s:：]+(\d+(?:\.\d+)?)\s*分)\s*$/;

/** Names already split: detection asks for every level of every row's path, and level names repeat down a table. */
const SPLIT = new Map<string, Readonly<{ name: string; weight: number | null }>>();
const SPLIT_MEMO_LENGTH = 200;
const SPLIT_MEMO_SIZE = 20_000;

export function splitWeightFromName(value: CellValue | undefined): Readonly<{ name: string; weight: number | null }> {
  const raw = cellText(value);
  const known = SPLIT.get(raw);
  if (known) return known;
  const text = raw.replace(/[\s\u3000]+/g, " ").trim();
  // Every weight ends in 分: most names are settled without the expression.
  const m = text.includes("分") ? WEIGHT_IN_NAME.exec(text) : null;
  const split = !m || m.index === 0 ? { name: text, weight: null } : { name: text.slice(0, m.index).trim(), weight: Number(m[1] ?? m[2]) };
  if (raw.length <= SPLIT_MEMO_LENGTH) {
    if (SPLIT.size >= SPLIT_MEMO_SIZE) SPLIT.clear();
    SPLIT.set(raw, split);
  }
  return split;
}

/** A weight or score cell as a number: 15, "15", "15分", "15.0"; null for blanks, dashes and text. */
export function numberFromCell(value: CellValue | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.replace(/[\s\u3000,，]/g, "").replace(/分$/, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}
