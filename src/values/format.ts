import Decimal from "decimal.js";
import type { ParsedValue } from "./types";

/** A count as messages print it: 200,000 (digits grouped by thousands, whatever the machine's locale). */
export function groupedCount(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * d rounded half-up to `places` decimals, written out plainly: 2.16, 96.5, 15, 0.0001 (decimal.js keeps no
 * trailing zeros). A value with no more decimals than that is printed as it is, without rounding it again:
 * explanations print several numbers a row.
 */
export function plainFixed(d: Decimal, places: number): string {
  return (d.decimalPlaces() <= places ? d : d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP)).toFixed();
}

/** 0.954 -> "95.4%"; 4 -> "4". Trailing zeros dropped; at most 4 decimals. */
export function formatNumber(d: Decimal, percent = false): string {
  const s = plainFixed(percent ? d.times(100) : d, 4);
  return percent ? `${s}%` : s;
}

const CMP_TEXT = { ge: "≥", le: "≤", gt: ">", lt: "<", eq: "=" } as const;

/** How a parsed value is shown back to the user in explanations. */
export function formatValue(v: ParsedValue): string {
  switch (v.kind) {
    case "number": {
      const cmp = v.comparator ? CMP_TEXT[v.comparator] : "";
      const unit = v.unit === "percent" ? "" : v.unit ?? "";
      return `${cmp}${formatNumber(v.magnitude, v.unit === "percent")}${unit}`;
    }
    case "date":
      return v.raw || `${v.year ?? ""}${v.year ? "年" : ""}${v.month}月${v.day ? `${v.day}日` : ""}`;
    case "word":
      return v.word;
    case "empty":
      return "（空）";
    case "unreadable":
      return v.raw;
  }
}

/** Score display: at most 2 decimals, trailing zeros dropped (2.16, 2, 0.4). */
export function formatPoints(d: Decimal): string {
  return plainFixed(d, 4);
}
