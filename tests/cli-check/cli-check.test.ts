import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { specToWorkbook } from "../../examples/specs/to-workbook";
import ExcelJS from "exceljs";

// Each test spawns the CLI (tsx compiles on start): generous limits for a loaded machine.
jest.setTimeout(180000);

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples");
const SEED000 = "000-部门整体绩效自评表.xlsx";

function jx(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "check", ...args], { encoding: "utf8", cwd: ROOT, timeout: 170000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "jx-cli-"));
}

async function cleanWorkbook(dir: string): Promise<string> {
  const file = join(dir, "正确.xlsx");
  const rule = "达到目标值得满分，未达到目标值不得分";
  await specToWorkbook({
    file: "正确.xlsx",
    source: "test",
    sheets: [
      {
        name: "自评表",
        rows: [
          ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"],
          ["产出", "数量", "完成数", "≥5个", "5个", 60, rule, 60],
          ["效益", "满意度", "满意度", "≥90%", "92%", 40, rule, 40],
          ["合计", null, null, null, null, 100, null, 100],
        ],
        merges: [],
      },
    ],
  }).xlsx.writeFile(file);
  return file;
}

describe("jx check", () => {
  test("seeds/000: exit 1 (error findings), JSON in the documented shape, checked copy beside the input", () => {
    const dir = tmp();
    const input = join(dir, SEED000);
    copyFileSync(join(EXAMPLES, SEED000), input);
    const before = readFileSync(input);
    const r = jx([input, "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["files"]);
    expect(doc.files).toHaveLength(1);
    const [file] = doc.files;
    expect(Object.keys(file)).toEqual(["file", "tables", "findings"]);
    expect(file.file).toBe(input);
    // Each table says what was read: its column mapping with header texts and the rows read, weighted, scored, computed.
    expect(Object.keys(file.tables[0].reading)).toEqual(["source", "headerRows", "columns", "unmapped", "rowsRead", "rowsWithWeight", "rowsWithScore", "rowsComputed", "notComputed", "skipped"]);
    expect(file.tables[0].reading.columns.find((c: { role: string }) => c.role === "weight")).toEqual({ role: "weight", label: "权重", column: "F", header: "权重" });
    expect(file.tables.map(({ reading: _r, ...t }: { reading: unknown }) => t)).toEqual([
      {
        sheet: "部门整体绩效自评表",
        range: "A23:I52",
        indicators: 27,
        weightSum: 100,
        total: { reported: 96.5, computed: 91.16 },
        grade: { reported: "优", computed: "优" },
      },
    ]);
    for (const f of file.findings) expect(Object.keys(f)).toEqual(["sheet", "cell", "kind", "severity", "reported", "computed", "message"]);
    expect(file.findings.map((f: { cell: string }) => f.cell)).toEqual(["I26", "I36", "I47", "I50", "I51"]);
    expect(existsSync(join(dir, "000-部门整体绩效自评表.checked.xlsx"))).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("human output: a Chinese summary and the findings; --out puts the copy elsewhere", () => {
    const dir = tmp();
    const out = join(dir, "校验");
    const r = jx([join(EXAMPLES, SEED000), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("27项指标，权重合计100，自评总分96.5／计算总分91.16，等级：表中优／计算优");
    expect(r.stdout).toContain("[错误] 部门整体绩效自评表!I50 得分与规则不符（表中9.5，计算5）");
    expect(existsSync(join(out, "000-部门整体绩效自评表.checked.xlsx"))).toBe(true);
  });

  test("a workbook without error findings exits 0", async () => {
    const dir = tmp();
    const file = await cleanWorkbook(dir);
    const r = jx([file]);
    expect(r.stdout).toContain("未发现问题");
    expect(r.code).toBe(0);
  });

  test("no findings where a row could not be scored: the line says how many rows were checked, not 未发现问题 alone", async () => {
    const dir = tmp();
    const file = join(dir, "缺实际值.xlsx");
    const rule = "达到目标值得满分，未达到目标值不得分";
    await specToWorkbook({
      file: "缺实际值.xlsx",
      source: "test",
      sheets: [
        {
          name: "自评表",
          rows: [
            ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"],
            ["产出", "数量", "完成数", "≥5个", "5个", 60, rule, 60],
            ["效益", "满意度", "满意度", "≥90%", null, 40, rule, 40],
            ["合计", null, null, null, null, 100, null, 100],
          ],
          merges: [],
        },
      ],
    }).xlsx.writeFile(file);
    const r = jx([file, "--out", join(dir, "out")]);
    expect(r.stdout).toContain("已计算得分的1行未发现问题；另有1行未能计算得分（原因见识别情况），这些行请人工核对");
    expect(r.stdout).not.toMatch(/^ {2}未发现问题$/m);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(dir, "out", "缺实际值.checked.xlsx"));
    expect(copy.getWorksheet("校验结果")!.getCell("B2").value).toBe("已计算得分的1行未发现问题；另有1行未能计算得分（原因见识别情况），这些行请人工核对");
  });

  test("an unreadable file exits 2 with a Chinese message naming it; the other files are still checked", async () => {
    const dir = tmp();
    const good = await cleanWorkbook(dir);
    const bad = join(dir, "损坏.xlsx");
    writeFileSync(bad, "not a workbook");
    const r = jx([bad, good, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法读取文件“${bad}”`);
    const doc = JSON.parse(r.stdout);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([bad, good]);
    expect(doc.files[0].error).toContain("不是有效的 .xlsx 工作簿（可能是 .xls 旧格式、已损坏或受密码保护）");
    // No untranslated words from the zip library reach the official.
    expect(r.stderr).not.toMatch(/zip|central directory|signature/i);
    expect(doc.files[1].tables).toHaveLength(1);
  });

  test("a folder: every .xlsx inside, never our own .checked.xlsx outputs; progress on stderr", async () => {
    const dir = tmp();
    const folder = join(dir, "表");
    mkdirSync(folder);
    for (let i = 0; i < 5; i++) copyFileSync(join(EXAMPLES, SEED000), join(folder, `${i}.xlsx`));
    const first = jx([folder, "--json"]);
    expect(JSON.parse(first.stdout).files).toHaveLength(5);
    expect(first.stderr).toContain("已完成 5/5");
    const again = jx([folder, "--json"]);
    expect(JSON.parse(again.stdout).files).toHaveLength(5);
  });

  test("--option and --tolerance change the reading; bad values are usage errors (exit 2)", () => {
    const nearest = jx([join(EXAMPLES, SEED000), "--json", "--no-write", "--option", "stepCounting=nearest"]);
    expect(JSON.parse(nearest.stdout).files[0].findings.map((f: { cell: string }) => f.cell)).toEqual(["I36", "I47", "I50", "I51"]);
    const bad = jx([join(EXAMPLES, SEED000), "--option", "步长=随便"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("不接受取值");
    const tol = jx([join(EXAMPLES, SEED000), "--tolerance", "-1"]);
    expect(tol.code).toBe(2);
    expect(tol.stderr).toContain("--tolerance");
  });

  test("a path that does not exist exits 2", () => {
    const r = jx([join(tmp(), "没有这个文件.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不存在");
  });
});

test("--formulas jx writes =JX.SCORE formulas into empty single-row scores", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const dir = tmp();
  const file = join(dir, "缺分.xlsx");
  const rule = "达到目标值得满分，未达到目标值不得分";
  await specToWorkbook({
    file: "缺分.xlsx",
    source: "test",
    sheets: [{ name: "表", rows: [["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"], ["产出", "数量", "完成数", "≥5个", "5个", 100, rule, null]], merges: [] }],
  }).xlsx.writeFile(file);
  const r = jx([file, "--formulas", "jx", "--option", "stepCounting=whole"]);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "缺分.checked.xlsx"));
  expect(wb.getWorksheet("表")!.getCell("H2").formula).toBe('JX.SCORE(G2,D2,E2,F2,"stepCounting=whole")');
  expect(jx([file, "--formulas", "公式"]).code).toBe(2);
});
