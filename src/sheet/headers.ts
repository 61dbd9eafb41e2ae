/** Header words (DESIGN.md "Domain words") and the column role each one names. */
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

/** A header word's role: an indicator role, or a names column whose level comes from the words around it. */
export type ColumnRole = IndicatorRole | "name";

/** Patterns are matched against normalizeLabel() output (no spaces, half-width brackets). */
const PATTERNS: [ColumnRole, RegExp][] = [
  ["level1", /^一级(指标|标准)(名称)?$/],
  ["level2", /^二级(指标|标准)(名称)?$/],
  ["level3", /^三级(指标|标准)(名称)?$/],
  ["name", /^(指标名称|指标|名称|考核指标|绩效指标名称)$/],
  ["rule", /^(评分规则|评分标准|评\(扣\)分标准|评扣分标准|扣分标准|计分方法|计分标准|评分方法|评分办法|评分细则|评分依据)$/],
  ["verified", /^(核查得分|复核得分|核查评分|复核评分|核查分|复核分|评审得分|财政评分|核定得分)(\(分\))?$/],
  ["score", /^(自评得分|得分|评分|自评分|自评分数|单位自评得分|部门自评得分|实际得分)(\(分\))?$/],
  ["target", /^(年度|全年|年初|预期|计划)?(目标|指标)值$|^(年度|全年)?指标值$|^目标值\(.*\)$|^(计划值|预期值|年度目标)$/],
  ["actual", /^(全年|年度)?(实际(完成)?值|完成值|实际完成|实际完成数|实际完成值\(.*\))$/],
  ["weight", /^(权重|分值|指标分值|标准分值|指标权重|权重分|权重分值|权重分数|权重\(%\)|权重%|分值\(%\)|分值\(分\)|权重\(分\)|满分|标准分)$/],
  // 偏差原因分析及改进措施 and its regional spellings (未完成原因, 差异原因及整改措施, 原因分析).
  ["explanation", /^(评分说明|扣分说明|扣分原因|得分说明|(偏差|差异|未完成|未达标)原因(分析)?((及|和)(改进|整改)措施)?(说明)?|原因分析((及|和)(改进|整改)措施)?)$/],
  ["note", /^(指标解释|指标解释说明|指标说明|指标内涵|指标定义|指标含义|计算公式)$/],
];

const MAX_HEADER_CHARS = 40;

export function headerRole(value: CellValue | undefined): ColumnRole | null {
  // Header words are short: long texts (rules, explanations) are rejected before any normalisation.
  if (typeof value !== "string" || value.length > MAX_HEADER_CHARS) return null;
  const text = normalizeLabel(value);
  if (!text || text.length > 20) return null;
  for (const [role, re] of PATTERNS) if (re.test(text)) return role;
  return null;
}

export function levelOf(role: ColumnRole | null): 1 | 2 | 3 | null {
  return role === "level1" ? 1 : role === "level2" ? 2 : role === "level3" ? 3 : null;
}

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
export function budgetRole(value: CellValue | undefined): "budget" | "initialBudget" | "spent" | "weight" | "score" | "rate" | null {
  const text = normalizeLabel(value);
  if (/^(全年预算数|全年\(调整\)预算数|调整后预算数|调整预算数|预算数)(\(A\))?$/.test(text)) return "budget";
  if (/^年初预算数(\(A\))?$/.test(text)) return "initialBudget";
  if (/^(全年执行数|执行数|预算执行数|实际执行数)(\(B\))?$/.test(text)) return "spent";
  if (/^(分值|权重|执行率权重)(\((\d+(\.\d+)?)?分\))?$/.test(text)) return "weight";
  if (/^(得分|自评得分|执行率得分)(\(分\)|\(\d+(\.\d+)?分[^)]*\))?$/.test(text)) return "score";
  if (/^(执行率|预算执行率)(\(B\/A\)|\(%\))?$/.test(text)) return "rate";
  return null;
}
