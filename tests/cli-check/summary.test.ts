/** jx check DIR --out OUT: the 校验汇总 workbook and --json summary; serial and parallel runs agree. */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";

jest.setTimeout(240000);

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples");
const SEED000 = "000-部门整体绩效自评表.xlsx";
const SEED001 = "001-指标体系评分表.xlsx";
const PROJECT = "项目支出绩效自评表-国家格式.xlsx";

function jx(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "check", ...args], { encoding: "utf8", cwd: ROOT, timeout: 230000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 报送/ with the three examples, one unreadable file, and a subfolder holding another copy of seeds/000. */
function folder(): { dir: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), "jx-summary-"));
  const input = join(dir, "报送");
  mkdirSync(join(input, "乙县"), { recursive: true });
  for (const f of [SEED000, SEED001, PROJECT]) copyFileSync(join(EXAMPLES, f), join(input, f));
  copyFileSync(join(EXAMPLES, SEED000), join(input, "乙县", "医保局.xlsx"));
  writeFileSync(join(input, "损坏.xlsx"), "这不是工作簿");
  return { dir, input };
}

function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === "object" && "hyperlink" in v) return (v as ExcelJS.CellHyperlinkValue).text;
  return v ?? null;
}

async function sheetRows(file: string, name: string): Promise<{ ws: ExcelJS.Worksheet; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push(Array.from({ length: ws.columnCount }, (_, c) => plain(ws.getRow(r).getCell(c + 1).value)));
  return { ws, rows };
}

describe("校验汇总", () => {
  test("a folder with known findings and one unreadable file: one row each, every finding linked to its copy", async () => {
    const { dir, input } = folder();
    const out = join(dir, "结果");
    const r = jx([input, "--out", out, "--json", "--jobs", "2"]);
    expect(r.code).toBe(2); // an unreadable file
    const doc = JSON.parse(r.stdout);
    const summaryFile = join(out, "校验汇总.xlsx");
    expect(existsSync(summaryFile)).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summaryFile);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题明细"]);

    const { ws, rows } = await sheetRows(summaryFile, "汇总");
    expect(rows[0]).toEqual([
      "序号", "文件", "单位名称", "表格类型", "工作表", "指标数", "权重合计", "自评总分", "计算总分", "差额", "自评等级", "计算等级", "错误", "警告", "提示", "备注（无法读取的原因等）",
    ]);
    expect(rows).toHaveLength(6);
    const byFile = (name: string) => rows.find((row) => String(row[1]).endsWith(name))!;
    // seeds/000: the three wrong scores, the block left empty, the total 96.5 vs 91.16.
    expect(byFile(SEED000).slice(2)).toEqual(["大厂回族自治县医疗保障局", "部门整体支出绩效自评表", "部门整体绩效自评表", 27, 100, 96.5, 91.16, 5.34, "优", "优", 3, 1, 1, null]);
    expect(byFile(join("乙县", "医保局.xlsx")).slice(2, 10)).toEqual(byFile(SEED000).slice(2, 10));
    // seeds/001: the unit from its title; weights that do not add up; no total row.
    expect(byFile(SEED001).slice(2, 9)).toEqual(["隆化县医疗保障局", "部门整体支出绩效评价评分表", "评分表", 17, 52, null, null]);
    expect(byFile(PROJECT).slice(2, 4)).toEqual(["大厂回族自治县医疗保障局", "项目支出绩效自评表"]);
    const bad = byFile("损坏.xlsx");
    expect(bad.slice(2, 15).every((v) => v === null)).toBe(true);
    expect(bad[15]).toMatch(/^无法读取文件“.*损坏\.xlsx”：不是有效的 \.xlsx 工作簿/);

    // The file column links to the checked copy, relative to the summary (subfolders kept).
    const linkOf = (row: number) => (ws.getRow(row).getCell(2).value as ExcelJS.CellHyperlinkValue).hyperlink;
    const rowOf = (name: string) => rows.findIndex((row) => String(row[1]).endsWith(name)) + 1;
    expect(linkOf(rowOf(SEED000))).toBe("000-部门整体绩效自评表.checked.xlsx");
    expect(linkOf(rowOf("医保局.xlsx"))).toBe("乙县/医保局.checked.xlsx");
    expect(existsSync(join(out, "乙县", "医保局.checked.xlsx"))).toBe(true);
    // Frozen header, filter over the table, number formats.
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:P6");
    expect(ws.getRow(rowOf(SEED000)).getCell(7).numFmt).toBe("0.00");
    expect(ws.getColumn(2).width).toBeGreaterThan(20);

    // 问题明细: every finding of every file, in file order, each linked to its cell in the copy.
    const details = await sheetRows(summaryFile, "问题明细");
    const findings = doc.files.flatMap((f: { file: string; findings: { sheet: string; cell: string; message: string }[] }) => f.findings.map((x) => ({ ...x, file: f.file })));
    expect(details.rows).toHaveLength(findings.length + 1);
    expect(details.rows[0]).toEqual(["序号", "文件", "工作表", "单元格", "问题类型", "严重程度", "表中数值", "计算值", "说明", "链接"]);
    const wrong = details.rows.find((row) => String(row[1]).endsWith(SEED000) && row[3] === "I50")!;
    expect(wrong.slice(4, 8)).toEqual(["得分与规则不符", "错误", 9.5, 5]);
    const i50 = details.rows.indexOf(wrong) + 1;
    expect((details.ws.getRow(i50).getCell(10).value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("000-部门整体绩效自评表.checked.xlsx#'部门整体绩效自评表'!I50");
    expect(details.rows.slice(1).map((row) => row[8])).toEqual(findings.map((f: { message: string }) => f.message));

    // --json: the same rows.
    expect(doc.summary).toHaveLength(5);
    const json000 = doc.summary.find((s: { file: string }) => s.file.endsWith(SEED000));
    expect(json000).toMatchObject({ unit: "大厂回族自治县医疗保障局", tableKind: "部门整体支出绩效自评表", indicators: 27, weightSum: 100, reportedTotal: 96.5, computedTotal: 91.16, difference: 5.34, errors: 3, warnings: 1, notes: 1, reason: null });
    expect(doc.summary.find((s: { file: string }) => s.file.endsWith("损坏.xlsx")).reason).toBe(bad[15]);
  });

  test("--summary names the file; an existing one is refused without --force; a single file gets none by default", () => {
    const { dir, input } = folder();
    const named = join(dir, "汇总表.xlsx");
    const r = jx([input, "--no-write", "--summary", named]);
    expect(r.code).toBe(2);
    expect(existsSync(named)).toBe(true);
    expect(r.stdout).toContain(`已写出校验汇总：${named}`);
    const again = jx([input, "--no-write", "--summary", named]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(jx([input, "--no-write", "--summary", named, "--force"]).stdout).toContain("已写出校验汇总");
    const single = join(dir, "单个");
    jx([join(input, SEED000), "--out", single]);
    expect(existsSync(join(single, "校验汇总.xlsx"))).toBe(false);
  });

  test("serial and parallel runs give the same reports and the same summary", () => {
    const { dir, input } = folder();
    for (let i = 0; i < 4; i++) copyFileSync(join(EXAMPLES, i % 2 ? SEED001 : PROJECT), join(input, `副本${i}.xlsx`));
    const serial = jx([input, "--no-write", "--json", "--jobs", "1"]);
    const parallel = jx([input, "--no-write", "--json", "--jobs", "3"]);
    expect(parallel.code).toBe(serial.code);
    const a = JSON.parse(serial.stdout);
    const b = JSON.parse(parallel.stdout);
    expect(a.files).toHaveLength(9);
    expect(b).toEqual(a);
    expect(a.summary.map((s: { errors: number }) => s.errors).some((n: number) => n > 0)).toBe(true);
    void dir;
  });

  test("progress: not a terminal -> only the final line on stderr", () => {
    const { input } = folder();
    const r = jx([input, "--no-write"]);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("已完成"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^已完成 5\/5，用时 \d+:\d\d（\d+\.\d 秒，每秒 \d+\.\d 个）$/);
    expect(r.stderr).not.toContain("\r");
  });
});
