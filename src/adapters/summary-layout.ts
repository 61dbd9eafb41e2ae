/**
 * The layout of the 校验汇总 workbook: the rows of src/check/summary.ts on two sheets, 汇总 and 问题明细 — frozen
 * header, filters, widths, number formats, links to the checked copies — for exceljs's in-memory workbook
 * (./summary-xlsx.ts, the browser page) and its streaming writer (./summary-xlsx-file.ts, the command line)
 * alike. Nothing to keep from an input here, so exceljs's own writers are fine. Types only from exceljs: the
 * streaming writer loads a part of the library, not all of it.
 */
import type ExcelJS from "exceljs";
import { SEVERITY_COLORS } from "../check/labels";
import { SUMMARY_COLUMNS, SUMMARY_FINDING_COLUMNS, SUMMARY_FINDINGS_SHEET_NAME, SUMMARY_SHEET_NAME, type Summary, type SummaryColumn, type SummaryPart, type SummaryRow } from "../check/summary";

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

/** One sheet of the summary, written row by row: header first, the filter over all rows at the end. */
class SheetLayout {
  private readonly styles = new BodyStyles();
  private rows = 0;

  constructor(
    private readonly ws: SummarySheet,
    private readonly columns: SummaryColumn[],
    private readonly linkColumn: number,
    private readonly colourColumns: (row: SummaryRow) => number[],
    private readonly commit: boolean,
  ) {
    ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } }));
    if (commit) header.commit();
  }

  add(row: SummaryRow): void {
    const { linkColumn, columns } = this;
    const values = row.values.map((v, i) => (i === linkColumn && row.link && v !== null ? { text: String(v), hyperlink: row.link } : v));
    const added = this.ws.addRow(values);
    const fill = row.status === "unreadable" ? UNREADABLE_FILL : row.status === "ok" ? null : SEVERITY_COLORS[row.status];
    const filled = fill ? new Set(this.colourColumns(row)) : null;
    const linked = row.link && values[linkColumn] !== null;
    for (let c = 0; c < columns.length; c++) {
      added.getCell(c + 1).style = this.styles.get(columns[c].numFmt, Boolean(linked) && c === linkColumn, filled?.has(c) ? fill : null);
    }
    if (this.commit) added.commit();
    this.rows++;
  }

  /** The filter over the header and every row written (a streaming sheet writes it when it is committed). */
  finish(): void {
    this.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, this.rows + 1), column: this.columns.length } };
  }
}

/**
 * The two sheets laid out in `wb` as the rows come; `commit` for a streaming writer (each row written out once
 * it is complete). finish() when the last row is in.
 */
export class SummaryLayout {
  private readonly files: SheetLayout;
  private readonly findings: SheetLayout;

  constructor(wb: SummaryBook, commit = false) {
    const frozen: Partial<ExcelJS.AddWorksheetOptions> = { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] };
    const countCols = ["错误", "警告", "提示"].map((h) => SUMMARY_COLUMNS.findIndex((c) => c.header === h));
    const remark = SUMMARY_COLUMNS.length - 1;
    this.files = new SheetLayout(
      wb.addWorksheet(SUMMARY_SHEET_NAME, frozen),
      SUMMARY_COLUMNS,
      1,
      (row) => (row.status === "unreadable" ? [1, remark] : row.status === "error" ? [countCols[0]] : row.status === "warning" ? [countCols[1]] : []),
      commit,
    );
    const severity = SUMMARY_FINDING_COLUMNS.findIndex((c) => c.header === "严重程度");
    this.findings = new SheetLayout(wb.addWorksheet(SUMMARY_FINDINGS_SHEET_NAME, frozen), SUMMARY_FINDING_COLUMNS, SUMMARY_FINDING_COLUMNS.length - 1, () => [severity], commit);
  }

  /** One file's row and its findings' rows (src/check/summary.ts SummaryBuilder), in the files' order. */
  add(part: Pick<SummaryPart, "file" | "findings">): void {
    this.addFile(part.file);
    for (const f of part.findings) this.addFinding(f);
  }

  addFile(row: SummaryRow): void {
    this.files.add(row);
  }

  addFinding(row: SummaryRow): void {
    this.findings.add(row);
  }

  finish(): void {
    this.files.finish();
    this.findings.finish();
  }
}

/** Lays a whole summary out in `wb`. */
export function layOutSummary(wb: SummaryBook, summary: Summary, commit = false): void {
  const layout = new SummaryLayout(wb, commit);
  for (const row of summary.files.rows) layout.addFile(row);
  for (const row of summary.findings.rows) layout.addFinding(row);
  layout.finish();
}
