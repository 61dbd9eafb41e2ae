import Decimal from "decimal.js";
import type { Amount, Bound, ScoringOptions } from "../types";
import { compare, lit } from "./excel";
import { numberOf, targetIsUpperBound, targetIsLowerBound } from "./cells";

/** Cell addresses of one indicator row ("D11", "Sheet1!E11", "$F$11"). */
export interface FormulaCells {
  target: string;
  actual: string;
  weight: string;
}

/** What the compiler knows besides the cells: the indicator name gives the direction, as in the engine. */
export interface CompileHints {
  /** 三级指标 name (成本/控制率/变动率… are lower-is-better when the target has no ≤/≥). */
  name?: string | null;
}

export type CompileResult = { ok: true; formula: string } | { ok: false; reason: string };

/** Thrown by a kind compiler that cannot express a rule; the message is the Chinese reason. */
export class NotExpressible extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotExpressible";
  }
}

/** Expressions every kind compiler uses: numbers read from the cells, the weight, the direction. */
export interface FormulaContext {
  T: string;
  A: string;
  W: string;
  /** Raw target reference, for comparator detection in text. */
  targetRef: string;
  /** Boolean expression: lower actuals are better for this row. */
  lower: string;
  options: ScoringOptions;
}

export function makeContext(cells: FormulaCells, options: ScoringOptions, nameLower: boolean): FormulaContext {
  // A ≤/< target is lower-is-better; a ≥/> target is not, whatever the name; otherwise the name decides.
  const lower = nameLower ? `NOT(${targetIsLowerBound(cells.target)})` : targetIsUpperBound(cells.target);
  // The weight is a number in every table (分值 4, 权重 15); it is used as is, keeping formulas short.
  return { T: numberOf(cells.target), A: numberOf(cells.actual), W: cells.weight, targetRef: cells.target, lower, options };
}

/** Points of an amount: a share of the weight or fixed points. */
export function points(amount: Amount, W: string): string {
  if (amount.mode === "points") return lit(amount.value);
  if (amount.value.eq(1)) return W;
  return `${W}*${lit(amount.value)}`;
}

export function satisfies(x: string, bound: Bound): string {
  return compare(x, bound.comparator, lit(bound.value));
}

/** Whether actual meets target the engine's way (meetsNumeric): ≤ targets from below, others from above. */
export function meetsTarget(ctx: FormulaContext): string {
  return `IF(${ctx.lower},${ctx.A}<=${ctx.T},${ctx.A}>=${ctx.T})`;
}

export function decimal(n: number | string): Decimal {
  return new Decimal(n);
}
