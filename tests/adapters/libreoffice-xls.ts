import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";

/**
 * Saves .xlsx files as .xls (BIFF8, "MS Excel 97") with LibreOffice Calc headless, one run with its own
 * profile; returns the .xls bytes by the input's base name. Needs `soffice` (libreoffice-calc-nogui).
 */
export function saveAsXls(files: string[]): Record<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "jx-xls-"));
  try {
    const inDir = join(dir, "in");
    const outDir = join(dir, "out");
    mkdirSync(inDir);
    mkdirSync(outDir);
    const inputs = files.map((f) => {
      const p = join(inDir, basename(f));
      copyFileSync(f, p);
      return p;
    });
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xls:MS Excel 97", "--outdir", outDir, ...inputs], { timeout: 180000, stdio: "pipe" });
    const out: Record<string, Buffer> = {};
    for (const f of files) {
      const stem = basename(f).replace(/\.xlsx$/i, "");
      out[stem] = readFileSync(join(outDir, `${stem}.xls`));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
