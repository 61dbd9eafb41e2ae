/**
 * The exceljs host for files: a .xlsx file (or buffer) -> Grid[]; a Plan and the findings -> a checked copy.
 * The input is only ever read; the copy is the input package patched (./xlsx-patch): every part JX does not
 * write — charts, pivot tables, external links, images, properties — stays byte for byte.
 */
import type ExcelJS from "exceljs";
import { promises as fs, readFileSync, statSync } from "fs";
import { resolve } from "path";
import type { Grid } from "../sheet/types";
import type { Finding, Plan } from "../check/types";
import { checkedCopyBuffer, rememberSource, sourceOf, workbookToGrids } from "./xlsx-core";
import { DEFAULT_READ_LIMITS, limitMessage, NotZipError, ReadLimitError, scanXlsx, type ReadLimits } from "./limits";
import { isLegacyWorkbookName } from "./xls-detect";
import { FastReadUnsupported, readXlsxGrids } from "./xlsx-grid-reader";

export { checkedCopyBuffer, checkedCopyWithReport, plainValue, sourceOf, workbookToGrids, worksheetToGrid } from "./xlsx-core";
export { PatchError } from "./xlsx-patch/error";

/**
 * A file that cannot be opened as a workbook: the message names it and says what to do, in Chinese. The
 * zip or file-system library's own (English) words stay in `detail`, for a developer, never in `message`.
 */
export class WorkbookReadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
    readonly detail?: string,
    /** Set when a reading limit (limits.ts) refused the file. */
    readonly limit?: ReadLimitError["limit"],
  ) {
    super(`无法读取文件“${file}”：${reason}`);
    this.name = "WorkbookReadError";
  }
}

const RESAVE = "请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。";

/** .xls files and password-protected .xlsx files are both OLE compound documents (D0 CF 11 E0). */
function isOleDocument(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
}

/** Why bytes that are not a zip cannot be read, in Chinese. */
export function notXlsxReason(data: Uint8Array): string {
  return isOleDocument(data)
    ? `这是 .xls 旧格式或受密码保护的工作簿，JX 只能读取未加密的 .xlsx。${RESAVE}（有密码时请先取消密码）`
    : `不是有效的 .xlsx 工作簿（可能是 .xls 旧格式、已损坏或受密码保护）。${RESAVE}`;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: "文件不存在",
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  EISDIR: "这是一个文件夹",
  EBUSY: "文件正被其他程序占用",
};

export async function loadWorkbook(
  source: string | Buffer,
  label = typeof source === "string" ? source : "（内存中的工作簿）",
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<ExcelJS.Workbook> {
  const data = await xlsxBytes(source, label, limits);
  // Bounded first: exceljs has no limits of its own (limits.ts).
  try {
    scanXlsx(new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength), limits);
  } catch (e) {
    throw limitOrZipError(e, label, data);
  }
  return exceljsLoad(data, label);
}

function limitOrZipError(e: unknown, label: string, data: Buffer): unknown {
  if (e instanceof ReadLimitError) return new WorkbookReadError(label, e.message, undefined, e.limit);
  if (e instanceof NotZipError) return new WorkbookReadError(label, notXlsxReason(new Uint8Array(data as unknown as ArrayBuffer)), e.message);
  return e;
}

async function exceljsLoad(data: Buffer, label: string): Promise<ExcelJS.Workbook> {
  // Required here, not imported: loading exceljs costs about half a second, and `jx check` reads most
  // packages with the grid reader alone (a worker that never falls back never loads it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require("exceljs") as typeof import("exceljs");
  const wb = new Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(label, notXlsxReason(new Uint8Array(data as unknown as ArrayBuffer)), String((e as Error).message));
  }
  rememberSource(wb, data instanceof Uint8Array ? data : new Uint8Array(data));
  return wb;
}

/**
 * The grids of a workbook for checking, in one bounded pass (xlsx-grid-reader.ts), and the .xlsx bytes the
 * checked copy is patched from; the same errors as loadWorkbook. Where the fast reader leaves a package to
 * exceljs (FastReadUnsupported), exceljs reads it as loadWorkbook does.
 */
export async function loadGrids(
  source: string | Buffer,
  label = typeof source === "string" ? source : "（内存中的工作簿）",
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<{ grids: Grid[]; bytes: Uint8Array }> {
  const data = await xlsxBytes(source, label, limits);
  const bytes = new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength);
  try {
    return { grids: readXlsxGrids(bytes, limits), bytes };
  } catch (e) {
    if (!(e instanceof FastReadUnsupported)) throw limitOrZipError(e, label, data);
  }
  return { grids: workbookToGrids(await exceljsLoad(data, label)), bytes };
}

/** The bytes of an .xlsx (a legacy .xls/.et converted), or the WorkbookReadError loadWorkbook gives. */
async function xlsxBytes(source: string | Buffer, label: string, limits: ReadLimits): Promise<Buffer> {
  let data: Buffer;
  try {
    // A file larger than everything it may inflate to is refused before it is read into memory. Read
    // synchronously: a file is read whole before anything else is done with it, and jx check reads in worker
    // threads, one file each — the thread pool round trips of fs.promises cost more than the reading.
    if (typeof source === "string" && statSync(source).size > limits.maxUncompressedBytes) {
      throw new ReadLimitError("size", limitMessage("size", limits));
    }
    data = typeof source === "string" ? readFileSync(source) : source;
  } catch (e) {
    if (e instanceof ReadLimitError) throw new WorkbookReadError(label, e.message, undefined, e.limit);
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new WorkbookReadError(label, FS_REASONS[code] ?? `系统无法打开该文件${code ? `（${code}）` : ""}`, String((e as Error).message));
  }
  // .xls/.et (and OLE-wrapped, i.e. encrypted, .xlsx): read by SheetJS (xls.ts) into .xlsx bytes, then as any .xlsx.
  const bytes = new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength);
  if (isOleDocument(bytes) || (isLegacyWorkbookName(label) && !(bytes[0] === 0x50 && bytes[1] === 0x4b))) {
    const { legacyToXlsx, LegacyReadError } = await import("./xls");
    try {
      const x = await legacyToXlsx(bytes, limits);
      data = (typeof Buffer !== "undefined" ? Buffer.from(x.buffer, x.byteOffset, x.byteLength) : x) as Buffer;
    } catch (e) {
      if (e instanceof ReadLimitError) throw new WorkbookReadError(label, e.message, undefined, e.limit);
      if (e instanceof LegacyReadError) throw new WorkbookReadError(label, e.message, e.detail);
      throw e;
    }
  }
  return data;
}

export async function readGrids(source: string | Buffer): Promise<Grid[]> {
  return workbookToGrids(await loadWorkbook(source));
}

/**
 * Writes the checked copy to `outFile`, patched from the bytes the workbook was loaded from (or `source`
 * bytes); refuses to write over the input.
 */
export async function writeCheckedCopy(source: ExcelJS.Workbook | Uint8Array, plan: Plan, findings: Finding[], outFile: string, inputFile?: string): Promise<void> {
  if (inputFile && (await samePath(inputFile, outFile))) throw new Error(`输出文件与输入文件相同：${outFile}`);
  const bytes = source instanceof Uint8Array ? source : (sourceOf(source) ?? (inputFile ? new Uint8Array(await fs.readFile(inputFile)) : undefined));
  if (!bytes) throw new Error("内部错误：该工作簿不是从文件或字节读入的，无法据原文件生成校验副本。");
  await fs.writeFile(outFile, checkedCopyBuffer(bytes, plan, findings));
}

async function samePath(a: string, b: string): Promise<boolean> {
  return resolve(a) === resolve(b);
}
