/** A1 addresses for 0-based row/column indices. */
import type { CellRange } from "./types";

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeA1(range: CellRange): string {
  return `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
}

/** "AB12" -> { row: 11, col: 27 }; null when the text is not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B3:D5" -> range; a single address gives a one-cell range. */
export function parseRangeA1(text: string): CellRange | null {
  const [from, to] = text.split(":");
  const a = parseA1(from);
  const b = to ? parseA1(to) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
