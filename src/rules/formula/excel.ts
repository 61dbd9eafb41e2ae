import Decimal from "decimal.js";
import type { Comparator } from "../../values/types";

/**
 * Building blocks of the compiled formulas. Only functions that Excel, WPS, LibreOffice Calc and
 * HyperFormula all implement are used: IF, AND, OR, NOT, MIN, MAX, ABS, INT, ROUND, ROUNDUP,
 * ROUNDDOWN, ISNUMBER, FIND, SUBSTITUTE, VALUE, TRIM, NA (no LET, no IFS, no LAMBDA).
 */

/** A number literal without exponent or binary noise (Decimal keeps what the rule wrote). */
export function lit(value: Decimal | number): string {
  const d = typeof value === "number" ? new Decimal(value) : value;
  const text = d.toFixed();
  return d.isNegative() ? `(${text})` : text;
}

export const CMP_OP: Record<Comparator, string> = { ge: ">=", le: "<=", gt: ">", lt: "<", eq: "=" };

/** `left op right` for a comparator, parenthesised so it can be nested anywhere. */
export function compare(left: string, comparator: Comparator, right: string): string {
  return `(${left}${CMP_OP[comparator]}${right})`;
}

/**
 * Binary floating point turns 1-0.95 into 0.05000000000000004, so (1-0.95)/0.01 is 5.000000000000004 and
 * ROUNDUP would count 6 steps where the engine (decimal.js) counts 5; HyperFormula's ROUND(1.005,2) gives
 * 1. Nudging by 1E-9 (written 0.000000001: HyperFormula does not read exponent literals) before every integer/decimal cut removes that noise; values typed in tables never
 * carry 9 significant decimals, so the nudge never changes a legitimate result.
 */
export const NUDGE = "0.000000001";

export function wholeSteps(x: string): string {
  return `INT(${x}+${NUDGE})`;
}
export function nearestSteps(x: string): string {
  return `ROUND(${x}+${NUDGE},0)`;
}
export function startedSteps(x: string): string {
  return `ROUNDUP(MAX(0,${x}-${NUDGE}),0)`;
}
