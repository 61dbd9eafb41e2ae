/**
 * Sheet-check figures: the engine on a generated 10,000-indicator table (detection + scoring + findings),
 * and `jx check` over a folder of 200 generated workbooks against exceljs's own load time for them, measured
 * in one run and printed as ratios beside their targets (DESIGN.md): single-threaded --no-write at most 1.3×
 * the bare load, with 2 workers at most 0.8×, the 10,000-indicator sheet under 0.5 s. The compiled CLI
 * (build/cli, scripts/build-cli.js) is what runs, and the engine figures are taken on the engine compiled the
 * same way (check/engine-figures.ts).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { availableParallelism, tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { performance } from "perf_hooks";
import { checkWorkbook } from "../src/check";
import { detectTables } from "../src/sheet";
import { buildSummary } from "../src/check/summary";
import { SummaryXlsx } from "../src/adapters/summary-xlsx";
import { backgroundEntry } from "../src/adapters/zip-entry";
import { buildSync } from "esbuild";
import { specToGrid } from "../examples/specs/spec";
import { seed000 } from "../examples/specs";
import { specToWorkbook } from "../examples/specs/to-workbook";
import { readXlsxGrids } from "../src/adapters/xlsx-grid-reader";
import { prng } from "./check/big-table";
const { CLI_ESBUILD_OPTIONS } = require("../scripts/build-cli.js") as { CLI_ESBUILD_OPTIONS: import("esbuild").BuildOptions };

function engineFigures(): void {
  // Compiled as jx is (beside build/cli, so that its dependencies resolve from node_modules), and run in a
  // process of its own: a fresh heap, as a worker checking one large file.
  mkdirSync(join(__dirname, "..", "build"), { recursive: true });
  const dir = mkdtempSync(join(__dirname, "..", "build", "bench-engine-"));
  try {
    const outfile = join(dir, "engine-figures.js");
    buildSync({ ...CLI_ESBUILD_OPTIONS, entryPoints: [join(__dirname, "check", "engine-figures.ts")], outfile, absWorkingDir: join(__dirname, "..") });
    const r = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit", cwd: join(__dirname, "..") });
    if (r.status !== 0) throw new Error(`引擎测量失败（退出码 ${r.status}）`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function folderFigures(): Promise<void> {
  const count = 200;
  const dir = mkdtempSync(join(tmpdir(), "jx-bench-"));
  const inputs = join(dir, "in");
  const out = join(dir, "out");
  mkdirSync(inputs);
  const rnd = prng(7);
  const base = seed000.sheets[0];
  for (let i = 0; i < count; i++) {
    // Same layout as seeds/000, with the actual of every percent row varied.
    const rows = base.rows.map((row) => row.map((c) => (c && typeof c === "object" && !(c instanceof Date) && "fmt" in c ? { v: Math.round((0.85 + rnd() * 0.15) * 1000) / 1000, fmt: c.fmt } : c)));
    await specToWorkbook({ file: `${i}.xlsx`, source: "bench", sheets: [{ ...base, rows }] }).xlsx.writeFile(join(inputs, `${String(i).padStart(3, "0")}.xlsx`));
  }
  const files = Array.from({ length: count }, (_, i) => join(inputs, `${String(i).padStart(3, "0")}.xlsx`));

  // exceljs's bare load, in this process, one file after another: twice, the faster counts (a busy machine).
  // CPU time beside wall time: on a machine shared with other work, CPU time is the steadier measure of cost.
  const bareLoad = async () => {
    const l0 = performance.now();
    const c0 = process.cpuUsage();
    for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - l0, cpuMs: (c.user + c.system) / 1000 };
  };
  const loads = [await bareLoad(), await bareLoad()];
  const loadMs = Math.min(...loads.map((l) => l.ms));
  const loadCpuMs = Math.min(...loads.map((l) => l.cpuMs));

  // Where a file's time goes in the engine, in this process once warm (the second of two passes): the grid
  // reader (limits scan and XML), detection, and scoring with its findings — beside exceljs's load of one file.
  const breakdown = () => {
    const t = { read: 0, detect: 0, score: 0 };
    for (const f of files) {
      const t0 = performance.now();
      const grids = readXlsxGrids(new Uint8Array(readFileSync(f)));
      const t1 = performance.now();
      for (const g of grids) detectTables(g);
      const t2 = performance.now();
      checkWorkbook(grids);
      const t3 = performance.now();
      t.read += t1 - t0;
      t.detect += t2 - t1;
      t.score += t3 - t2 - (t2 - t1);
    }
    return t;
  };
  breakdown();
  const parts = breakdown();

  // The child's CPU time (its worker threads included) from bash's `time`. Both commands run without
  // NODE_EXTRA_CA_CERTS: where a machine sets it, every Node process parses that certificate bundle at start-up
  // (≈50 ms here), which neither command uses — no request leaves either.
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const timed = (argv: string[]) => {
    const t0 = performance.now();
    const cmd = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const r = spawnSync("bash", ["-c", `TIMEFORMAT='JXCPU %U %S'; time ${cmd}`], { encoding: "utf8", maxBuffer: 1 << 28, env });
    const ms = performance.now() - t0;
    if (r.status !== 0 && r.status !== 1) throw new Error(`jx check 失败：${r.stderr}`);
    const m = /JXCPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
    const cpuMs = m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN;
    return { ms, cpuMs, stdout: r.stdout };
  };
  const jx = (args: string[]) => {
    const r = timed([process.execPath, join(__dirname, "..", "bin", "jx.js"), "check", inputs, ...args]);
    return { ...r, files: JSON.parse(r.stdout).files.length as number };
  };
  // exceljs's bare load as a command of its own: a fresh node process reading every file, from start-up as jx
  // is. This is the yardstick of the targets: two commands, both paying their start-up and their warm-up. The
  // warm in-process load above (neither start-up nor warm-up) is printed beside it, and is what a file's cost
  // in the engine, warm, is compared with.
  const LOAD_ONLY = `const E=require("exceljs"),fs=require("fs"),p=require("path");(async()=>{for(const f of fs.readdirSync(process.argv[1]).sort())await new E.Workbook().xlsx.readFile(p.join(process.argv[1],f));process.stdout.write("{}")})()`;
  const coldLoad = () => timed([process.execPath, "-e", LOAD_ONLY, inputs]);
  // Each command three times, the fastest counts (a busy machine slows a run, never speeds one up).
  const best = <T extends { ms: number }>(run: () => T): T => [run(), run(), run()].reduce((a, b) => (b.ms < a.ms ? b : a));
  jx(["--no-write", "--json", "--jobs", "1"]); // builds build/cli if a source is newer; warms the disk cache
  const cold = best(coldLoad);
  const serial = best(() => jx(["--no-write", "--json", "--jobs", "1"]));
  const two = best(() => jx(["--no-write", "--json", "--jobs", "2"]));
  // The "done when": a 校验汇总 of 200 rows from --no-write --summary, one worker; its rows counted back.
  const summaryFile = join(dir, "校验汇总.xlsx");
  const summarised = best(() => jx(["--no-write", "--summary", summaryFile, "--force", "--json", "--jobs", "1"]));
  const written = jx(["--out", out, "--json", "--jobs", "2"]);
  const summaryBook = new ExcelJS.Workbook();
  await summaryBook.xlsx.readFile(summaryFile);
  const summaryRows = (summaryBook.getWorksheet("汇总")?.rowCount ?? 1) - 1;

  const verdict = (r: number, target: number) => `${r.toFixed(2)}×（目标 ≤ ${target}×：${r <= target ? "达到" : "未达到"}）`;
  const line = (label: string, run: { ms: number; cpuMs: number }, target: number) =>
    `  ${label}：${run.ms.toFixed(0)} ms（CPU ${run.cpuMs.toFixed(0)} ms）；与基准之比 ${verdict(run.ms / cold.ms, target)}；与预热后读取之比 ${(run.ms / loadMs).toFixed(2)}×（参考）`;
  console.log(`命令行：${count}个工作簿（seeds/000 版式），本机 ${availableParallelism()} 核${process.env.NODE_EXTRA_CA_CERTS ? "（两个命令均不加载 NODE_EXTRA_CA_CERTS 证书）" : ""}`);
  console.log(`  基准：exceljs 仅读取，作为独立进程（与 jx 一样含启动与预热，三次取快）${cold.ms.toFixed(0)} ms（每个 ${(cold.ms / count).toFixed(1)} ms），CPU ${cold.cpuMs.toFixed(0)} ms`);
  console.log(`  参考：exceljs 仅读取，本进程预热后（不含启动与预热，两次取快）${loadMs.toFixed(0)} ms（每个 ${(loadMs / count).toFixed(1)} ms），CPU ${loadCpuMs.toFixed(0)} ms`);
  const each = (ms: number) => (ms / count).toFixed(1);
  console.log(`  引擎每个文件（本进程，预热后）：读取 ${each(parts.read)} ms，识别 ${each(parts.detect)} ms，评分与核对 ${each(parts.score)} ms；合计为 exceljs 预热后读取的 ${((parts.read + parts.detect + parts.score) / loadMs).toFixed(2)}×`);
  console.log(line(`jx check --no-write --jobs 1（${serial.files} 个文件）`, serial, 1.3));
  console.log(line("jx check --no-write --jobs 2", two, 0.8));
  console.log(line(`jx check --no-write --summary（校验汇总 ${summaryRows} 行，--jobs 1）`, summarised, 1.3));
  console.log(`  jx check --out（写出校验副本与校验汇总，--jobs 2）：${written.ms.toFixed(0)} ms，${written.files} 个文件；与基准之比 ${(written.ms / cold.ms).toFixed(2)}×`);
  console.log(`  单线程每个文件 ${(serial.ms / count).toFixed(1)} ms：10 万个工作簿约 ${((serial.ms / count) * 100_000 / 3_600_000).toFixed(1)} 小时（单核），两个工作线程约 ${((two.ms / count) * 100_000 / 3_600_000).toFixed(1)} 小时`);
  rmSync(dir, { recursive: true, force: true });
}

/** The 校验汇总 of a large folder: 10,000 files like seeds/000 (its 5 findings each) built and written as jx check does. */
async function summaryFigures(): Promise<void> {
  const n = 10_000;
  const check = checkWorkbook([specToGrid(seed000.sheets[0])]);
  const inputs = Array.from({ length: n }, (_, i) => ({ file: `县${i % 100}/${i}.xlsx`, link: `县${i % 100}/${i}.checked.xlsx`, tables: check.tables, findings: check.findings, unit: "某县某局", tableKind: "部门整体支出绩效自评表" }));
  const dir = mkdtempSync(join(tmpdir(), "jx-bench-summary-"));
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const summary = buildSummary(inputs);
  const t1 = performance.now();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  // As jx check does: rows rendered and compressed as they come, the compressed workbook written at the end.
  const chunks: Uint8Array[] = [];
  const xlsx = new SummaryXlsx((chunk) => chunks.push(chunk), { entry: backgroundEntry });
  xlsx.addSummary(summary);
  await xlsx.finish();
  writeFileSync(join(dir, "校验汇总.xlsx"), Buffer.concat(chunks));
  clearInterval(sampler);
  const t2 = performance.now();
  console.log(`校验汇总：${n}个文件、${summary.findings.rows.length}个问题`);
  console.log(`  生成行 ${(t1 - t0).toFixed(0)} ms；写出工作簿 ${((t2 - t1) / 1000).toFixed(1)} s（${(statSync(join(dir, "校验汇总.xlsx")).size / 1048576).toFixed(1)} MB）；堆内存增量约 ${((peak - heap0) / 1048576).toFixed(0)} MB`);
  rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  engineFigures();
  await folderFigures();
  await summaryFigures();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
