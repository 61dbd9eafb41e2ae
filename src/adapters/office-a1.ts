/** A1 addresses for the Office.js adapter: "B3" <-> 0-based row/col, and Excel's "Sheet1!A1:C4" ranges. */
import type { CellRange } from "../sheet/types";

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "AB12" -> {row: 11, col: 27}; null when the text is not a single-cell A1 address. */
export function parseCell(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Strips the sheet part of an Excel address: "'预算 表'!B2:C3" -> "B2:C3". */
export function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** "B2:C3" or "B2" (sheet part allowed) -> a 0-based range. Whole rows/columns are not produced by Excel here. */
export function parseRange(address: string): CellRange | null {
  const [a, b] = withoutSheet(address).split(":");
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** Excel lists areas as "Sheet1!A1:B2, Sheet1!D4" (RangeAreas.address). */
export function parseAreas(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  return address
    .split(",")
    .map((part) => parseRange(part.trim()))
    .filter((r): r is CellRange => r !== null);
}

export function rangeAddress(r: CellRange): string {
  const start = cellAddress(r.top, r.left);
  const end = cellAddress(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}
