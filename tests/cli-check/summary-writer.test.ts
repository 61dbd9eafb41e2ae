/**
 * cli/commands/check-summary.ts SummaryWriter: the 校验汇总's rows written while reports come (in any order),
 * the file at the end — never half-written, never over someone's file without --force; SummaryRows, the same rows
 * for --json when no workbook is written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/check";
import { seed000, seed001, specToGrid } from "../../examples/specs";
import { SummaryRows, SummaryWriter, summaryOf } from "../../cli/commands/check-summary";
import type { FileReport } from "../../cli/commands/check-output";

jest.setTimeout(120000);

function reports(dir: string): FileReport[] {
  const of = (spec: typeof seed000, file: string): FileReport => {
    const check = checkWorkbook(spec.sheets.map((s) => specToGrid(s)));
    return { file: join(dir, file), tables: check.tables, findings: check.findings, unit: "某县某局", tableKind: "部门整体支出绩效自评表" };
  };
  return [of(seed000, "甲.xlsx"), of(seed001, "乙.xlsx"), { file: join(dir, "坏.xlsx"), tables: [], findings: [], error: "无法检查文件“坏.xlsx”：不是工作簿" }, of(seed000, "丙.xlsx")];
}

/** Every cell of both sheets, as exceljs reads them back. */
async function cells(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return JSON.stringify(
    wb.worksheets.map((ws) => ({
      name: ws.name,
      filter: ws.autoFilter,
      rows: Array.from({ length: ws.rowCount }, (_, r) => Array.from({ length: ws.columnCount }, (_, c) => {
        const cell = ws.getRow(r + 1).getCell(c + 1);
        return [cell.value, cell.numFmt, cell.fill, cell.font];
      })),
    })),
  );
}

async function written(writer: SummaryWriter, all: FileReport[], order: number[]): Promise<string | undefined> {
  for (const i of order) writer.rows.report(i, all[i]);
  return writer.finish(all);
}

describe("SummaryWriter", () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-summary-writer-"));
  const all = reports(dir);

  test("rows go in in the inputs' order, whatever order the reports come in", async () => {
    const inOrder = join(dir, "按序.xlsx");
    expect(await written(new SummaryWriter(inOrder, false), all, [0, 1, 2, 3])).toBeUndefined();
    const shuffled = join(dir, "乱序.xlsx");
    expect(await written(new SummaryWriter(shuffled, false), all, [2, 0, 3, 1])).toBeUndefined();
    expect(await cells(shuffled)).toEqual(await cells(inOrder));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(inOrder);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题明细"]);
    expect(wb.getWorksheet("汇总")!.rowCount).toBe(5);
    expect(wb.getWorksheet("问题明细")!.rowCount).toBe(all.reduce((n, r) => n + r.findings.length, 0) + 1);
    expect(wb.getWorksheet("汇总")!.getRow(4).getCell(2).value).toEqual({ text: all[2].file, hyperlink: "坏.xlsx" });
    expect(wb.getWorksheet("汇总")!.getRow(2).getCell(1).value).toBe(1);
    expect(wb.getWorksheet("汇总")!.getRow(5).getCell(2).value).toEqual({ text: all[3].file, hyperlink: "丙.xlsx" });
  });

  test("a report missing at the end: the reason in Chinese, no file", async () => {
    const file = join(dir, "缺一个.xlsx");
    const error = await written(new SummaryWriter(file, false), all, [0, 1, 3]);
    expect(error).toMatch(/^无法写出校验汇总“.*缺一个\.xlsx”：内部错误（应有4个文件，只收到2个）$/);
    expect(existsSync(file)).toBe(false);
  });

  test("a file that exists without --force: the reason in Chinese, the file left as it was", async () => {
    const file = join(dir, "已有.xlsx");
    writeFileSync(file, "别人的文件");
    const error = await written(new SummaryWriter(file, false), all, [0, 1, 2, 3]);
    expect(error).toMatch(/^无法写出校验汇总“.*已有\.xlsx”：/);
    expect(readFileSync(file, "utf8")).toBe("别人的文件");
    expect(await written(new SummaryWriter(file, true), all, [0, 1, 2, 3])).toBeUndefined();
    expect(await cells(file)).toEqual(await cells(join(dir, "按序.xlsx")));
  });

  test("a folder that cannot be made: the reason, and no hang", async () => {
    const blocker = join(dir, "是文件");
    writeFileSync(blocker, "x");
    const error = await written(new SummaryWriter(join(blocker, "汇总.xlsx"), false), all, [0, 1, 2, 3]);
    expect(error).toMatch(/^无法写出校验汇总/);
  });
});

describe("SummaryRows (--json without a 校验汇总)", () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-summary-rows-"));
  const all = reports(dir);

  test("the rows of every file, in the inputs' order, as the whole list gives them; none until every report is in", () => {
    const rows = new SummaryRows(undefined);
    for (const i of [3, 1]) rows.report(i, all[i]);
    expect(rows.count).toBe(0);
    expect(rows.jsonRows(all.length)).toBeUndefined();
    for (const i of [0, 2]) rows.report(i, all[i]);
    expect(rows.count).toBe(4);
    expect(rows.jsonRows(all.length)).toEqual(summaryOf(all).json);
    expect(rows.jsonRows(all.length)!.map((r) => r.file)).toEqual(all.map((r) => r.file));
  });

  test("the writer's --json rows are its workbook's, linked from it", async () => {
    const file = join(dir, "汇总.xlsx");
    const writer = new SummaryWriter(file, false);
    expect(await written(writer, all, [1, 0, 3, 2])).toBeUndefined();
    expect(writer.rows.jsonRows(all.length)).toEqual(summaryOf(all, file).json);
    expect(writer.rows.jsonRows(all.length)![2].link).toBe("坏.xlsx");
  });
});
