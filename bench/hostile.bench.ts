/**
 * Hostile files (issue 11): time and peak memory of `jx check` on each generated hostile file, and on a
 * folder of 50 workbooks of which 5 are hostile, against the 45 good ones alone. Each run is a fresh
 * process; peak memory is its maxRSS (worker threads included). The product is held to: refused within
 * 60 s under 1.5 GB, and the rest of the folder checked.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { longCells, mergeBomb, millionRows, zipBomb } from "../tests/fixtures/hostile";

const ROOT = join(__dirname, "..");
const SEED = join(ROOT, "examples", "000-部门整体绩效自评表.xlsx");
const dir = mkdtempSync(join(tmpdir(), "jx-hostile-bench-"));

function run(args: string[]): { seconds: number; peakMb: number; code: number | null; stderr: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", join(__dirname, "maxrss-hook.js"), join(ROOT, "bin", "jx.js"), "check", ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number(/JX_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, peakMb: kb / 1024, code: r.status, stderr: r.stderr };
}

const hostile: Record<string, () => Uint8Array> = {
  "zip-bomb (1 GB inflated)": () => zipBomb(1024),
  "merge-bomb (A1:XFD1048576)": mergeBomb,
  "million-rows": () => millionRows(1_000_000),
  "long-cells (100,000 chars)": () => longCells(100_000),
};

const files: Record<string, string> = {};
for (const [name, make] of Object.entries(hostile)) {
  const file = join(dir, `${name.split(" ")[0]}.xlsx`);
  const data = make();
  writeFileSync(file, data);
  files[name] = file;
  const r = run([file, "--no-write"]);
  const message = r.stderr.split("\n").find((l) => l.startsWith("错误：")) ?? "（未拒绝：已读取并检查）";
  console.log(`${name.padEnd(28)} ${(data.length / 1024).toFixed(0).padStart(7)} KB on disk  ${r.seconds.toFixed(2).padStart(6)} s  peak ${r.peakMb.toFixed(0).padStart(5)} MB  exit ${r.code}  ${message}`);
}

// A folder of 50: 45 good copies and 5 hostile files (two zip bombs).
const good = join(dir, "good");
const mixed = join(dir, "mixed");
mkdirSync(good);
mkdirSync(mixed);
for (let i = 1; i <= 45; i++) {
  copyFileSync(SEED, join(good, `${String(i).padStart(2, "0")}.xlsx`));
  copyFileSync(SEED, join(mixed, `${String(i).padStart(2, "0")}.xlsx`));
}
Object.values(files).forEach((f, i) => copyFileSync(f, join(mixed, `h${i}.xlsx`)));
writeFileSync(join(mixed, "h4.xlsx"), zipBomb(512));

for (const jobs of ["1", "2"]) {
  const g = run([good, "--no-write", "--json", "--jobs", jobs]);
  const m = run([mixed, "--no-write", "--json", "--jobs", jobs]);
  const refused = (m.stderr.match(/^错误：/gm) ?? []).length;
  console.log(
    `folder, --jobs ${jobs}: 45 good ${g.seconds.toFixed(2)} s / peak ${g.peakMb.toFixed(0)} MB; 45 good + 5 hostile ${m.seconds.toFixed(2)} s / peak ${m.peakMb.toFixed(0)} MB` +
      ` (time x${(m.seconds / g.seconds).toFixed(2)}, memory x${(m.peakMb / g.peakMb).toFixed(2)}); ${refused} refused, exit ${m.code}`,
  );
}
