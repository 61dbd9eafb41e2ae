/**
 * The 校验汇总 written to a file row by row (Node only): exceljs's streaming WorkbookWriter with the layout of
 * ./summary-layout.ts. A folder of 10,000 files holds ~50,000 findings; the in-memory workbook of exceljs takes
 * about 0.9 GB and 45 s for that (bench/check), the streaming one keeps only the rows not yet written out.
 * Rows can be added while the files are still being checked (jx check's summary worker): the 汇总 sheet goes
 * out as its rows come, the 问题明细 rows wait (rendered) until it is committed — exceljs zips one sheet at a time.
 */
import type ExcelJS from "exceljs";
import type { Summary, SummaryPart } from "../check/summary";
import { SummaryLayout, type SummaryBook } from "./summary-layout";

/**
 * exceljs's streaming writer alone (lib/stream/xlsx/workbook-writer.js of exceljs 4.4, pinned): a third of the
 * whole library's load time, which jx check's summary worker pays at start.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookWriter = require("exceljs/lib/stream/xlsx/workbook-writer") as typeof ExcelJS.stream.xlsx.WorkbookWriter;

export class SummaryFileWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly layout: SummaryLayout;

  constructor(file: string) {
    this.wb = new WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    this.wb.creator = "JX";
    this.layout = new SummaryLayout(this.wb as unknown as SummaryBook, true);
  }

  /** One file's rows, in the files' order. */
  add(part: Pick<SummaryPart, "file" | "findings">): void {
    this.layout.add(part);
  }

  /** A whole summary's rows. */
  addSummary(summary: Summary): void {
    for (const row of summary.files.rows) this.layout.addFile(row);
    for (const row of summary.findings.rows) this.layout.addFinding(row);
  }

  /** Writes what is left and closes the file. */
  async finish(): Promise<void> {
    this.layout.finish();
    await this.wb.commit();
  }
}

export async function writeSummaryFile(summary: Summary, file: string): Promise<void> {
  const writer = new SummaryFileWriter(file);
  writer.addSummary(summary);
  await writer.finish();
}
