/** `jx` help texts in Chinese, aligned by display width; the compiled bundle bin/jx.js runs; --json carries the options. */
import { spawnSync } from "child_process";
import { readFileSync, statSync, utimesSync } from "fs";
import { join } from "path";
import { displayWidth } from "../../cli/help";

const ROOT = join(__dirname, "..", "..");
const JX = join(ROOT, "bin", "jx.js");

function jx(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [JX, ...args], { encoding: "utf8", timeout: 60000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The column where each item's description starts, in terminal columns. */
function descriptionColumns(help: string, heading: string): number[] {
  const block = help.split("\n\n").find((b) => b.startsWith(heading))!;
  return block
    .split("\n")
    .slice(1)
    .map((line) => {
      const m = /^( {2}\S.*?\S? {2,})\S/.exec(line);
      return m ? displayWidth(m[1]) : -1;
    })
    .filter((c) => c >= 0);
}

test("display width counts a Chinese character and full-width punctuation as two columns", () => {
  expect(displayWidth("score [选项]")).toBe(12);
  expect(displayWidth("（，：）")).toBe(8);
  expect(displayWidth("abc")).toBe(3);
});

test.each([[[] as string[]], [["check"]], [["template"]], [["score"]], [["formula"]]])("jx %j --help: Chinese placeholders, descriptions in one column", (sub) => {
  const r = jx([...sub, "--help"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^用法：jx/);
  expect(r.stdout).not.toMatch(/\[options\]|\[command\]|default:/);
  for (const heading of ["选项：", "命令：", "参数："]) {
    if (!r.stdout.includes(`\n${heading}`)) continue;
    const cols = descriptionColumns(r.stdout, heading);
    expect(cols.length).toBeGreaterThan(0);
    expect(new Set(cols).size).toBe(1);
  }
  if (sub.length === 0) {
    expect(r.stdout).toContain("用法：jx [选项] [命令]");
    expect(r.stdout).toMatch(/\n {2}score \[选项\] +按评分规则/);
  }
});

test("the bin runs the compiled bundle, not TypeScript through a loader", () => {
  const bin = readFileSync(JX, "utf8");
  expect(bin).not.toMatch(/tsx|\.ts"/);
  // --require runs before the bin: if anything loads tsx or a .ts file, this stand-in says so.
  const probe = join(ROOT, "tests", "cli", "fixtures", "no-ts-loader.js");
  const r = spawnSync(process.execPath, ["--require", probe, JX, "--help"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("用法：jx");
  // Nor does start-up load exceljs (≈0.4 s): only checking a workbook or writing a template needs it.
  for (const args of [["--help"], ["check", "--help"], ["score", "--target", "1", "--actual", "1", "--weight", "1"]]) {
    const s = spawnSync(process.execPath, ["--require", probe, JX, ...args], { encoding: "utf8", env: { ...process.env, JX_PROBE_NO_EXCELJS: "1" } });
    expect(s.stderr).toBe("");
    expect(s.status).toBe(0);
  }
});

test("a source file newer than the bundle: the bundle is rebuilt before it runs", () => {
  jx(["--help"]);
  const bundle = join(ROOT, "build", "cli", "jx.js");
  const before = statSync(bundle).mtimeMs;
  const source = join(ROOT, "cli", "errors.ts");
  const now = new Date();
  utimesSync(source, now, now);
  const r = jx(["--help"]);
  expect(r.code).toBe(0);
  expect(statSync(bundle).mtimeMs).toBeGreaterThan(before);
  const meta = JSON.parse(readFileSync(join(ROOT, "build", "cli", "inputs.json"), "utf8"));
  expect(meta.inputs).toEqual(expect.arrayContaining(["cli/main.ts", "cli/errors.ts", "package.json"]));
  expect(meta.inputs.some((p: string) => p.startsWith("node_modules/"))).toBe(false);
});

test("jx score --json includes the options used", () => {
  const r = jx(["score", "--target", "=100%", "--actual", "95.4%", "--weight", "4", "--rule", "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止", "--json", "--option", "步长=整步"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.options).toEqual({ stepCounting: "whole", reverseFormula: "ratio", qualitativeBands: "80/60", rounding: "half-up-2", gradeScheme: "national" });
  expect(out.score).toBe(2.4);
});

describe("jx check messages", () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = require("fs") as typeof import("fs");
  const { tmpdir } = require("os") as typeof import("os");
  const dir = mkdtempSync(join(tmpdir(), "jx-msg-"));

  test("an empty folder says there is no .xlsx in it, once, and exits 2", () => {
    mkdirSync(join(dir, "空"));
    const r = jx(["check", join(dir, "空")]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^错误：文件夹“${join(dir, "空")}”中没有 \\.xlsx.* 工作簿$`));
    expect(r.stdout).not.toContain("1个文件");
  });

  test("an unreadable file's message is printed once", () => {
    const bad = join(dir, "坏.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = jx(["check", bad]);
    expect(r.code).toBe(2);
    const all = r.stdout + r.stderr;
    expect(all.split(`无法读取文件“${bad}”`).length - 1).toBe(1);
  });

  test("--formulas takes the same values in check and template", () => {
    expect(jx(["check", join(dir, "坏.xlsx"), "--formulas", "values"]).stderr).toContain("--formulas 只能是 native");
    expect(jx(["check", "--help"]).stdout).toContain("--formulas <native|jx>");
    expect(jx(["template", "--help"]).stdout).toContain("--formulas <native|jx>");
  });
});
