import type { GradeSchemeId } from "../rules/types";

/** What a column holds; the builder lays out headers, validation and locking from it. */
export type ColumnRole =
  | "level1"
  | "level2"
  | "level3"
  | "explanation" // 指标解释 (structure, locked)
  | "rule" // 评分规则 (structure, locked)
  | "target" // 目标值 (structure, locked: set by the finance bureau)
  | "actual" // 实际值 (input)
  | "weight" // 权重/分值 (structure, locked)
  | "score" // 自评得分 computed by formula
  | "selfScore" // 自评得分 typed by the department (核查表)
  | "verifiedScore" // 核查得分 computed by formula
  | "difference" // 自评得分与核查得分之差 (formula)
  | "note"; // 偏差原因 / 评分说明 (input text)

export interface TemplateColumn {
  role: ColumnRole;
  /** Header text. With `group`, the second header row holds `header` and the first holds `group`. */
  header: string;
  group?: string;
  width: number;
}

/** How the actual cell is typed: drives number format and data validation. */
export type ActualKind = "percent" | "number" | "count" | "text";

export interface TemplateRow {
  level1: string;
  level2: string;
  level3: string;
  explanation?: string;
  /** 评分规则 text; absent = the national default rule (项目支出 tables have no rule column). */
  rule?: string;
  /** 目标值 as officials write it ("≥95%", "=100%", "≤0", 10). */
  target: string | number;
  weight: number;
  actualKind: ActualKind;
  /** Realistic example 实际值 (percent as fraction; 要点 rows as text) for --example. */
  exampleActual: number | string;
  /** 预算执行率 row of the national form: the actual is 全年执行数/全年预算数 from the budget block. */
  actualFromBudget?: boolean;
  /**
   * Example score typed by hand, for rows whose rule only a person can score (符合/不符合 in words):
   * the score cell of such a row is an input, as on paper.
   */
  exampleManualScore?: number;
  /** Example 自评得分 typed by a department (核查表 only); may deliberately diverge, as real ones do. */
  exampleSelfScore?: number;
  /** Example 偏差原因 / 评分说明 text. */
  exampleNote?: string;
}

/** The 预算执行率 block of the national 项目支出 form: 预算数 / 执行数 typed, 执行率 computed. */
export interface BudgetBlock {
  exampleBudget: number;
  exampleSpent: number;
}

export interface TemplateDef {
  id: string;
  name: string;
  version: string;
  /** Where the indicator system comes from and how it was adapted. */
  source: string;
  title: string;
  columns: TemplateColumn[];
  rows: TemplateRow[];
  gradeScheme: GradeSchemeId;
  /** Header fields above the table (部门名称, 联系人…) with example entries. */
  infoFields: { label: string; example: string }[];
  /** Present for the national 项目支出 form: the 预算执行率 row reads its actual from this block. */
  budget?: BudgetBlock;
  /** Lines of the 说明 sheet specific to this template. */
  notes: string[];
}

export interface TemplateSummary {
  id: string;
  name: string;
  version: string;
}

export interface BuildOptions {
  /** native: formulas any spreadsheet computes; jx: =JX.SCORE() custom functions of the add-in. */
  formulas: "native" | "jx";
  example: boolean;
  /** Other sheet names (the task pane inserts into a workbook whose names may clash); default: the template's name and 说明. */
  sheetNames?: { template?: string; notes?: string };
}
