/** Rows of the 校验结果 sheet: every finding with its place, kind, severity, values and message. */
import { KIND_LABELS, SEVERITY_LABELS, pts } from "./labels";
import { countsText, mappingText } from "./reading";
import type { Finding, TableSummary } from "./types";

export const FINDINGS_SHEET_NAME = "校验结果";

export const FINDINGS_SHEET_HEADER = ["序号", "工作表", "单元格", "问题类型", "严重程度", "表中数值", "计算值", "说明"] as const;

export interface FindingsSheetRow {
  values: (string | number | null)[];
  /** Where the 单元格 column links to: 'Sheet'!A1. */
  link: { sheet: string; cell: string };
}

function show(v: number | string | null): string | number | null {
  return typeof v === "number" ? Number(pts(v)) : v;
}

export function findingsSheetRows(findings: Finding[]): FindingsSheetRow[] {
  return findings.map((f, i) => ({
    values: [i + 1, f.sheet, f.cell, KIND_LABELS[f.kind], SEVERITY_LABELS[f.severity], show(f.reported), show(f.computed), f.message],
    link: { sheet: f.sheet, cell: f.cell },
  }));
}

/**
 * The 识别情况 rows under the findings: per table, what was read (header rows, each column's role and header
 * text, rows read, with a weight, with a score, computed, and why the rest not). 表中数值 = rows read,
 * 计算值 = rows whose score JX computed.
 */
export function readingSheetRows(tables: TableSummary[]): FindingsSheetRow[] {
  return tables
    .filter((t) => t.reading)
    .map((t) => {
      const r = t.reading!;
      const text = `${r.source === "override" ? "按指定的表格与列读取" : "自动识别"}：表头第${r.headerRows}行；列：${mappingText(r)}${r.unmapped.length ? `；未使用的列：${r.unmapped.map((u) => `${u.column}（${u.header}）`).join("，")}` : ""}；${countsText(r)}。`;
      const first = t.range.split(":")[0];
      return { values: [null, t.sheet, first, "识别情况", null, r.rowsRead, r.rowsComputed, text], link: { sheet: t.sheet, cell: first } };
    });
}

/** An internal hyperlink target: '工作表'!H12 (quotes doubled inside the name); hosts that need "#" add it. */
export function internalLink(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
