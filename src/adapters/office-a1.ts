/** A1 addresses for the Office.js adapter: "B3" <-> 0-based row/col, and Excel's "Sheet1!A1:C4" ranges. */
import type { CellRange } from "../sheet/types";
import { a1 as cellAddress, parseRangeA1 } from "../sheet/address";

/** Single-cell helpers come from the engine's sheet module; this file adds Excel's sheet-qualified forms. */
export { columnLetters, a1 as cellAddress, parseA1 as parseCell } from "../sheet/address";

/** Strips the sheet part of an Excel address: "'预算 表'!B2:C3" -> "B2:C3". */
export function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** "B2:C3" or "B2" (sheet part allowed) -> a 0-based range. Whole rows/columns are not produced by Excel here. */
export function parseRange(address: string): CellRange | null {
  return parseRangeA1(withoutSheet(address));
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
