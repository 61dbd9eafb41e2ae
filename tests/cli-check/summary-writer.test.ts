/**
 * cli/commands/check-summary.ts SummaryWriter: the 校验汇总 written by its worker while reports come (in any
 * order), or written here at the end when the worker fails — the same workbook either way.
 */
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/check";
import { seed000, seed001, specToGrid } from "../../examples/specs";
import { SummaryWriter } from "../../cli/commands/check-summary";
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
  for (const i of order) writer.report(i, all[i]);
  return writer.finish(all);
}

describe("SummaryWriter", () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-summary-writer-"));
  const all = reports(dir);

  test("its worker writes the rows as the reports come, in the inputs' order whatever order they come in", async () => {
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
  });

  test("a worker that cannot start, or ends before answering: written here, the same workbook", async () => {
    const reference = join(dir, "按序.xlsx");
    const broken = join(dir, "无法启动.xlsx");
    const noWorker = () => {
      throw new Error("no worker");
    };
    expect(await written(new SummaryWriter(broken, false, noWorker), all, [0, 1, 2, 3])).toBeUndefined();
    const died = join(dir, "中途退出.xlsx");
    expect(await written(new SummaryWriter(died, false, () => new Worker("setTimeout(() => process.exit(3), 50)", { eval: true })), all, [0, 1, 2, 3])).toBeUndefined();
    expect(await cells(broken)).toEqual(await cells(reference));
    expect(await cells(died)).toEqual(await cells(reference));
  });

  test("a file that exists without --force: the reason in Chinese, the file left as it was", async () => {
    const file = join(dir, "已有.xlsx");
    writeFileSync(file, "别人的文件");
    const error = await written(new SummaryWriter(file, false), all, [0, 1, 2, 3]);
    expect(error).toMatch(/^无法写出校验汇总“.*已有\.xlsx”：/);
    expect(existsSync(file)).toBe(true);
    expect(await written(new SummaryWriter(file, true), all, [0, 1, 2, 3])).toBeUndefined();
    expect(await cells(file)).toEqual(await cells(join(dir, "按序.xlsx")));
  });

  test("a folder that cannot be made: the reason, and no hang", async () => {
    const blocker = join(dir, "是文件");
    writeFileSync(blocker, "x");
    const error = await written(new SummaryWriter(join(blocker, "汇总.xlsx"), false), all, [0, 1, 2, 3]);
    expect(error).toMatch(/^无法写出校验汇总/);
  });

  test("closed without a summary: the worker ends", async () => {
    let started: Worker | undefined;
    const writer = new SummaryWriter(join(dir, "不写.xlsx"), false, () => (started = new Worker("setInterval(() => {}, 1000)", { eval: true })));
    const exited = new Promise((resolve) => started!.once("exit", resolve));
    writer.close();
    await expect(exited).resolves.toBeDefined();
    expect(existsSync(join(dir, "不写.xlsx"))).toBe(false);
  });
});
