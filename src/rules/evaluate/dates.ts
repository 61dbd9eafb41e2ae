import type { DateValue, ParsedValue } from "../../values/types";
import { EvalError } from "./context";

function key(v: DateValue): number {
  return (v.year ?? 0) * 10000 + (v.month ?? 12) * 100 + (v.day ?? 31);
}

/**
 * Whether a completion date meets a deadline ("在2021年6月30日前完成" vs "2021年5月"). A month without a day
 * counts as its last day; a date without a year is only comparable with another without a year.
 */
export function meetsDeadline(target: ParsedValue, actual: ParsedValue): boolean {
  if (target.kind !== "date" || actual.kind !== "date") throw new EvalError(`目标值与实际值应同为日期：目标“${target.raw}”，实际“${actual.raw}”`, "value-unreadable");
  if ((target.year === null) !== (actual.year === null)) throw new EvalError(`目标“${target.raw}”与实际“${actual.raw}”的日期写法不同，无法比较，请人工评分`);
  return key(actual) <= key(target);
}
