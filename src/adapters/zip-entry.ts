/**
 * Zip entries that deflate what is pushed into them; fflate frames every zip JX writes (the checked copy,
 * the 校验汇总). Where Node's zlib is there (the command line) a part is deflated natively — measured on 200
 * checked copies: 5.3–5.7 s → 3.7–4.6 s of wall time, 7.1–7.7 s → 4.5–5.7 s of CPU, as fflate's JavaScript
 * deflate is slow until the JIT has warmed it up in every worker; on the 校验汇总's 2.9 MB of XML, ≈190 ms of the
 * main thread → 14 ms on the thread pool. The browser page has no zlib (webpack: `zlib: false`, an empty module)
 * and keeps fflate's own. The same bytes come out of an unzip either way.
 */
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from "fflate";
import { joinBytes } from "./bytes";
import { nodeZlib } from "./node-zlib";

export type ZipEntry = ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void };

/** A new entry named `filename`, to be added to a zip and pushed into. */
export type ZipEntryFactory = (filename: string) => ZipEntry;

const nativeDeflate = typeof nodeZlib?.deflateRawSync === "function" ? nodeZlib.deflateRawSync : undefined;
const nativeStream = typeof nodeZlib?.createDeflateRaw === "function" ? nodeZlib.createDeflateRaw : undefined;

/** Deflate level of every entry (zlib's and fflate's default). */
const LEVEL = 6;

/**
 * An entry deflated by zlib in one go when its last chunk comes (two raw deflate streams cannot be joined):
 * for parts pushed whole, as the package patch does. fflate sums the CRC of what is pushed (ZipPassThrough).
 */
class NativeDeflateEntry extends ZipPassThrough {
  private readonly chunks: Uint8Array[] = [];

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.chunks.push(chunk);
    if (!final) return;
    let out: Uint8Array;
    try {
      out = nativeDeflate!(this.chunks.length === 1 ? this.chunks[0] : joinBytes(this.chunks), { level: LEVEL });
    } catch (e) {
      this.ondata(Object.assign(e as Error, { code: 0 }), null as unknown as Uint8Array<ArrayBuffer>, true);
      return;
    }
    this.ondata(null, new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>, true);
  }
}

/**
 * An entry deflated by a zlib stream on libuv's thread pool as its chunks come, off the thread that pushes them:
 * for the 校验汇总 on the command line, written row by row while files are checked. Its data arrives on later
 * turns of the event loop; a zip of such entries ends asynchronously.
 */
class NativeStreamEntry extends ZipPassThrough {
  private readonly stream = nativeStream!({ level: LEVEL });
  private failed = false;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.stream.on("data", (chunk: Uint8Array) => this.ondata(null, chunk as Uint8Array<ArrayBuffer>, false));
    this.stream.on("end", () => this.failed || this.ondata(null, new Uint8Array(0), true));
    this.stream.on("error", (e: Error) => {
      this.failed = true;
      this.ondata(Object.assign(e, { code: 0 }), null as unknown as Uint8Array<ArrayBuffer>, true);
    });
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length) this.stream.write(chunk);
    if (final) this.stream.end();
  }
}

/** fflate's streaming deflate: an entry whose chunks are compressed as they come (any host). */
export const streamingEntry: ZipEntryFactory = (filename) => new ZipDeflate(filename, { level: LEVEL });

/** For parts pushed whole: zlib where there is one, else fflate. */
export const wholePartEntry: ZipEntryFactory = (filename) => (nativeDeflate ? new NativeDeflateEntry(filename) : streamingEntry(filename));

/** For parts pushed row by row: a zlib stream where there is one (the zip then ends asynchronously), else fflate. */
export const backgroundEntry: ZipEntryFactory = (filename) => (nativeStream ? new NativeStreamEntry(filename) : streamingEntry(filename));

/** A zip of these parts, in this order, made at once. */
export function zipParts(parts: [name: string, data: Uint8Array][], entry: ZipEntryFactory = wholePartEntry): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  let done = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) failure ??= err;
    else {
      chunks.push(chunk);
      done ||= final;
    }
  });
  for (const [name, data] of parts) {
    const file = entry(name);
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  if (failure) throw failure;
  if (!done) throw new Error("内部错误：压缩包未能一次写完");
  return joinBytes(chunks);
}
