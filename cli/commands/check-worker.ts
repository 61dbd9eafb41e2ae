/**
 * One file of `jx check`: read (bounded), check, write its checked copy. Runs in a worker thread started
 * by check-pool.ts (one file at a time, under a heap limit and a time limit), or in the main thread for a
 * single file. Its result is a FileReport, plain data that crosses the thread boundary as it is.
 */
import { isMainThread, parentPort } from "worker_threads";
import { buildPlan, checkWorkbook } from "../../src/check";
import { workbookFacts } from "../../src/check/summary";
import type { ScoringOptions } from "../../src/rules";
import type { FileReport } from "./check-output";
import type { TableOverride } from "../../src/sheet/override";
import { writeAtomically, writeReason } from "./check-paths";

export interface CheckTask {
  file: string;
  /** Where the checked copy goes (chosen by OutputPlanner); absent: report only. */
  out?: string;
  /** Why no copy can be written (the output would be the input). */
  outError?: string;
  force: boolean;
  formulas: "values" | "jx";
  options: Partial<ScoringOptions> & { tolerance?: number; tables?: TableOverride[] };
}

export async function checkFileTask(task: CheckTask): Promise<FileReport> {
  // Structured clone keeps plain data only: whatever the engine put in, the report crosses as JSON does.
  return JSON.parse(await checkFileJson(task)) as FileReport;
}

/** The report of one file as JSON text: a worker hands this string on (one copy), the pool parses it once. */
export async function checkFileJson(task: CheckTask): Promise<string> {
  return JSON.stringify(await checkFile(task));
}

/** The report as the engine made it (not yet plain data). */
async function checkFile(task: CheckTask): Promise<FileReport> {
  // The xlsx adapter (exceljs) is loaded when a file is checked, not at start-up: `jx --help` stays fast.
  // require(), not import(): a worker run from TypeScript has tsx's require hook only (check-pool.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadGrids, checkedCopyBuffer, PatchError, WorkbookReadError } = require("../../src/adapters/xlsx") as typeof import("../../src/adapters/xlsx");
  const { file } = task;
  // One bounded pass to the grids (xlsx-grid-reader.ts, exceljs's grids exactly); the copy patches the bytes.
  let grids, wb: Uint8Array;
  try {
    ({ grids, bytes: wb } = await loadGrids(file));
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, tables: [], findings: [], error: e.message };
    throw e;
  }
  const result = checkWorkbook(grids, task.options);
  const report: FileReport = { file, tables: result.tables, findings: result.findings, ...workbookFacts(grids, result) };
  if (result.tables.length > 0 && task.outError) {
    report.error = task.outError;
  } else if (result.tables.length > 0 && task.out) {
    const out = task.out;
    const plan = buildPlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: task.formulas });
    let copy: Uint8Array | undefined;
    try {
      // Made from the bytes read; the planner never chose an input as the output (OutputPlanner).
      copy = checkedCopyBuffer(wb, plan, result.findings);
    } catch (e) {
      // Why this workbook cannot be patched (PatchError, in Chinese), not a file-system reason.
      if (!(e instanceof PatchError)) throw e;
      report.error = `校验副本“${out}”未写出：${e.message}`;
    }
    if (copy) {
      try {
        writeAtomically(out, copy, task.force);
        report.written = out;
      } catch (e) {
        report.error = `无法写出校验副本“${out}”：${writeReason(e)}`;
      }
    }
  }
  return report;
}

/**
 * In a worker: one task a message, one report (as JSON text, or a Chinese internal error) back, in the order
 * the tasks came. One task at a time: the pool may send the next one ahead, and it waits here until the one
 * before it has been reported (its time limit counts from that report).
 */
function serve(): void {
  const queue: CheckTask[] = [];
  let busy = false;
  const runNext = (): void => {
    const task = queue.shift();
    busy = task !== undefined;
    if (!task) return;
    checkFileJson(task)
      .then(
        (json) => parentPort!.postMessage({ json }),
        (e) => parentPort!.postMessage({ report: { file: task.file, tables: [], findings: [], error: `无法检查文件“${task.file}”：内部错误（${e instanceof Error ? e.message : String(e)}）` } }),
      )
      .then(runNext);
  };
  parentPort!.on("message", (task: CheckTask) => {
    queue.push(task);
    if (!busy) runNext();
  });
}

if (!isMainThread && parentPort) serve();
