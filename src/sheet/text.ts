/** Header and label text as compared by detection: spaces, line breaks, stars and full-width forms removed. */
import type { CellValue } from "./types";

const FULL_WIDTH: Record<string, string> = {
  "（": "(",
  "）": ")",
  "％": "%",
  "：": ":",
  "＊": "*",
  "【": "[",
  "】": "]",
};

export function cellText(value: CellValue | undefined): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Labels already normalised: detection asks for the same cell texts many times. Short texts only, and bounded. */
const LABELS = new Map<string, string>();
const LABEL_MEMO_LENGTH = 200;
const LABEL_MEMO_SIZE = 20_000;

/** "评（扣）分标准*" -> "评(扣)分标准"; "部门 产出" -> "部门产出". */
export function normalizeLabel(value: CellValue | undefined): string {
  const text = cellText(value);
  const known = LABELS.get(text);
  if (known !== undefined) return known;
  const label = text.replace(/[（）％：＊【】]/g, (ch) => FULL_WIDTH[ch] ?? ch).replace(/[\s\u3000*]+/g, "");
  if (text.length <= LABEL_MEMO_LENGTH) {
    if (LABELS.size >= LABEL_MEMO_SIZE) LABELS.clear();
    LABELS.set(text, label);
  }
  return label;
}

/** Trimmed display text with inner runs of whitespace collapsed (names keep their words). */
export function cleanName(value: CellValue | undefined): string {
  return cellText(value).replace(/[\s\u3000]+/g, " ").trim();
}

export function isBlank(value: CellValue | undefined): boolean {
  return cellText(value).trim() === "";
}

/** Cells such as "—", "-", "/" mean "nothing here" in these tables. */
export function isDashOrBlank(value: CellValue | undefined): boolean {
  return /^[\s\u3000\-—–－_/／\\]*$/.test(cellText(value));
}
