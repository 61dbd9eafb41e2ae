/**
 * Decimals from the numbers a sheet holds, made once: a table repeats its weights and scores (2, 5, 10, 0.01 …)
 * and every sum, comparison and rounding of a check starts from them. decimal.js values are immutable, so one
 * instance serves every caller.
 */
import Decimal from "decimal.js";

const MEMO = new Map<number, Decimal>();
const MEMO_SIZE = 50_000;

/** The decimal of a number as JavaScript prints it (0.1 -> 0.1, not its binary expansion). */
export function decimalOf(n: number): Decimal {
  let d = MEMO.get(n);
  if (d === undefined) {
    d = new Decimal(n);
    if (MEMO.size >= MEMO_SIZE) MEMO.clear();
    MEMO.set(n, d);
  }
  return d;
}

const CELL_MEMO = new Map<number, Decimal>();

/** Decimal from an Excel number without binary noise (0.9540000000000001 -> 0.954): 15 significant digits, as Excel shows. */
export function decimalFromNumber(n: number): Decimal {
  let d = CELL_MEMO.get(n);
  if (d === undefined) {
    d = decimalOf(Number(n.toPrecision(15)));
    if (CELL_MEMO.size >= MEMO_SIZE) CELL_MEMO.clear();
    CELL_MEMO.set(n, d);
  }
  return d;
}

/** Sum of numbers, exactly (each as JavaScript prints it). */
export function sumOf(values: Iterable<number>): Decimal {
  let sum = ZERO;
  for (const v of values) sum = sum.plus(decimalOf(v));
  return sum;
}

export const ZERO = new Decimal(0);

/** Decimal.max(0, d) without its copies (scoring clamps every row): d, or 0 when d is negative (or −0). */
export function nonNegative(d: Decimal): Decimal {
  return d.isNeg() ? ZERO : d;
}

/** Decimal.min(cap, d) without its copies: d, or cap when d exceeds it. */
export function atMost(d: Decimal, cap: Decimal): Decimal {
  return d.gt(cap) ? cap : d;
}

/** Largest relative error of a double against the decimal it prints as, with room to spare. */
const DOUBLE_SLACK = 1e-9;

/**
 * |a − b| ≤ tolerance, exactly in decimal. Most pairs are far inside or outside the tolerance, which the doubles
 * settle; only a pair within rounding noise of the bound is compared in decimal.js.
 */
export function near(a: number | Decimal, b: number | Decimal, tolerance: number): boolean {
  if (typeof a === "number" && typeof b === "number") {
    const gap = Math.abs(a - b);
    const slack = DOUBLE_SLACK * Math.max(1, Math.abs(a), Math.abs(b));
    if (gap < tolerance - slack) return true;
    if (gap > tolerance + slack) return false;
  }
  const x = typeof a === "number" ? decimalOf(a) : a;
  return x.minus(typeof b === "number" ? decimalOf(b) : b).abs().lte(tolerance);
}
