export { checkWorkbook, DEFAULT_TOLERANCE } from "./check-workbook";
export type { WorkbookCheck, CheckedTable, CheckedUnit } from "./check-workbook";
export { buildPlan, scoreFormula, optionsText, DEFAULT_PLAN_OPTIONS } from "./plan";
export type { PlanOptions } from "./plan";
export { findingsSheetRows, internalLink, FINDINGS_SHEET_NAME, FINDINGS_SHEET_HEADER } from "./findings-sheet";
export type { FindingsSheetRow } from "./findings-sheet";
export { KIND_LABELS, SEVERITY_LABELS, SEVERITY_COLORS } from "./labels";
export * from "./types";
