/** src/adapters/zip-entry.ts: parts zipped at once, deflated by zlib in Node or by fflate — the same parts back. */
import { strToU8, unzipSync, ZipDeflate } from "fflate";
import { backgroundEntry, streamingEntry, wholePartEntry, zipParts } from "../../src/adapters/zip-entry";

const PARTS: [string, Uint8Array][] = [
  ["[Content_Types].xml", strToU8('<?xml version="1.0"?><Types/>')],
  ["xl/worksheets/sheet1.xml", strToU8("<sheetData>" + "<row><c><v>1</v></c></row>".repeat(5000) + "</sheetData>")],
  ["xl/media/空.bin", new Uint8Array(0)],
  ["xl/media/image1.png", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)],
];

describe("zipParts", () => {
  test("in Node parts are deflated by zlib (whole, or streamed on the thread pool); the browser's fflate entry is the fallback", () => {
    expect(wholePartEntry("a.xml")).not.toBeInstanceOf(ZipDeflate);
    expect(backgroundEntry("a.xml")).not.toBeInstanceOf(ZipDeflate);
    expect(streamingEntry("a.xml")).toBeInstanceOf(ZipDeflate);
  });

  test("zlib or fflate: the same parts, in the same order, byte for byte; compressed", () => {
    for (const entry of [wholePartEntry, streamingEntry]) {
      const zip = zipParts(PARTS, entry);
      const back = unzipSync(zip);
      expect(Object.keys(back)).toEqual(PARTS.map(([n]) => n));
      for (const [name, data] of PARTS) expect([name, Buffer.from(back[name]).equals(Buffer.from(data))]).toEqual([name, true]);
      expect(zip.length).toBeLessThan(PARTS.reduce((n, [, d]) => n + d.length, 0) / 4);
    }
  });

  test("an entry that does not finish at once is an internal error, not a short zip", () => {
    const lazy = (name: string) => {
      const e = new ZipDeflate(name);
      // pushes are swallowed: the entry never ends
      e.push = () => undefined;
      return e;
    };
    expect(() => zipParts(PARTS, lazy)).toThrow("内部错误：压缩包未能一次写完");
  });
});
