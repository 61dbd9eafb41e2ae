/**
 * The 校验汇总 workbook: the rows of src/check/summary.ts written as a new workbook with exceljs (nothing to
 * keep from an input here, so exceljs's own writer is fine). Two sheets, 汇总 and 问题明细: frozen header,
 * filters, widths, number formats, links to the checked copies. No Node-only API: the browser page uses it too;
 * the command line writes large summaries row by row with exceljs's streaming writer (./summary-xlsx-file.ts),
 * through the same layout.
 */
import ExcelJS from "exceljs";
import { SEVERITY_COLORS } from "../check/labels";
import { SUMMARY_FINDINGS_SHEET_NAME, SUMMARY_SHEET_NAME, type Summary, type SummaryColumn, type SummaryRow } from "../check/summary";

const HEADER_FILL = "FFD9E1F2";
const UNREADABLE_FILL = "FFE7E6E6";

/** What the layout needs of a sheet: exceljs's Worksheet, or its streaming WorksheetWriter (rows committed as written). */
export interface SummarySheet {
  columns: Partial<ExcelJS.Column>[];
  getRow(n: number): ExcelJS.Row;
  addRow(values: unknown[]): ExcelJS.Row;
  autoFilter?: ExcelJS.AutoFilter;
}

export interface SummaryBook {
  addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): SummarySheet;
}

const BODY_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };

/**
 * One style object per kind of body cell (its number format, a link, a fill), shared by every cell of that kind:
 * exceljs writes a style it has seen (the same object) without serialising it again, which is most of the time
 * a summary of thousands of rows takes. The objects are never changed once made.
 */
class BodyStyles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();

  get(numFmt: string | undefined, link: boolean, fill: string | null): Partial<ExcelJS.Style> {
    const key = `${numFmt ?? ""}\u0000${link}\u0000${fill ?? ""}`;
    let style = this.made.get(key);
    if (!style) {
      style = { alignment: BODY_ALIGNMENT };
      if (numFmt) style.numFmt = numFmt;
      if (link) style.font = LINK_FONT;
      if (fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      this.made.set(key, style);
    }
    return style;
  }
}

function fillSheet(ws: SummarySheet, columns: SummaryColumn[], rows: SummaryRow[], linkColumn: number, colourColumns: (row: SummaryRow) => number[], commit: boolean): void {
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const styles = new BodyStyles();
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  if (commit) header.commit();
  for (const row of rows) {
    const values = row.values.map((v, i) => (i === linkColumn && row.link && v !== null ? { text: String(v), hyperlink: row.link } : v));
    const added = ws.addRow(values);
    const fill = row.status === "unreadable" ? UNREADABLE_FILL : row.status === "ok" ? null : SEVERITY_COLORS[row.status];
    const filled = fill ? new Set(colourColumns(row)) : null;
    const linked = row.link && values[linkColumn] !== null;
    for (let c = 0; c < columns.length; c++) {
      added.getCell(c + 1).style = styles.get(columns[c].numFmt, Boolean(linked) && c === linkColumn, filled?.has(c) ? fill : null);
    }
    if (commit) added.commit();
  }
}

/** Lays the two sheets out in `wb`; `commit` for a streaming writer (each row written out once it is complete). */
export function layOutSummary(wb: SummaryBook, summary: Summary, commit = false): void {
  const frozen: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] };
  const countCols = ["错误", "警告", "提示"].map((h) => summary.files.columns.findIndex((c) => c.header === h));
  const remark = summary.files.columns.length - 1;
  fillSheet(
    wb.addWorksheet(SUMMARY_SHEET_NAME, frozen),
    summary.files.columns,
    summary.files.rows,
    1,
    (row) => (row.status === "unreadable" ? [1, remark] : row.status === "error" ? [countCols[0]] : row.status === "warning" ? [countCols[1]] : []),
    commit,
  );
  const severity = summary.findings.columns.findIndex((c) => c.header === "严重程度");
  fillSheet(wb.addWorksheet(SUMMARY_FINDINGS_SHEET_NAME, frozen), summary.findings.columns, summary.findings.rows, summary.findings.columns.length - 1, () => [severity], commit);
}

export function summaryWorkbook(summary: Summary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "JX";
  layOutSummary(wb as unknown as SummaryBook, summary);
  return wb;
}

/** The workbook's bytes (Node and the browser alike). */
export async function summaryBuffer(summary: Summary): Promise<Uint8Array> {
  return new Uint8Array(await summaryWorkbook(summary).xlsx.writeBuffer());
}
