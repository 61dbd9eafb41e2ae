/**
 * Reading bounds for .xlsx packages, checked before exceljs sees the bytes: the zip's central directory
 * is read here and every part is inflated in chunks (fflate, pure JS: Node and the browser page alike),
 * counting the bytes that come out, the cells and rows of each worksheet and the area of its merged
 * cells, and the time spent. A file over a limit is refused as soon as the limit is passed — a zip bomb
 * stops at the size limit, not at the end of its 4 GB — with a Chinese message naming the limit.
 *
 * exceljs itself has no bounds: a merged area over the whole grid is expanded into millions of cell
 * objects, and a million-row sheet or a zip bomb ends in a V8 heap crash. Hence this pre-scan.
 */
import type * as Fflate from "fflate";
import { groupedCount } from "../values/format";
import { joinBytes } from "./bytes";
import { nodeZlib } from "./node-zlib";

/**
 * fflate, loaded where it is needed: a part larger than one chunk or one zlib refuses, Latin-1 without a
 * Buffer, UTF-8 without a TextDecoder (the browser page's bundle has it anyway). A worker reading ordinary
 * workbooks with zlib never loads it (about 25 ms a worker).
 */
let fflateModule: typeof Fflate | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fflate = (): typeof Fflate => (fflateModule ??= require("fflate") as typeof Fflate);

const decoder = typeof TextDecoder !== "undefined" ? new TextDecoder() : undefined;
/** Bytes as UTF-8 text, exactly as fflate's strFromU8(bytes) gives it (a TextDecoder where there is one, as fflate uses). */
export function utf8Text(bytes: Uint8Array): string {
  return decoder ? decoder.decode(bytes) : fflate().strFromU8(bytes);
}

/**
 * Node's zlib, where there is one: a part whose compressed bytes fit in one chunk is inflated natively (about
 * seven times faster than fflate), with the same result — one chunk of output, as fflate gives for one push.
 * Should zlib refuse the bytes, fflate reads them as before, so a broken part fails with the same error. The
 * browser page has no zlib (webpack: `zlib: false`, an empty module) and keeps fflate.
 */
const nativeInflate: ((data: Uint8Array) => Uint8Array) | undefined = typeof nodeZlib?.inflateRawSync === "function" ? nodeZlib.inflateRawSync : undefined;

/** Bytes as Latin-1 text (each byte one character), as fflate's strFromU8(bytes, true) gives: natively where there is a Buffer. */
const latin1: (bytes: Uint8Array) => string =
  typeof Buffer === "function" && typeof Buffer.from === "function"
    ? (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1")
    : (bytes) => fflate().strFromU8(bytes, true);

/** The whole inflated part, or undefined when there is no native inflater or it refuses the bytes. */
function inflateNatively(data: Uint8Array): Uint8Array | undefined {
  if (!nativeInflate || data.length === 0) return undefined;
  let out: Uint8Array;
  try {
    out = nativeInflate(data);
  } catch {
    return undefined;
  }
  // A plain Uint8Array (not a Buffer, whose slice() does not copy), as fflate's chunks are.
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export interface ReadLimits {
  /** Bytes all parts inflate to, together. */
  maxUncompressedBytes: number;
  /** Cells (<c> elements) over all worksheets. */
  maxCells: number;
  /** The highest row number a worksheet may use. */
  maxRows: number;
  /** Cells covered by merged areas, over all worksheets. */
  maxMergedCells: number;
  /** Parts in the package. */
  maxEntries: number;
  /** Seconds the scan may take. */
  maxSeconds: number;
}

/**
 * Real self-evaluation tables have a few hundred rows; the engine's 10,000-indicator benchmark workbook
 * has about 100,000 cells. These leave room for that and keep exceljs well under 1.5 GB.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCells: 1_000_000,
  maxRows: 200_000,
  maxMergedCells: 200_000,
  maxEntries: 10_000,
  maxSeconds: 30,
};

export type LimitName = "size" | "cells" | "rows" | "merges" | "entries" | "time";

/** A file over a reading limit: `message` is Chinese and names the limit. */
export class ReadLimitError extends Error {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
    this.name = "ReadLimitError";
  }
}

/** Bytes that are not a zip package at all (or a broken one): the caller says so in its own words. */
export class NotZipError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "NotZipError";
  }
}

const MB = 1024 * 1024;

export function limitMessage(limit: LimitName, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  switch (limit) {
    case "size":
      return `解压后的内容超过读取上限 ${Math.round(limits.maxUncompressedBytes / MB)} MB（可能是“压缩炸弹”），已停止读取`;
    case "cells":
      return `单元格数超过读取上限 ${groupedCount(limits.maxCells)} 个，已停止读取`;
    case "rows":
      return `行数超过读取上限 ${groupedCount(limits.maxRows)} 行，已停止读取`;
    case "merges":
      return `合并单元格覆盖的单元格数超过读取上限 ${groupedCount(limits.maxMergedCells)} 个，已停止读取`;
    case "entries":
      return `压缩包中的部件数超过读取上限 ${groupedCount(limits.maxEntries)} 个，已停止读取`;
    case "time":
      return `读取用时超过上限 ${limits.maxSeconds} 秒，已停止读取`;
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

function need(data: Uint8Array, end: number, what: string): void {
  if (end > data.length || end < 0) throw new NotZipError(`zip: ${what} beyond the end of the file`);
}

/** The central directory: names, methods, sizes and offsets (zip64 fields read where present). */
function centralDirectory(data: Uint8Array, limits: ReadLimits): Entry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotZipError("zip: no end of central directory record");
  let count = u16(data, eocd + 10);
  let cdOffset = u32(data, eocd + 16);
  const loc = eocd - 20;
  if (loc >= 0 && u32(data, loc) === 0x07064b50) {
    const z64 = u64(data, loc + 8);
    need(data, z64 + 56, "zip64 end of central directory");
    if (u32(data, z64) !== 0x06064b50) throw new NotZipError("zip: bad zip64 end of central directory");
    count = u64(data, z64 + 32);
    cdOffset = u64(data, z64 + 48);
  }
  if (count > limits.maxEntries) throw new ReadLimitError("entries", limitMessage("entries", limits));
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    need(data, p + 46, "central directory entry");
    if (u32(data, p) !== 0x02014b50) throw new NotZipError("zip: bad central directory entry");
    const method = u16(data, p + 10);
    let compressedSize = u32(data, p + 20);
    let uncompressed = u32(data, p + 24);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    let localOffset = u32(data, p + 42);
    need(data, p + 46 + nameLen + extraLen, "central directory entry");
    const name = utf8Text(data.subarray(p + 46, p + 46 + nameLen));
    // zip64 extended information: the 8-byte fields, in this order, for those that are 0xFFFFFFFF.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = u16(data, e);
      const size = u16(data, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff) (uncompressed = u64(data, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(data, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(data, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** What the scan found: for the benchmarks and the tests. */
export interface ScanStats {
  entries: number;
  uncompressedBytes: number;
  cells: number;
  maxRow: number;
  mergedCells: number;
  /** The inflated bytes of the parts `keep` asked for (xlsx-grid-reader.ts reads them: one pass, not two). */
  parts?: Map<string, Uint8Array>;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function refArea(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.toUpperCase());
  if (!m) return 0;
  if (!m[3]) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(colNumber(m[3]) - colNumber(m[1])) + 1;
  return rows * cols;
}

const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\sr\s*=\s*["'](\d+)["']/g;
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g;

/**
 * Inflates every part under the limits and counts what the worksheets hold. Throws ReadLimitError at the
 * first limit passed, NotZipError when the bytes are not a readable zip; returns the figures otherwise.
 */
export function scanXlsx(data: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS, keep?: (name: string) => boolean): ScanStats {
  const deadline = Date.now() + limits.maxSeconds * 1000;
  const stats: ScanStats = { entries: 0, uncompressedBytes: 0, cells: 0, maxRow: 0, mergedCells: 0 };
  const overTime = () => {
    if (Date.now() > deadline) throw new ReadLimitError("time", limitMessage("time", limits));
  };
  const entries = centralDirectory(data, limits);
  stats.entries = entries.length;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const p = entry.localOffset;
    need(data, p + 30, "local header");
    if (u32(data, p) !== 0x04034b50) throw new NotZipError(`zip: bad local header for ${entry.name}`);
    const start = p + 30 + u16(data, p + 26) + u16(data, p + 28);
    const end = start + entry.compressedSize;
    need(data, end, `data of ${entry.name}`);
    const sheet = /(^|\/)worksheets\/[^/]+\.xml$/i.test(entry.name);
    const kept: Uint8Array[] | undefined = keep?.(entry.name) ? [] : undefined;
    // Tags may be cut between two chunks: the text from the last "<" on waits for the next chunk.
    let carry = "";
    const count = (text: string) => {
      CELL.lastIndex = 0;
      while (CELL.exec(text)) stats.cells++;
      if (stats.cells > limits.maxCells) throw new ReadLimitError("cells", limitMessage("cells", limits));
      ROW.lastIndex = 0;
      for (let m; (m = ROW.exec(text)); ) stats.maxRow = Math.max(stats.maxRow, Number(m[1]));
      if (stats.maxRow > limits.maxRows) throw new ReadLimitError("rows", limitMessage("rows", limits));
      MERGE.lastIndex = 0;
      // Most text holds no merge at all: the expression is tried at every "<" only where one can match.
      if (text.indexOf("mergeCell") >= 0) for (let m; (m = MERGE.exec(text)); ) stats.mergedCells += refArea(m[1]);
      if (stats.mergedCells > limits.maxMergedCells) throw new ReadLimitError("merges", limitMessage("merges", limits));
    };
    const onData = (chunk: Uint8Array, reused = entry.method !== 0) => {
      stats.uncompressedBytes += chunk.length;
      if (stats.uncompressedBytes > limits.maxUncompressedBytes) throw new ReadLimitError("size", limitMessage("size", limits));
      // fflate hands out views of its own buffer (copied); stored bytes and native output are views of nothing reused.
      if (kept) kept.push(reused ? chunk.slice() : chunk);
      if (!sheet) return;
      let text = carry + latin1(chunk);
      const cut = text.lastIndexOf("<");
      // A tag longer than 4 KB is not a cell, row or merge start; keeping it all would let one grow unbounded.
      carry = cut >= 0 && text.length - cut < 4096 ? text.slice(cut) : "";
      if (cut >= 0) text = text.slice(0, cut);
      count(text);
    };
    const flush = () => {
      if (carry) count(carry);
      carry = "";
    };
    const STEP = 16 * 1024; // deflate inflates at most ~1,000x: a chunk of output stays near 16 MB
    let native: Uint8Array | undefined;
    if (entry.method === 0) {
      for (let o = start; o < end; o += STEP) {
        onData(data.subarray(o, Math.min(end, o + STEP)));
        overTime();
      }
    } else if (entry.method === 8 && end - start <= STEP && (native = inflateNatively(data.subarray(start, end)))) {
      // One chunk in, so one chunk out: what fflate's single push below would hand to onData.
      onData(native, false);
      overTime();
    } else if (entry.method === 8) {
      const inflate = new (fflate().Inflate)();
      inflate.ondata = (chunk) => onData(chunk);
      try {
        for (let o = start; o < end; o += STEP) {
          inflate.push(data.subarray(o, Math.min(end, o + STEP)), o + STEP >= end);
          overTime();
        }
        if (start === end) inflate.push(new Uint8Array(0), true);
      } catch (e) {
        if (e instanceof ReadLimitError) throw e;
        throw new NotZipError(`zip: ${entry.name}: ${(e as Error).message}`);
      }
    } else {
      throw new NotZipError(`zip: ${entry.name}: compression method ${entry.method}`);
    }
    flush();
    if (kept && kept.length === 1 && native) {
      (stats.parts ??= new Map()).set(entry.name, native);
    } else if (kept) {
      (stats.parts ??= new Map()).set(entry.name, joinBytes(kept));
    }
  }
  return stats;
}
