/**
 * `jx check DIR --out OUT` writes OUT/校验汇总.xlsx (or `--summary FILE`): one row per file, every finding,
 * linked to the checked copies. The rows are the engine's (src/check/summary.ts), the workbook the adapter's.
 */
import { existsSync, realpathSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import { buildSummary, SUMMARY_FILE_NAME, type Summary, type SummaryInput } from "../../src/check/summary";
import { UsageError } from "../errors";
import type { FileReport } from "./check-output";
import type { Worker } from "worker_threads";
import { writeAtomically, writeReason } from "./check-paths";
import { startWorkerFile } from "./worker-file";

/** Where the summary goes: --summary FILE, else OUT/校验汇总.xlsx when a folder or several files go to --out. */
export function summaryPath(opts: { summary?: string; out?: string; force?: boolean }, batch: boolean, inputs: string[]): string | undefined {
  if (opts.summary !== undefined) {
    const file = opts.summary;
    if (!/\.xlsx$/i.test(file)) throw new UsageError(`--summary 应为 .xlsx 文件名，收到：${file}`);
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return resolve(p);
      }
    };
    if (inputs.some((i) => real(i) === real(file))) throw new UsageError(`汇总文件“${file}”就是输入文件，已拒绝写入`);
    if (existsSync(file) && !opts.force) throw new UsageError(`汇总文件“${file}”已存在；换一个文件名，或加 --force 覆盖`);
    return file;
  }
  if (!opts.out || !batch) return undefined;
  for (let n = 1; ; n++) {
    const file = join(opts.out, n === 1 ? SUMMARY_FILE_NAME : SUMMARY_FILE_NAME.replace(/\.xlsx$/, `(${n}).xlsx`));
    if (opts.force || !existsSync(file)) return file;
  }
}

/** A link from the summary workbook to `target`: relative, with forward slashes (Excel and WPS on any system). */
function linkFrom(summaryFile: string, target: string): string {
  return relative(dirname(resolve(summaryFile)), resolve(target)).split(sep).join("/");
}

/** What the summary needs of one report, linked from the summary workbook to its checked copy (or to itself). */
function summaryInput(r: FileReport, summaryFile?: string): SummaryInput {
  return {
    file: r.file,
    link: summaryFile ? linkFrom(summaryFile, r.written ?? r.file) : null,
    tables: r.tables,
    findings: r.findings,
    error: r.error,
    unit: r.unit ?? null,
    tableKind: r.tableKind ?? null,
  };
}

/** The summary of these reports, each file linked to its checked copy (or to itself when none was written). */
export function summaryOf(reports: FileReport[], summaryFile?: string): Summary {
  return buildSummary(reports.map((r) => summaryInput(r, summaryFile)));
}

/** What summary-worker.ts is sent: the file to write, each file's part in order, then the end. */
export type SummaryMessage = { kind: "begin"; file: string; force: boolean } | { kind: "file"; input: SummaryInput } | { kind: "end" };

export type SummaryAnswer = { ok: true } | { ok: false; error: string };

export function summaryWriteError(file: string, e: unknown): string {
  return `无法写出校验汇总“${file}”：${writeReason(e)}`;
}

/** Writes a whole summary here (the fallback of SummaryWriter); the Chinese reason when it cannot be written. */
export async function writeSummaryHere(summary: Summary, file: string, force: boolean): Promise<SummaryAnswer> {
  // Loaded when a summary is written: exceljs is not loaded at start-up (`jx --help` stays fast).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeSummaryFile } = require("../../src/adapters/summary-xlsx-file") as typeof import("../../src/adapters/summary-xlsx-file");
  try {
    await writeAtomically(file, (tmp) => writeSummaryFile(summary, tmp), force);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: summaryWriteError(file, e) };
  }
}

/**
 * The 校验汇总 written while the files are checked: a worker started with the check (summary-worker.ts)
 * loads exceljs and is handed each file's report as soon as it and every file before it are done, so only the
 * last rows are left when the last file is. Should that worker not start or end early, the whole summary is
 * written here at the end instead — never lost to the speed-up.
 */
export class SummaryWriter {
  private worker: Worker | undefined;
  private answer: Promise<SummaryAnswer | undefined> | undefined;
  private readonly waiting = new Map<number, FileReport>();
  private next = 0;

  /** `start`: how the worker is started (a test gives one that fails). */
  constructor(
    private readonly file: string,
    private readonly force: boolean,
    start: () => Worker = () => startWorkerFile("summary-worker"),
  ) {
    try {
      const worker = start();
      this.worker = worker;
      this.answer = new Promise((resolve) => {
        worker.once("message", (a: SummaryAnswer) => resolve(a));
        worker.once("error", () => resolve(undefined));
        worker.once("exit", () => resolve(undefined));
      });
      // Until the end is sent, the worker never keeps jx running (a usage error, an interrupted run).
      worker.unref();
      this.post({ kind: "begin", file, force });
    } catch {
      this.worker = undefined;
    }
  }

  /** The report of the file at `index` of the inputs, in any order; handed on in the inputs' order. */
  report(index: number, report: FileReport): void {
    this.waiting.set(index, report);
    for (let r = this.waiting.get(this.next); r !== undefined; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.post({ kind: "file", input: summaryInput(r, this.file) });
    }
  }

  /** After the last report: the workbook finished; a Chinese reason when it cannot be written. */
  async finish(reports: FileReport[]): Promise<string | undefined> {
    const worker = this.worker;
    let answer: SummaryAnswer | undefined;
    if (worker && this.next === reports.length) {
      worker.ref();
      this.post({ kind: "end" });
      answer = await this.answer;
    }
    void worker?.terminate();
    this.worker = undefined;
    answer ??= await writeSummaryHere(summaryOf(reports, this.file), this.file, this.force);
    return answer.ok ? undefined : answer.error;
  }

  /** Ends the worker when no summary is written after all. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private post(message: SummaryMessage): void {
    try {
      this.worker?.postMessage(message);
    } catch {
      // A part that cannot cross: the worker is given up, finish() writes the whole summary here.
      void this.worker?.terminate();
      this.worker = undefined;
    }
  }
}
