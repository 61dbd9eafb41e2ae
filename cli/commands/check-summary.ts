/**
 * `jx check DIR --out OUT` writes OUT/校验汇总.xlsx (or `--summary FILE`): one row per file, every finding,
 * linked to the checked copies. The rows are the engine's (src/check/summary.ts), the workbook the adapter's
 * (src/adapters/summary-xlsx.ts).
 */
import { existsSync, realpathSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import { buildSummary, SummaryBuilder, SUMMARY_FILE_NAME, type Summary, type SummaryInput, type SummaryJsonFile, type SummaryPart } from "../../src/check/summary";
import { UsageError } from "../errors";
import type { FileReport } from "./check-output";
import type { SummaryXlsx } from "../../src/adapters/summary-xlsx";
import { writeAtomically, writeReason } from "./check-paths";

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

function summaryWriteError(file: string, e: unknown): string {
  return `无法写出校验汇总“${file}”：${writeReason(e)}`;
}

/**
 * The summary's rows built while the files are checked, in the inputs' order whatever order the reports come in:
 * a file's rows as soon as its report and every report before it are in (this thread otherwise waits for the
 * workers), so none are left to build at the end. `onPart` takes each file's rows as they are built.
 */
export class SummaryRows {
  private readonly builder = new SummaryBuilder();
  private readonly waiting = new Map<number, FileReport>();
  private readonly json: SummaryJsonFile[] = [];
  private next = 0;
  /** What went wrong building a row (an internal error): no rows are built after it. */
  failure: unknown;

  constructor(
    private readonly summaryFile: string | undefined,
    private readonly onPart?: (part: SummaryPart) => void,
  ) {}

  /** The report of the file at `index` of the inputs, in any order. */
  report(index: number, report: FileReport): void {
    this.waiting.set(index, report);
    for (let r = this.waiting.get(this.next); r !== undefined; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      if (this.failure) continue;
      try {
        const part = this.builder.add(summaryInput(r, this.summaryFile));
        this.json.push(part.json);
        this.onPart?.(part);
      } catch (e) {
        this.failure = e;
      }
    }
  }

  /** How many files' rows are in. */
  get count(): number {
    return this.next;
  }

  /** The --json summary rows; undefined unless all `count` reports went in. */
  jsonRows(count: number): SummaryJsonFile[] | undefined {
    return !this.failure && this.next === count ? this.json : undefined;
  }
}

/**
 * The 校验汇总 written while the files are checked: each file's rows (SummaryRows) are rendered and compressed as
 * they are built (src/adapters/summary-xlsx.ts, a few microseconds a row), so only the last file's rows are left
 * when the last file is done. The compressed workbook is held in memory — 0.3–1 KB a file — and written out at
 * the end, beside its name and renamed into place: an interrupted run leaves no half-written summary.
 */
export class SummaryWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly xlsx: SummaryXlsx;
  /** The rows: each report goes in here (any order), and --json takes its rows from here too. */
  readonly rows: SummaryRows;
  /** After finish(): what the workbook could not hold within Excel's limits, to tell the user (Chinese). */
  notices: string[] = [];

  constructor(
    private readonly file: string,
    private readonly force: boolean,
  ) {
    // Loaded when a summary is written: `jx --help` and a single file's check do not load the writer.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { SummaryXlsx } = require("../../src/adapters/summary-xlsx") as typeof import("../../src/adapters/summary-xlsx");
    const { backgroundEntry } = require("../../src/adapters/zip-entry") as typeof import("../../src/adapters/zip-entry");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const xlsx = new SummaryXlsx((chunk) => this.chunks.push(chunk), { entry: backgroundEntry });
    this.xlsx = xlsx;
    this.rows = new SummaryRows(file, (part) => xlsx.add(part));
  }

  /** After the last report: the workbook written; a Chinese reason when it cannot be. */
  async finish(reports: FileReport[]): Promise<string | undefined> {
    try {
      if (this.rows.failure) throw this.rows.failure;
      if (this.rows.count !== reports.length) throw new Error(`应有${reports.length}个文件，只收到${this.rows.count}个`);
      await this.xlsx.finish();
      this.notices = this.xlsx.notices();
    } catch (e) {
      return `无法写出校验汇总“${this.file}”：内部错误（${e instanceof Error ? e.message : String(e)}）`;
    }
    try {
      writeAtomically(this.file, this.chunks, this.force);
      return undefined;
    } catch (e) {
      return summaryWriteError(this.file, e);
    }
  }
}
