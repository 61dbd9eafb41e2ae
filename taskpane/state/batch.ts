/**
 * Several files or a folder in the plain browser page: each workbook read and checked here, one after another
 * (nothing is uploaded), then the same 校验汇总 workbook as `jx check DIR --out OUT` writes — its rows built by
 * the engine (src/check/summary.ts), written by the same adapter (src/adapters/summary-xlsx.ts).
 * Loaded on demand with the xlsx chunk (exceljs).
 */
import { summaryBytes } from "../../src/adapters/summary-xlsx";
import { buildSummary, workbookFacts, SUMMARY_FILE_NAME, type Summary, type SummaryInput } from "../../src/check/summary";
import { openWorkbook, XLSX_MIME } from "./browserSession";
import { runCheck } from "./engine";
import type { PaneSettings } from "./settings";
import type { BatchFile } from "./batch-files";

export { SUMMARY_FILE_NAME };

/** Checks the files in path order; `progress` is told before each one (and may repaint). */
export async function checkBatch(
  files: BatchFile[],
  settings: PaneSettings,
  progress: (done: number, total: number, path: string) => Promise<void> | void,
): Promise<SummaryInput[]> {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const out: SummaryInput[] = [];
  for (const [i, { path, file }] of sorted.entries()) {
    await progress(i, sorted.length, path);
    try {
      const wb = await openWorkbook(path, await file.arrayBuffer());
      const result = runCheck(wb.grids, settings);
      out.push({ file: path, tables: result.tables, findings: result.findings, ...workbookFacts(wb.grids, result) });
    } catch (e) {
      // The same Chinese message as the command line's (WorkbookReadError), or the page's own for a wrong type.
      out.push({ file: path, tables: [], findings: [], error: e instanceof Error ? e.message : String(e) });
    }
  }
  await progress(sorted.length, sorted.length, "");
  return out;
}

export function batchSummary(inputs: SummaryInput[]): Summary {
  return buildSummary(inputs);
}

export async function summaryBlob(summary: Summary): Promise<Blob> {
  const bytes = await summaryBytes(summary);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
}
