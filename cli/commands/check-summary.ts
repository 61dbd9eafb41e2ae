/**
 * `jx check DIR --out OUT` writes OUT/校验汇总.xlsx (or `--summary FILE`): one row per file, every finding,
 * linked to the checked copies. The rows are the engine's (src/check/summary.ts), the workbook the adapter's.
 */
import { existsSync, realpathSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import { buildSummary, SUMMARY_FILE_NAME, type Summary, type SummaryInput } from "../../src/check/summary";
import { UsageError } from "../errors";
import type { FileReport } from "./check-output";
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

/** Writes the workbook; a Chinese reason when it cannot be written. */
export async function writeSummary(summary: Summary, file: string, force: boolean): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeSummaryFile } = require("../../src/adapters/summary-xlsx-file") as typeof import("../../src/adapters/summary-xlsx-file");
  try {
    await writeAtomically(file, (tmp) => writeSummaryFile(summary, tmp), force);
    return undefined;
  } catch (e) {
    return `无法写出校验汇总“${file}”：${writeReason(e)}`;
  }
}
