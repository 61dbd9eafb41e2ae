/**
 * A zip entry deflated by Node's zlib instead of fflate's JavaScript deflate: for ./xlsx-writer.ts on the
 * command line, where the 校验汇总's parts (megabytes of XML for a large folder) are compressed on libuv's
 * thread pool, about five times faster and off the thread that checks. fflate still frames the zip and sums the
 * CRC of the bytes pushed (ZipPassThrough's contract: override process(), push the raw bytes). Node only.
 */
import { ZipPassThrough } from "fflate";
import { constants, createDeflateRaw } from "zlib";

export class ZlibZipFile extends ZipPassThrough {
  private readonly stream = createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION });
  private failed = false;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.stream.on("data", (chunk: Buffer) => this.ondata(null, chunk as Uint8Array<ArrayBuffer>, false));
    this.stream.on("end", () => this.failed || this.ondata(null, new Uint8Array(0), true));
    this.stream.on("error", (e) => {
      this.failed = true;
      this.ondata(Object.assign(e, { code: 0 }), null as unknown as Uint8Array<ArrayBuffer>, true);
    });
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length) this.stream.write(chunk);
    if (final) this.stream.end();
  }
}
