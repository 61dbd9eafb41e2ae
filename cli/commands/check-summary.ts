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

/** The summary of these reports, each file linked to its checked copy (or to itself when none was written). */
export function summaryOf(reports: FileReport[], summaryFile?: string): Summary {
  const inputs: SummaryInput[] = reports.map((r) => ({
    file: r.file,
    link: summaryFile ? linkFrom(summaryFile, r.written ?? r.file) : null,
    tables: r.tables,
    findings: r.findings,
    error: r.error,
    unit: r.unit ?? null,
    tableKind: r.tableKind ?? null,
  }));
  return buildSummary(inputs);
}

export interface SummaryJob {
  summary: Summary;
  file: string;
  force: boolean;
}

export type SummaryAnswer = { ok: true } | { ok: false; error: string };

/** Writes the workbook (in summary-worker.ts, or here); the Chinese reason when it cannot be written. */
export async function writeSummaryJob(job: SummaryJob): Promise<SummaryAnswer> {
  // Loaded when a summary is written: exceljs is not loaded at start-up (`jx --help` stays fast).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeSummaryFile } = require("../../src/adapters/summary-xlsx-file") as typeof import("../../src/adapters/summary-xlsx-file");
  try {
    await writeAtomically(job.file, (tmp) => writeSummaryFile(job.summary, tmp), job.force);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: `无法写出校验汇总“${job.file}”：${writeReason(e)}` };
  }
}

/**
 * Writes the workbook; a Chinese reason when it cannot be written. Started before the files are checked: the
 * writer's worker loads exceljs meanwhile (summary-worker.ts). Should that worker not start or end early, the
 * summary is written here instead — never lost to the speed-up.
 */
export class SummaryWriter {
  private readonly worker: Worker | undefined;
  private answer: Promise<SummaryAnswer | undefined> | undefined;

  /** `start`: how the worker is started (a test gives one that fails). */
  constructor(start: () => Worker = () => startWorkerFile("summary-worker")) {
    try {
      this.worker = start();
      // Until it is given the summary, the worker never keeps jx running (a usage error, no file to check).
      this.worker.unref();
    } catch {
      this.worker = undefined;
    }
  }

  async write(summary: Summary, file: string, force: boolean): Promise<string | undefined> {
    const job: SummaryJob = { summary, file, force };
    const answer = await this.inWorker(job);
    const outcome = answer ?? (await writeSummaryJob(job));
    return outcome.ok ? undefined : outcome.error;
  }

  /** The worker's answer, or undefined when it could not write (it failed to start, died, or the summary did not cross). */
  private inWorker(job: SummaryJob): Promise<SummaryAnswer | undefined> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(undefined);
    this.answer ??= new Promise((resolve) => {
      worker.ref();
      worker.once("message", (a: SummaryAnswer) => resolve(a));
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
      try {
        worker.postMessage(job);
      } catch {
        resolve(undefined);
      }
    });
    return this.answer.finally(() => void worker.terminate());
  }

  /** Ends the worker when no summary is written after all. */
  close(): void {
    if (this.worker && !this.answer) void this.worker.terminate();
  }
}
