/** Chinese words for finding kinds and severities (messages, the 校验结果 sheet, the CLI). */
import Decimal from "decimal.js";
import { decimalOf } from "../values/decimal";
import { plainFixed } from "../values/format";
import type { FindingKind, Severity } from "./types";

export const KIND_LABELS: Record<FindingKind, string> = {
  "weight-sum": "权重合计不符",
  "weight-children": "下级权重之和不符",
  "score-exceeds-weight": "得分超出权重",
  "score-diverges": "得分与规则不符",
  "score-missing": "得分缺失",
  "score-uncalculated": "公式未计算",
  "score-out-of-range": "得分超出规则允许范围",
  "weight-invalid": "权重无效",
  "deviation-reason-missing": "缺少偏差原因",
  "over-achievement": "超额完成需说明",
  "total-diverges": "合计得分不符",
  "grade-diverges": "评价等级不符",
  "rule-unreadable": "评分规则无法识别",
  "value-unreadable": "数值无法识别",
  "verified-differs": "核查得分与自评不同",
  "table-unchecked": "未核对得分",
  "tables-joined": "分块合并核对",
  "no-table": "未找到指标表",
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Light fills a finance officer reads at a glance: red, amber, blue. */
export const SEVERITY_COLORS: Record<Severity, string> = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" };

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** 2.16, 96.5, 15: at most 2 decimals, trailing zeros dropped. */
export function pts(value: number | Decimal): string {
  return plainFixed(typeof value === "number" ? decimalOf(value) : value, 2);
}

/** Rounds a sum to 2 decimals half-up (得分四舍五入保留两位小数). */
export function round2(value: Decimal): number {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}
