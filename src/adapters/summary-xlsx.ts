/**
 * The 校验汇总 workbook: the rows of src/check/summary.ts on two sheets, 汇总 and 问题明细 — frozen header,
 * filters, widths, number formats, links to the checked copies, rows coloured by their worst finding — written
 * as the rows come (./xlsx-writer.ts). The command line hands it each file's rows while the others are still
 * being checked; the browser page hands it a whole summary. Node and the browser alike.
 */
import { SEVERITY_COLORS } from "../check/labels";
import { groupedCount } from "../values/format";
import { SUMMARY_COLUMNS, SUMMARY_FINDING_COLUMNS, SUMMARY_FINDINGS_SHEET_NAME, SUMMARY_SHEET_NAME, type Summary, type SummaryColumn, type SummaryPart, type SummaryRow } from "../check/summary";
import { collectingSink, XlsxWriter, type XlsxCell, type XlsxSink, type XlsxWriterOptions } from "./xlsx-writer";

const HEADER_FILL = "FFD9E1F2";
const UNREADABLE_FILL = "FFE7E6E6";
const FILES = 0;
const FINDINGS = 1;

/**
 * How one sheet's rows are laid out: which column links, which cells a row's status colours. Within Excel's
 * limits: rows past the last one a sheet holds are counted, and one closing row says how many are missing and
 * where they are; links past the maximum leave their cells unlinked, and notices() says so.
 */
class SheetLayout {
  /** Body styles by column, link and fill: a handful, made once each. */
  private readonly styles = new Map<string, number>();
  private omitted = 0;

  constructor(
    private readonly xlsx: XlsxWriter,
    private readonly sheet: number,
    private readonly name: string,
    private readonly columns: SummaryColumn[],
    private readonly linkColumn: number,
    /** Where the closing row's words go. */
    private readonly noteColumn: number,
    private readonly colourColumns: (row: SummaryRow) => number[],
  ) {
    const header = columns.map((c) => ({
      value: c.header,
      style: xlsx.style({ numFmt: c.numFmt, bold: true, fill: HEADER_FILL, alignment: { horizontal: "center", vertical: "center", wrapText: true } }),
    }));
    xlsx.row(sheet, header);
  }

  add(row: SummaryRow): void {
    // The last row Excel holds is kept for the closing row.
    if (this.xlsx.rowCount(this.sheet) >= this.xlsx.limits.rows - 1) {
      this.omitted++;
      return;
    }
    const fill = row.status === "unreadable" ? UNREADABLE_FILL : row.status === "ok" ? null : SEVERITY_COLORS[row.status];
    const filled = fill ? this.colourColumns(row) : [];
    const cells = row.values.map((value, c): XlsxCell => {
      const linked = c === this.linkColumn && row.link !== null && value !== null;
      const style = this.style(c, linked, filled.includes(c) ? fill : null);
      return linked ? { value, style, link: row.link! } : { value, style };
    });
    this.xlsx.row(this.sheet, cells);
  }

  /** The closing row, when rows were left out. */
  finish(): void {
    if (this.omitted === 0) return;
    const cells = this.columns.map((_, c): XlsxCell => ({ value: c === this.noteColumn ? this.omittedText() : null, style: this.style(c, false, UNREADABLE_FILL) }));
    this.xlsx.row(this.sheet, cells);
  }

  /** What the user is told of what this sheet could not hold (Chinese, one line each). */
  notices(): string[] {
    const out: string[] = [];
    if (this.omitted) out.push(`校验汇总“${this.name}”工作表${this.omittedText()}`);
    const dropped = this.xlsx.linksDropped(this.sheet);
    if (dropped) out.push(`校验汇总“${this.name}”工作表中有 ${groupedCount(dropped)} 个单元格未加链接：超过 Excel 一张工作表的超链接上限（${groupedCount(this.xlsx.limits.links)} 个）；可把文件夹分成几批检查`);
    return out;
  }

  private omittedText(): string {
    return `另有 ${groupedCount(this.omitted)} 行未列出：超过 Excel 一张工作表的行数上限（${groupedCount(this.xlsx.limits.rows)} 行）；全部内容见 jx check --json 的输出，或把文件夹分成几批检查`;
  }

  private style(column: number, link: boolean, fill: string | null): number {
    const key = `${column}|${link}|${fill ?? ""}`;
    let id = this.styles.get(key);
    if (id === undefined) {
      id = this.xlsx.style({ numFmt: this.columns[column].numFmt, link, fill: fill ?? undefined, alignment: { vertical: "top", wrapText: true } });
      this.styles.set(key, id);
    }
    return id;
  }
}

/** The 校验汇总 written as its rows come, to `sink`. finish() when the last row is in. */
export class SummaryXlsx {
  private readonly xlsx: XlsxWriter;
  private readonly files: SheetLayout;
  private readonly findings: SheetLayout;

  /**
   * `options`: the zip entries' deflate (Node's zlib on the command line), the time the workbook says it was
   * made, and the limits of a sheet (Excel's unless a test says).
   */
  constructor(sink: XlsxSink, options: Omit<XlsxWriterOptions, "creator"> = {}) {
    const frozen = { rows: 1, columns: 2 };
    const sheet = (name: string, columns: SummaryColumn[]) => ({ name, frozen, columns: columns.map((c) => ({ width: c.width, numFmt: c.numFmt })) });
    this.xlsx = new XlsxWriter(sink, [sheet(SUMMARY_SHEET_NAME, SUMMARY_COLUMNS), sheet(SUMMARY_FINDINGS_SHEET_NAME, SUMMARY_FINDING_COLUMNS)], { ...options, creator: "JX" });
    const countCols = ["错误", "警告", "提示"].map((h) => SUMMARY_COLUMNS.findIndex((c) => c.header === h));
    const remark = SUMMARY_COLUMNS.length - 1;
    this.files = new SheetLayout(this.xlsx, FILES, SUMMARY_SHEET_NAME, SUMMARY_COLUMNS, 1, remark, (row) =>
      row.status === "unreadable" ? [1, remark] : row.status === "error" ? [countCols[0]] : row.status === "warning" ? [countCols[1]] : [],
    );
    const severity = SUMMARY_FINDING_COLUMNS.findIndex((c) => c.header === "严重程度");
    const explanation = SUMMARY_FINDING_COLUMNS.findIndex((c) => c.header === "说明");
    this.findings = new SheetLayout(this.xlsx, FINDINGS, SUMMARY_FINDINGS_SHEET_NAME, SUMMARY_FINDING_COLUMNS, SUMMARY_FINDING_COLUMNS.length - 1, explanation, () => [severity]);
  }

  /** One file's row and its findings' rows (src/check/summary.ts SummaryBuilder), in the files' order. */
  add(part: Pick<SummaryPart, "file" | "findings">): void {
    this.files.add(part.file);
    for (const f of part.findings) this.findings.add(f);
  }

  /** A whole summary's rows. */
  addSummary(summary: Summary): void {
    for (const row of summary.files.rows) this.files.add(row);
    for (const row of summary.findings.rows) this.findings.add(row);
  }

  /** The rows written so far to 汇总 and to 问题明细, headers not counted. */
  get rows(): { files: number; findings: number } {
    return { files: this.xlsx.rowCount(FILES) - 1, findings: this.xlsx.rowCount(FINDINGS) - 1 };
  }

  /** Settles when the sink has had the last byte. */
  finish(): Promise<void> {
    this.files.finish();
    this.findings.finish();
    return this.xlsx.finish([FILES, FINDINGS]);
  }

  /** What the workbook could not hold within Excel's limits (rows left out, cells left unlinked), in Chinese. */
  notices(): string[] {
    return [...this.files.notices(), ...this.findings.notices()];
  }
}

/** A whole summary's workbook as bytes (the browser page's download), deflated by fflate. */
export async function summaryBytes(summary: Summary, now = new Date()): Promise<Uint8Array> {
  const out = collectingSink();
  const xlsx = new SummaryXlsx(out.sink, { now });
  xlsx.addSummary(summary);
  await xlsx.finish();
  return out.bytes();
}
