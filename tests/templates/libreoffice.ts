import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * Recalculates .xlsx files in LibreOffice Calc headless (soffice --convert-to xlsx) and returns the saved
 * files, whose cached values are LibreOffice's results. One run, its own user profile directory.
 */
export function recalculateWithLibreOffice(files: Record<string, Uint8Array>): Record<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "jx-lo-"));
  try {
    const inDir = join(dir, "in");
    const outDir = join(dir, "out");
    execFileSync("mkdir", ["-p", inDir, outDir]);
    const paths = Object.entries(files).map(([name, bytes]) => {
      const p = join(inDir, `${name}.xlsx`);
      writeFileSync(p, bytes);
      return p;
    });
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, ...paths], { timeout: 180000, stdio: "pipe" });
    const out: Record<string, Buffer> = {};
    for (const name of Object.keys(files)) out[name] = readFileSync(join(outDir, `${name}.xlsx`));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
