/**
 * The .7z package for WPS's offline mode (scripts/wps-7z.js, used by npm run build:wps): a real 7z archive
 * holding the add-in folder's files at its root, byte for byte, Chinese names and subfolders included.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { make7z, read7z } = require("../../scripts/wps-7z.js") as {
  make7z: (dir: string) => Promise<Uint8Array>;
  read7z: (bytes: Uint8Array) => Promise<Record<string, Uint8Array>>;
};

jest.setTimeout(60_000);

test("make7z packs a folder's files at the archive root; unpacked they are the same bytes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-7z-"));
  try {
    const files: Record<string, Buffer> = {
      "index.html": Buffer.from("<!doctype html><script src=\"main.js\"></script>"),
      "ribbon.xml": Buffer.from('<customUI onLoad="OnAddinLoad"/>'),
      "images/jxCheck.svg": Buffer.from("<svg/>"),
      "说明.txt": Buffer.from("绩效自评表评分\n"),
      "taskpane.js": Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251)),
    };
    mkdirSync(join(dir, "images"));
    for (const [p, b] of Object.entries(files)) writeFileSync(join(dir, p), b);

    const bytes = await make7z(dir);
    // The 7z signature, and smaller than what it holds (compressed).
    expect(Buffer.from(bytes.slice(0, 6))).toEqual(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
    const unpacked = await read7z(bytes);
    expect(Object.keys(unpacked).sort()).toEqual(Object.keys(files).sort());
    for (const [p, b] of Object.entries(files)) expect(Buffer.from(unpacked[p]).equals(b)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("read7z refuses what is not a 7z archive", async () => {
  await expect(read7z(new Uint8Array(Buffer.from("PK\u0003\u0004 not a 7z")))).rejects.toThrow(/7z x 失败/);
});
