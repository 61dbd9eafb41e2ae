import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadWorkbook } from "./sheets";

const JX = join(__dirname, "..", "..", "bin", "jx.js");

function jx(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [JX, ...args], { encoding: "utf8", timeout: 60000, cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("jx template", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "jx-template-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("list --json has the documented shape", () => {
    const r = jx(["template", "list", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.templates).toHaveLength(4);
    for (const t of out.templates) expect(Object.keys(t).sort()).toEqual(["id", "name", "version"]);
  });

  it("list prints the names in Chinese", () => {
    const r = jx(["template", "list"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("项目支出绩效自评表");
  });

  it("writes the workbook with --example and --formulas jx", async () => {
    const out = join(dir, "项目.xlsx");
    const r = jx(["template", "project", "--out", out, "--example", "--formulas", "jx"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已生成");
    const wb = await loadWorkbook(readFileSync(out));
    const formulas: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.some((f) => f.includes("JX.SCORE("))).toBe(true);
  });

  it("without --out writes <模板名称>.xlsx in the current folder, and never overwrites it", async () => {
    const here = mkdtempSync(join(dir, "cwd-"));
    const r = jx(["template", "dept-self"], here);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已生成：部门整体支出绩效自评表.xlsx");
    const wb = await loadWorkbook(readFileSync(join(here, "部门整体支出绩效自评表.xlsx")));
    expect(wb.worksheets.length).toBeGreaterThan(0);
    writeFileSync(join(here, "项目支出绩效自评表.xlsx"), "filled in by someone");
    const again = jx(["template", "project"], here);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在，未覆盖");
    expect(readFileSync(join(here, "项目支出绩效自评表.xlsx"), "utf8")).toBe("filled in by someone");
  });

  it.each([
    [["template", "nope", "--out", "x.xlsx"], /没有编号为“nope”的标准模板/],
    [["template", "project", "--out", "x.xlsx", "--formulas", "vba"], /--formulas 只能是 native（不需加载项）或 jx/],
    [["template", "project", "--out", "x.xlsx", "--formulas", "values"], /--formulas 只能是 native/],
    [["template", "project", "--out", "x.csv"], /应以 \.xlsx 结尾/],
    [["template", "project", "--out", "/nonexistent-dir/x.xlsx"], /无法写入文件/],
  ])("exits 2 with a Chinese message: %j", (args, message) => {
    const r = jx(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });
});
