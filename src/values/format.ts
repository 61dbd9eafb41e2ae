import Decimal from "decimal.js";
import type { ParsedValue } from "./types";

/** 0.954 -> "95.4%"; 4 -> "4". Trailing zeros dropped; at most 4 decimals. */
export function formatNumber(d: Decimal, percent = false): string {
  const v = percent ? d.times(100) : d;
  const s = v.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
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
  return d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed().replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}
