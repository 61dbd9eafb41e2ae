/** `jx check` on hostile files and awkward output paths (issue 11, points 4 and 5). */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, linkSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runPool, DEFAULT_POOL, defaultJobs } from "../../cli/commands/check-pool";
import type { CheckTask } from "../../cli/commands/check-worker";
import { OutputPlanner } from "../../cli/commands/check-paths";
import { expandInputs } from "../../cli/commands/check-files";
import { unzipSync, zipSync } from "fflate";
import { mergeBomb, zipBomb } from "../fixtures/hostile";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const SEED = join(ROOT, "examples", "000-部门整体绩效自评表.xlsx");

function jx(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "check", ...args], { encoding: "utf8", cwd: ROOT, timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "jx-bounds-"));
const english = /[A-Za-z]{4,} [a-z]{3,} |heap|Error:|at .*\(/;

describe("a folder with hostile files", () => {
  test("each hostile file is refused with a Chinese message naming its limit; the others are checked and written", () => {
    const dir = tmp();
    copyFileSync(SEED, join(dir, "01-正常.xlsx"));
    writeFileSync(join(dir, "02-压缩炸弹.xlsx"), zipBomb(1024));
    writeFileSync(join(dir, "03-合并炸弹.xlsx"), mergeBomb());
    copyFileSync(SEED, join(dir, "04-正常.xlsx"));
    const r = jx([dir, "--jobs", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("02-压缩炸弹.xlsx”：解压后的内容超过读取上限 200 MB");
    expect(r.stderr).toContain("03-合并炸弹.xlsx”：合并单元格覆盖的单元格数超过读取上限");
    for (const line of r.stderr.split("\n")) expect(line).not.toMatch(english);
    expect(r.stdout).toContain("共检查4个文件（2个无法读取）");
    expect(existsSync(join(dir, "01-正常.checked.xlsx"))).toBe(true);
    expect(existsSync(join(dir, "04-正常.checked.xlsx"))).toBe(true);
  });
});

describe("how many workers by default", () => {
  test("one per core, at least 1, at most 4", () => {
    expect([1, 2, 4, 8].map((cores) => defaultJobs(cores))).toEqual([1, 2, 4, 4]);
  });
});

describe("worker isolation", () => {
  const task = (file: string): CheckTask => ({ file, force: false, formulas: "values", options: {} });

  test("a file that runs a worker out of memory is reported in Chinese; the next file gets a fresh worker", async () => {
    const seen: string[] = [];
    // 8 MB of heap cannot hold exceljs and the engine: the worker dies of it, the pool goes on.
    const small = await runPool([task(SEED), task(SEED)], { jobs: 1, heapMb: 8, seconds: 60 }, (r) => seen.push(r.file));
    expect(seen).toHaveLength(2);
    for (const r of small) expect(r.error).toMatch(/内存用量超过上限 8 MB，已停止检查该文件|检查进程意外退出/);
    const ok = await runPool([task(SEED)], DEFAULT_POOL, () => undefined);
    expect(ok[0].error).toBeUndefined();
    expect(ok[0].findings.length).toBeGreaterThan(0);
  });

  test("files sent ahead to a worker that ends are each checked by a fresh worker and reported once", async () => {
    // Five files on one lane: the pool sends the next file ahead of the one being checked; every worker dies.
    const seen: number[] = [];
    const reports = await runPool([1, 2, 3, 4, 5].map(() => task(SEED)), { jobs: 1, heapMb: 8, seconds: 60 }, (_r, i) => seen.push(i));
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    for (const r of reports) expect(r.error).toMatch(/内存用量超过上限 8 MB，已停止检查该文件|检查进程意外退出/);
    const ok = await runPool([1, 2, 3, 4, 5].map(() => task(SEED)), { jobs: 2, heapMb: 1024, seconds: 60 }, () => undefined);
    for (const r of ok) expect(r.error).toBeUndefined();
    expect(new Set(ok.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  test("a file over the time limit ends its worker only", async () => {
    const reports = await runPool([task(SEED), task(SEED)], { jobs: 1, heapMb: 1024, seconds: 0.001 }, () => undefined);
    for (const r of reports) expect(r.error).toContain("检查用时超过上限 0.001 秒，已停止检查该文件");
  });
});

describe("output paths", () => {
  test("an existing checked copy is never replaced silently: a numbered name, or --force", () => {
    const dir = tmp();
    const input = join(dir, "表.xlsx");
    copyFileSync(SEED, input);
    writeFileSync(join(dir, "表.checked.xlsx"), "用户自己的文件");
    const r = jx([input]);
    expect(r.stdout).toContain(`已写出校验副本：${join(dir, "表.checked(2).xlsx")}`);
    expect(readFileSync(join(dir, "表.checked.xlsx"), "utf8")).toBe("用户自己的文件");
    const forced = jx([input, "--force"]);
    expect(forced.stdout).toContain(`已写出校验副本：${join(dir, "表.checked.xlsx")}`);
    expect(readFileSync(join(dir, "表.checked.xlsx")).subarray(0, 2).toString()).toBe("PK");
    // No temporary file stays behind.
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  test("an output that is a symbolic link or a hard link to the input is refused, even with --force; the input is untouched", () => {
    const dir = tmp();
    const input = join(dir, "表.xlsx");
    copyFileSync(SEED, input);
    const before = readFileSync(input);
    symlinkSync(input, join(dir, "表.checked.xlsx"));
    const r = jx([input, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("就是输入文件（或指向它的链接），已拒绝写入");
    expect(readFileSync(input).equals(before)).toBe(true);

    const dir2 = tmp();
    const input2 = join(dir2, "表.xlsx");
    copyFileSync(SEED, input2);
    linkSync(input2, join(dir2, "表.checked.xlsx"));
    const r2 = jx([input2, "--force"]);
    expect(r2.stderr).toContain("已拒绝写入");
    expect(readFileSync(input2).equals(before)).toBe(true);
  });

  test("a copy is never chosen over any input of the run — the same file, a link to one, or another input by name", () => {
    const dir = tmp();
    const a = join(dir, "甲.xlsx");
    const other = join(dir, "甲.checked.xlsx"); // given as an input by name: its own copy is 甲.checked.checked.xlsx
    const linked = join(dir, "乙.xlsx");
    copyFileSync(SEED, a);
    copyFileSync(SEED, other);
    copyFileSync(SEED, join(dir, "丙.xlsx"));
    linkSync(join(dir, "丙.xlsx"), linked); // 乙 and 丙 are one file
    const planner = new OutputPlanner([a, other, join(dir, "丙.xlsx")], undefined, true);
    expect(planner.choose(a).error).toContain("就是输入文件");
    expect(planner.choose(other).out).toBe(join(dir, "甲.checked.checked.xlsx"));
    // 乙.checked.xlsx does not exist: chosen. Made a hard link to 丙 (an input), it is refused.
    expect(new OutputPlanner([join(dir, "丙.xlsx")], undefined, true).choose(linked).out).toBe(join(dir, "乙.checked.xlsx"));
    linkSync(join(dir, "丙.xlsx"), join(dir, "乙.checked.xlsx"));
    expect(new OutputPlanner([join(dir, "丙.xlsx")], undefined, true).choose(linked).error).toContain("已拒绝写入");
  });

  test("a folder's workbooks are listed in the order localeCompare gives, subfolders in place", async () => {
    const dir = tmp();
    const names = ["b.xlsx", "A.xlsx", "a.xlsx", "县10.xlsx", "县2.xlsx", "_x.xlsx", "1.xlsx", "~$锁.xlsx", "说明.txt"];
    for (const n of names) writeFileSync(join(dir, n), "");
    mkdirSync(join(dir, "区"));
    writeFileSync(join(dir, "区", "z.xlsx"), "");
    const listed = (await expandInputs([dir])).map((i) => i.file.slice(dir.length + 1));
    const expected = [...names.filter((n) => n.endsWith(".xlsx") && !n.startsWith("~$")), "区"].sort((x, y) => x.localeCompare(y));
    expect(listed).toEqual(expected.map((n) => (n === "区" ? join("区", "z.xlsx") : n)));
  });

  test("a workbook that reads but cannot be patched says why in Chinese, not as a disk error; nothing is written", () => {
    const dir = tmp();
    const parts = unzipSync(readFileSync(SEED));
    delete parts["[Content_Types].xml"];
    const input = join(dir, "无类型表.xlsx");
    writeFileSync(input, zipSync(parts));
    const human = jx([input, "--out", join(dir, "out")]);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain("共检查1个文件（1个未写出校验副本）");
    const r = jx([input, "--out", join(dir, "out"), "--json"]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout).files[0];
    expect(report.findings.length).toBeGreaterThan(0); // checked all the same
    expect(report.error).toBe(`校验副本“${join(dir, "out", "无类型表.checked.xlsx")}”未写出：工作簿缺少 [Content_Types].xml，无法生成校验副本。`);
    expect(readdirSync(join(dir, "out"))).toEqual([]);
  });

  test("subfolders are kept under --out, so equal names cannot collide", () => {
    const dir = tmp();
    mkdirSync(join(dir, "in", "甲"), { recursive: true });
    mkdirSync(join(dir, "in", "乙"), { recursive: true });
    copyFileSync(SEED, join(dir, "in", "甲", "表.xlsx"));
    copyFileSync(SEED, join(dir, "in", "乙", "表.xlsx"));
    const r = jx([join(dir, "in"), "--out", join(dir, "out")]);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "out", "甲", "表.checked.xlsx"))).toBe(true);
    expect(existsSync(join(dir, "out", "乙", "表.checked.xlsx"))).toBe(true);
  });

  test("an --out that cannot be created fails at once in Chinese; a copy that cannot be written fails for its file only", () => {
    const dir = tmp();
    writeFileSync(join(dir, "文件"), "x");
    const r = jx([SEED, "--out", join(dir, "文件", "子文件夹")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法创建或写入输出文件夹“${join(dir, "文件", "子文件夹")}”：路径中有同名文件，不是文件夹（ENOTDIR）`);
    expect(r.stdout).not.toContain("文件：");

    mkdirSync(join(dir, "in", "甲"), { recursive: true });
    mkdirSync(join(dir, "in", "乙"), { recursive: true });
    copyFileSync(SEED, join(dir, "in", "甲", "表.xlsx"));
    copyFileSync(SEED, join(dir, "in", "乙", "表.xlsx"));
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "甲"), "挡路的文件");
    const r2 = jx([join(dir, "in"), "--out", join(dir, "out")]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`无法写出校验副本“${join(dir, "out", "甲", "表.checked.xlsx")}”：`);
    expect(existsSync(join(dir, "out", "乙", "表.checked.xlsx"))).toBe(true);
  });
});
