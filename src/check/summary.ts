/**
 * The 校验汇总 of a batch (a bureau's 核查 of a folder of submissions): one row per file — unit, table kind,
 * weights, totals, grades, counts of findings, or why the file could not be read — and every finding of every
 * file. Pure data: the CLI and the browser page hand it to an adapter that writes the workbook
 * (src/adapters/summary-xlsx.ts), and --json prints the same rows.
 */
import Decimal from "decimal.js";
import type { Grid } from "../sheet/types";
import { cellText } from "../sheet/text";
import { internalLink } from "./findings-sheet";
import { KIND_LABELS, SEVERITY_LABELS, pts } from "./labels";
import type { WorkbookCheck } from "./check-workbook";
import type { Finding, TableSummary } from "./types";

export const SUMMARY_FILE_NAME = "校验汇总.xlsx";
export const SUMMARY_SHEET_NAME = "汇总";
export const SUMMARY_FINDINGS_SHEET_NAME = "问题明细";

/** What the summary needs of one file's check (the CLI's FileReport, the browser page's result). */
export interface SummaryInput {
  /** The file as the user named it (path or file name). */
  file: string;
  /** Where the file's row links to: its checked copy, relative to the summary workbook (or the file itself). */
  link?: string | null;
  tables: TableSummary[];
  findings: Finding[];
  /** Why the file could not be read (or its copy not written), in Chinese. */
  error?: string;
  unit?: string | null;
  tableKind?: string | null;
}

export interface SummaryColumn {
  header: string;
  /** Column width in characters (a CJK character counts two). */
  width: number;
  /** Excel number format of the column's values. */
  numFmt?: string;
}

export type SummaryValue = string | number | null;

export interface SummaryRow {
  values: SummaryValue[];
  /** Target of the 文件 column (file row) or the 链接 column (finding row): a path, with #'Sheet'!A1 for a cell. */
  link: string | null;
  /** Highest severity among the file's findings, or "unreadable"; lets a writer colour the row. */
  status: "error" | "warning" | "info" | "ok" | "unreadable";
}

export interface Summary {
  files: { columns: SummaryColumn[]; rows: SummaryRow[] };
  findings: { columns: SummaryColumn[]; rows: SummaryRow[] };
  /** The same content keyed for JSON (English keys, like the rest of jx check --json). */
  json: SummaryJsonFile[];
}

export interface SummaryJsonFile {
  file: string;
  link: string | null;
  unit: string | null;
  tableKind: string | null;
  tables: number;
  sheet: string | null;
  indicators: number | null;
  weightSum: number | null;
  reportedTotal: number | null;
  computedTotal: number | null;
  difference: number | null;
  reportedGrade: string | null;
  computedGrade: string | null;
  errors: number;
  warnings: number;
  notes: number;
  reason: string | null;
}

const POINTS = "0.00";

export const SUMMARY_COLUMNS: SummaryColumn[] = [
  { header: "序号", width: 6, numFmt: "0" },
  { header: "文件", width: 36 },
  { header: "单位名称", width: 30 },
  { header: "表格类型", width: 24 },
  { header: "工作表", width: 18 },
  { header: "指标数", width: 8, numFmt: "0" },
  { header: "权重合计", width: 10, numFmt: POINTS },
  { header: "自评总分", width: 10, numFmt: POINTS },
  { header: "计算总分", width: 10, numFmt: POINTS },
  { header: "差额", width: 10, numFmt: "+0.00;-0.00;0.00" },
  { header: "自评等级", width: 10 },
  { header: "计算等级", width: 10 },
  { header: "错误", width: 7, numFmt: "0" },
  { header: "警告", width: 7, numFmt: "0" },
  { header: "提示", width: 7, numFmt: "0" },
  { header: "备注（无法读取的原因等）", width: 50 },
];

export const SUMMARY_FINDING_COLUMNS: SummaryColumn[] = [
  { header: "序号", width: 7, numFmt: "0" },
  { header: "文件", width: 36 },
  { header: "工作表", width: 18 },
  { header: "单元格", width: 8 },
  { header: "问题类型", width: 18 },
  { header: "严重程度", width: 9 },
  { header: "表中数值", width: 10 },
  { header: "计算值", width: 10 },
  { header: "说明", width: 80 },
  { header: "链接", width: 10 },
];

const num = (v: number | string | null): SummaryValue => (typeof v === "number" ? Number(pts(v)) : v);

/** The table a file's row shows: the one with most indicators (the first of those); blocks joined into one table count as it. */
function mainTable(tables: TableSummary[]): TableSummary | null {
  let best: TableSummary | null = null;
  const size = (t: TableSummary) => t.joined?.indicators ?? t.indicators;
  for (const t of tables) if (!t.partOf && (!best || size(t) > size(best))) best = t;
  return best;
}

/** One file's part of the summary: its row, its findings' rows, its JSON entry. */
export interface SummaryPart {
  file: SummaryRow;
  findings: SummaryRow[];
  json: SummaryJsonFile;
}

/**
 * The summary built file by file, in the files' order: rows are numbered as they come (序号 of files and of
 * findings). jx check feeds it as reports arrive, so the 校验汇总 is written while the files are checked.
 */
export class SummaryBuilder {
  private files = 0;
  private findings = 0;

  add(f: SummaryInput): SummaryPart {
    const i = this.files++;
    const t = mainTable(f.tables);
    const count = (s: Finding["severity"]) => f.findings.filter((x) => x.severity === s).length;
    const [errors, warnings, notes] = [count("error"), count("warning"), count("info")];
    const difference =
      t && t.total.reported !== null && t.total.computed !== null ? new Decimal(t.total.reported).minus(t.total.computed).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber() : null;
    const remarks: string[] = [];
    if (f.error) remarks.push(f.error);
    else if (f.tables.length === 0) remarks.push("未找到指标表");
    const parts = t?.joined ? t.joined.ranges.length : 1;
    if (t?.joined) remarks.push(`工作表“${t.sheet}”中${t.joined.ranges.join("、")}按一张表的${parts}个部分合并核对`);
    if (t && f.tables.length > parts) remarks.push(`共${f.tables.length - parts + 1}张指标表，本行为工作表“${t.sheet}”${t.joined ? t.joined.ranges.join("、") : t.range}，其余的问题见“${SUMMARY_FINDINGS_SHEET_NAME}”`);
    const unreadable = Boolean(f.error) && f.tables.length === 0;
    const entry: SummaryJsonFile = {
      file: f.file,
      link: f.link ?? null,
      unit: f.unit ?? null,
      tableKind: f.tableKind ?? null,
      tables: f.tables.length,
      sheet: t?.sheet ?? null,
      indicators: t ? t.joined?.indicators ?? t.indicators : null,
      weightSum: t && typeof t.weightSum === "number" ? Number(pts(t.joined?.weightSum ?? t.weightSum)) : null,
      reportedTotal: t && t.total.reported !== null ? Number(pts(t.total.reported)) : null,
      computedTotal: t && t.total.computed !== null ? Number(pts(t.total.computed)) : null,
      difference,
      reportedGrade: t?.grade.reported ?? null,
      computedGrade: t?.grade.computed ?? null,
      errors,
      warnings,
      notes,
      reason: remarks.length ? remarks.join("；") : null,
    };
    const file: SummaryRow = {
      values: [
        i + 1,
        entry.file,
        entry.unit,
        entry.tableKind,
        entry.sheet,
        entry.indicators,
        entry.weightSum,
        entry.reportedTotal,
        entry.computedTotal,
        entry.difference,
        entry.reportedGrade,
        entry.computedGrade,
        unreadable ? null : errors,
        unreadable ? null : warnings,
        unreadable ? null : notes,
        entry.reason,
      ],
      link: f.link ?? null,
      status: unreadable ? "unreadable" : errors ? "error" : warnings ? "warning" : notes ? "info" : "ok",
    };
    const findings = f.findings.map((x): SummaryRow => {
      const link = f.link ? `${f.link}#${internalLink(x.sheet, x.cell)}` : null;
      return {
        values: [++this.findings, f.file, x.sheet, x.cell, KIND_LABELS[x.kind], SEVERITY_LABELS[x.severity], num(x.reported), num(x.computed), x.message, link ? "打开" : null],
        link,
        status: x.severity,
      };
    });
    return { file, findings, json: entry };
  }
}

export function buildSummary(inputs: SummaryInput[]): Summary {
  const builder = new SummaryBuilder();
  const parts = inputs.map((f) => builder.add(f));
  return {
    files: { columns: SUMMARY_COLUMNS, rows: parts.map((p) => p.file) },
    findings: { columns: SUMMARY_FINDING_COLUMNS, rows: parts.flatMap((p) => p.findings) },
    json: parts.map((p) => p.json),
  };
}

// ---- What a workbook says about itself: the unit that filled it and the kind of table ----

/** Labels of the unit in a header block, most specific first (部门（单位）名称 reads as 部门名称). */
const UNIT_LABELS = ["填报单位", "单位名称", "部门名称", "预算单位", "被评价单位", "评价对象", "项目单位", "实施单位", "主管部门"];
/** Where an organisation's name ends: a title's prefix counts as the unit only when it ends so. */
const ORG_END = /(局|委|院|办|厅|部|处|中心|站|所|队|会|馆|校|学|室|社|政府|街道|乡|镇|公司|集团|团|宫|台|场|园)$/;

function labelKey(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[\s\u3000:：*＊]/g, "");
}

/** "填报单位（盖章）：某某局" -> ["填报单位", "某某局"]; "单位名称" -> ["单位名称", ""]. */
function splitLabel(text: string): [string, string] | null {
  const m = /^(.{2,14}?)[:：]\s*(.*)$/s.exec(text.trim());
  const [label, rest] = m ? [m[1], m[2]] : [text, ""];
  const key = labelKey(label);
  return UNIT_LABELS.includes(key) ? [key, rest.trim()] : null;
}

function rowTexts(grid: Grid, row: number): string[] {
  // Rows may be sparse: every column is visited, a hole is an empty cell.
  return Array.from(grid.cells[row] ?? [], (c) => cellText(c?.value).trim());
}

/** Rows around a table's header where the header block sits: above it, and a few under the table (落款). */
function headerBlockRows(grid: Grid, top: number, bottom: number): number[] {
  const rows: number[] = [];
  for (let r = 0; r < Math.min(top, 40); r++) rows.push(r);
  for (let r = bottom + 1; r < Math.min(grid.rowCount, bottom + 8); r++) rows.push(r);
  return rows;
}

function unitFromBlock(grid: Grid, rows: number[]): string | null {
  let best: { rank: number; value: string } | null = null;
  for (const r of rows) {
    const texts = rowTexts(grid, r);
    texts.forEach((text, c) => {
      if (!text) return;
      const split = splitLabel(text);
      if (!split) return;
      let value = split[1];
      if (!value) {
        const next = texts.slice(c + 1).find((t) => t !== "");
        if (next === undefined || splitLabel(next)) return;
        value = next;
      }
      value = value.replace(/[（(]\s*(盖章|公章|签章)\s*[）)]/g, "").trim();
      if (!value || value.length > 60) return;
      const rank = UNIT_LABELS.indexOf(split[0]);
      if (!best || rank < best.rank) best = { rank, value };
    });
  }
  return best === null ? null : (best as { value: string }).value;
}

function titleOf(grid: Grid, top: number): string | null {
  for (let r = 0; r < Math.min(top, 40); r++) {
    for (const text of rowTexts(grid, r)) if (text.length >= 4 && text.length <= 80 && /表$|表[（(]/.test(text.replace(/\s/g, ""))) return text.replace(/\s+/g, "");
  }
  return null;
}

function unitFromTitle(title: string): string | null {
  const m = /^(.{2,40}?)(?:\d{4}年度?)?(?:部门|单位|整体|项目|绩效|预算)/.exec(labelKey(title));
  return m && ORG_END.test(m[1]) ? m[1] : null;
}

/** The kind of table, from its title (or the sheet's name), else from its columns. */
export function tableKindOf(title: string | null, sheetName: string, hasRuleColumn: boolean, hasVerified: boolean): string {
  const text = labelKey(`${title ?? ""}${sheetName}`);
  const scope = /项目/.test(text) ? "项目支出" : /部门|整体|单位/.test(text) ? "部门整体支出" : "";
  if (/核查|复核/.test(text)) return "核查评分表";
  if (/自评/.test(text)) return `${scope}绩效自评表`;
  if (/评价|评分/.test(text)) return `${scope}绩效评价评分表`;
  if (hasVerified) return "核查评分表";
  return hasRuleColumn ? "绩效自评表" : "项目支出绩效自评表";
}

/** Unit name and table kind of a checked workbook (its main table's sheet); nulls when it has no table. */
export function workbookFacts(grids: Grid[], check: WorkbookCheck): { unit: string | null; tableKind: string | null } {
  if (check.details.length === 0) return { unit: null, tableKind: null };
  let main = check.details[0];
  for (const d of check.details) if (d.summary.indicators > main.summary.indicators) main = d;
  const table = main.table;
  const grid = grids.find((g) => g.name === table.sheet);
  if (!grid) return { unit: null, tableKind: tableKindOf(null, table.sheet, table.hasRuleColumn, table.columns.verified !== null) };
  const title = titleOf(grid, table.header.top);
  let unit = unitFromBlock(grid, headerBlockRows(grid, table.header.top, table.range.bottom));
  if (!unit) for (const g of grids) if (g !== grid && (unit = unitFromBlock(g, headerBlockRows(g, Math.min(g.rowCount, 12), g.rowCount)))) break;
  unit ??= title ? unitFromTitle(title) : null;
  return { unit, tableKind: tableKindOf(title, table.sheet, table.hasRuleColumn, table.columns.verified !== null) };
}
