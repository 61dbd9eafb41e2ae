/** cli/commands/check-summary.ts SummaryWriter: the 校验汇总 is written by its worker, or here when the worker fails. */
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Worker } from "worker_threads";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/check";
import { buildSummary } from "../../src/check/summary";
import { seed000, specToGrid } from "../../examples/specs";
import { SummaryWriter } from "../../cli/commands/check-summary";

jest.setTimeout(120000);

function summary() {
  const check = checkWorkbook([specToGrid(seed000.sheets[0])]);
  return buildSummary([{ file: "县1/a.xlsx", link: "县1/a.checked.xlsx", tables: check.tables, findings: check.findings, unit: "某县某局", tableKind: "部门整体支出绩效自评表" }]);
}

async function sheets(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => `${w.name}:${w.rowCount}`);
}

describe("SummaryWriter", () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-summary-writer-"));

  test("its worker writes the workbook", async () => {
    const file = join(dir, "汇总.xlsx");
    expect(await new SummaryWriter().write(summary(), file, false)).toBeUndefined();
    expect(await sheets(file)).toEqual(["汇总:2", `问题明细:${summary().findings.rows.length + 1}`]);
  });

  test("a worker that cannot start, or ends before answering: written here, the same workbook", async () => {
    const broken = join(dir, "无法启动.xlsx");
    expect(
      await new SummaryWriter(() => {
        throw new Error("no worker");
      }).write(summary(), broken, false),
    ).toBeUndefined();
    const died = join(dir, "中途退出.xlsx");
    expect(await new SummaryWriter(() => new Worker("process.exit(3)", { eval: true })).write(summary(), died, false)).toBeUndefined();
    expect(await sheets(broken)).toEqual(await sheets(join(dir, "汇总.xlsx")));
    expect(await sheets(died)).toEqual(await sheets(join(dir, "汇总.xlsx")));
  });

  test("a file that exists without --force: the reason in Chinese, the file left as it was", async () => {
    const file = join(dir, "汇总.xlsx");
    const error = await new SummaryWriter().write(summary(), file, false);
    expect(error).toMatch(/^无法写出校验汇总“.*汇总\.xlsx”：/);
    expect(existsSync(file)).toBe(true);
  });

  test("closed without a summary: the worker ends", async () => {
    const started: Worker[] = [];
    const writer = new SummaryWriter(() => {
      const w = new Worker("setInterval(() => {}, 1000)", { eval: true });
      started.push(w);
      return w;
    });
    const exited = new Promise((resolve) => started[0].once("exit", resolve));
    writer.close();
    await expect(exited).resolves.toBeDefined();
  });
});
