/** The indicator roles, and the row labels of a table (合计, 评价结论, 小计, …); header words are in vocabulary.ts. */
import { normalizeLabel } from "./text";
import type { CellValue } from "./types";

/** The roles a column of an indicator table can have; the other role unions of src/sheet derive from it. */
export type IndicatorRole =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "actual"
  | "weight"
  | "rule"
  | "score"
  | "verified"
  | "explanation"
  | "note";

const TOTAL = /^(合计|总计|总分|合计得分|总得分|得分合计|合计分|总分值)$/;
const SUBTOTAL = /^小计$/;
const GRADE_LABEL = /^(评价结论|评价等级|自评等级|绩效等级|等级|绩效评价等级)$/;
/** Labels that also name indicators (自评结果 is a level-1 indicator in seeds/004): a grade row only with a grade word. */
const WEAK_GRADE_LABEL = /^(评价结果|自评结论|自评结果|评定等级)$/;
/** Rows that start the narrative under a table (they end it). */
const TERMINATOR = /^(绩效目标完成|尚未完成|改进措施|备注|说明|填报说明|填表说明|主要经验|存在问题|其他需要说明|评价人|填报人|审核人)/;

export function isTotalLabel(value: CellValue | undefined): boolean {
  return TOTAL.test(normalizeLabel(value));
}
export function isSubtotalLabel(value: CellValue | undefined): boolean {
  return SUBTOTAL.test(normalizeLabel(value));
}
export function isGradeLabel(value: CellValue | undefined): boolean {
  return GRADE_LABEL.test(normalizeLabel(value));
}
export function isWeakGradeLabel(value: CellValue | undefined): boolean {
  return WEAK_GRADE_LABEL.test(normalizeLabel(value));
}
export function isTerminatorLabel(value: CellValue | undefined): boolean {
  return TERMINATOR.test(normalizeLabel(value));
}

/** "优", "良好", "中等", "☑优秀" -> the grade word; null when the cell is not a bare grade. */
export function gradeWord(value: CellValue | undefined): string | null {
  const text = normalizeLabel(value).replace(/^[☑√✓✔]/, "");
  const m = /^(优秀|良好|中等|较差|优|良|中|差)(等|级|等级)?$/.exec(text);
  return m ? m[1] : null;
}

/** The weight written in a budget score header: 得分(20分*执行率) -> 20 (云南 项目支出绩效自评表). */
export function weightInScoreHeader(value: CellValue | undefined): number | null {
  const m = /^(?:自评)?得分\((\d+(?:\.\d+)?)分/.exec(normalizeLabel(value));
  return m ? Number(m[1]) : null;
}

/**
 * Budget-execution headers of the national project table (项目资金 block) and its provincial variants:
 * 全年(调整)预算数, 执行率权重, 执行率得分(分) (重庆 部门整体绩效自评表), 年初预算数(A) alone, 分值(10分) (北京海淀).
 */
/** Longer than any budget header with its spaces and brackets ("全年（调整）预算数（A）", "得分(20分*执行率)"). */
const BUDGET_HEADER_CHARS = 40;

export function budgetRole(value: CellValue | undefined): "budget" | "initialBudget" | "spent" | "weight" | "score" | "rate" | null {
  // Every cell of a sheet is asked: numbers and long texts (rules, names) are none of these short headers.
  if (typeof value !== "string" || value.length > BUDGET_HEADER_CHARS) return null;
  const text = normalizeLabel(value);
  if (/^(全年预算数|全年\(调整\)预算数|调整后预算数|调整预算数|预算数)(\(A\))?$/.test(text)) return "budget";
  if (/^年初预算数(\(A\))?$/.test(text)) return "initialBudget";
  if (/^(全年执行数|执行数|预算执行数|实际执行数)(\(B\))?$/.test(text)) return "spent";
  if (/^(分值|权重|执行率权重)(\((\d+(\.\d+)?)?分\))?$/.test(text)) return "weight";
  if (/^(得分|自评得分|执行率得分)(\(分\)|\(\d+(\.\d+)?分[^)]*\))?$/.test(text)) return "score";
  if (/^(执行率|预算执行率)(\(B\/A\)|\(%\))?$/.test(text)) return "rate";
  return null;
}
