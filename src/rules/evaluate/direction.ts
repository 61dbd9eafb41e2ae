import Decimal from "decimal.js";
import type { Comparator, ParsedValue } from "../../values/types";
import type { Bound } from "../types";

/** Indicator names whose lower values are better (RULES.md): used when the target has no ≤/≥. */
const LOWER_IS_BETTER_WORDS = ["成本", "控制率", "变动率", "调整率", "结余率", "结转率", "投诉率", "发生率", "事故率", "违规率", "差错率", "超支率", "费用", "支出额", "人均费用", "单价", "时长", "耗时"];

export function nameSaysLowerIsBetter(name: string): boolean {
  return LOWER_IS_BETTER_WORDS.some((w) => name.includes(w));
}

/** Whether lower actuals are better for this row: a ≤/< target, or an =/bare target whose name says so. */
export function lowerIsBetter(target: ParsedValue, name: string): boolean {
  const cmp = target.kind === "number" || target.kind === "date" ? target.comparator : null;
  if (cmp === "le" || cmp === "lt") return true;
  if (cmp === "ge" || cmp === "gt") return false;
  return nameSaysLowerIsBetter(name);
}

export function compare(a: Decimal, cmp: Comparator, b: Decimal): boolean {
  switch (cmp) {
    case "ge":
      return a.gte(b);
    case "le":
      return a.lte(b);
    case "gt":
      return a.gt(b);
    case "lt":
      return a.lt(b);
    case "eq":
      return a.eq(b);
  }
}

export function satisfies(a: Decimal, bound: Bound): boolean {
  return compare(a, bound.comparator, bound.value);
}

/** Whether actual A meets target T: "=" with T > 0 behaves as "≥" (over-achievement is not penalised). */
export function meetsNumeric(T: Decimal, A: Decimal, targetCmp: Comparator | null, lower: boolean): boolean {
  if (targetCmp === "gt") return A.gt(T);
  if (targetCmp === "lt") return A.lt(T);
  return lower ? A.lte(T) : A.gte(T);
}

export const CMP_TEXT: Record<Comparator, string> = { ge: "≥", le: "≤", gt: ">", lt: "<", eq: "=" };
export const CMP_WORD: Record<Comparator, string> = { ge: "不低于", le: "不高于", gt: "高于", lt: "低于", eq: "等于" };
