/** Test helper: a Rule as plain data (Decimal -> string, `text` dropped) for deep equality. */
import Decimal from "decimal.js";
import type { Rule } from "../../../src/rules/types";

export function plain(rule: Rule): Record<string, unknown> {
  const conv = (v: unknown): unknown => {
    if (Decimal.isDecimal(v)) return (v as Decimal).toString();
    if (Array.isArray(v)) return v.map(conv);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = conv(x);
      return out;
    }
    return v;
  };
  const { text: _text, ...rest } = rule;
  return conv(rest) as Record<string, unknown>;
}
