/**
 * The plain browser page with several files and with a folder (Debian's Chromium): each checked in the page,
 * one line per file, and the 校验汇总 workbook downloaded and read back with exceljs — the same rows as the
 * engine gives for those files. Nothing leaves the local server. Run by `npm run test:e2e` after the build.
 */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDir, type Served } from "./serve";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "test-output");
const EXAMPLES = join(ROOT, "examples");
const SEED000 = "000-部门整体绩效自评表.xlsx";
const SEED001 = "001-指标体系评分表.xlsx";
const PROJECT = "项目支出绩效自评表-国家格式.xlsx";

jest.setTimeout(180_000);

let served: Served;
let browser: Browser;
const outside: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html 不存在：请先运行 npm run build（npm run test:e2e 会先构建）。");
  mkdirSync(OUT, { recursive: true });
  served = await serveDir(DIST);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(`${served.url}/`) && !url.startsWith("blob:") && !url.startsWith("data:")) outside.push(url);
  });
  const page = await context.newPage();
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByRole("button", { name: "打开 Excel 文件" }).waitFor();
  return page;
}

/** A folder as an official has it: the three examples, a subfolder, a file that is not a workbook, a lock file. */
function submissions(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "jx-e2e-batch-")), "报送");
  mkdirSync(join(dir, "乙县"), { recursive: true });
  for (const f of [SEED000, SEED001, PROJECT]) copyFileSync(join(EXAMPLES, f), join(dir, f));
  copyFileSync(join(EXAMPLES, SEED000), join(dir, "乙县", "医保局.xlsx"));
  writeFileSync(join(dir, "损坏.xlsx"), "这不是工作簿");
  writeFileSync(join(dir, "~$锁定.xlsx"), "Excel 的锁文件");
  return dir;
}

async function downloadedSummary(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载校验汇总" }).click()]);
  expect(download.suggestedFilename()).toBe("校验汇总.xlsx");
  const path = join(OUT, `batch-${Date.now()}-校验汇总.xlsx`);
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const cellText = (v: ExcelJS.CellValue) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : v);

describe("browser page: several files → 校验汇总", () => {
  test("several files picked: one line each, progress shown, the summary downloaded with the known findings", async () => {
    const dir = submissions();
    const page = await openPage();
    await page.locator('input[type="file"]').setInputFiles([SEED000, SEED001, PROJECT, "损坏.xlsx"].map((f) => join(dir, f)));
    await page.getByTestId("batch-view").waitFor();
    await expectCount(page.getByTestId("batch-file"), 4);
    await page.getByText(/已检查 4 个文件（1 个无法读取）/).waitFor();
    await page.screenshot({ path: join(OUT, "batch-files.png"), fullPage: true });
    const view = await page.getByTestId("batch-view").innerText();
    expect(view).toContain("大厂回族自治县医疗保障局");
    expect(view).toContain("自评总分96.5／计算总分91.16");
    expect(view).toContain("无法读取文件“损坏.xlsx”");

    const wb = await downloadedSummary(page);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题明细"]);
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.rowCount).toBe(5);
    const rows = [2, 3, 4, 5].map((r) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1).map(cellText));
    const seed = rows.find((r) => r[1] === SEED000)!;
    expect(seed.slice(2, 15)).toEqual(["大厂回族自治县医疗保障局", "部门整体支出绩效自评表", "部门整体绩效自评表", 27, 100, 96.5, 91.16, 5.34, "优", "优", 3, 1, 1]);
    expect(rows.find((r) => r[1] === "损坏.xlsx")![15]).toMatch(/无法读取文件“损坏\.xlsx”/);
    const details = wb.getWorksheet("问题明细")!;
    const i50 = (details.getSheetValues() as ExcelJS.CellValue[][]).find((r) => r && r[2] === SEED000 && r[4] === "I50")!;
    expect(i50.slice(5, 9)).toEqual(["得分与规则不符", "错误", 9.5, 5]);
    expect(outside).toEqual([]);
  });

  test("a folder picked with 打开文件夹: its subfolders kept in the paths, lock files and non-workbooks left out", async () => {
    const dir = submissions();
    const page = await openPage();
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "打开文件夹" }).click()]);
    await chooser.setFiles(dir);
    await page.getByTestId("batch-view").waitFor();
    await expectCount(page.getByTestId("batch-file"), 5);
    const view = await page.getByTestId("batch-view").innerText();
    expect(view).toContain("报送/乙县/医保局.xlsx");
    expect(view).not.toContain("锁定");
    const wb = await downloadedSummary(page);
    expect(wb.getWorksheet("汇总")!.rowCount).toBe(6);
    expect(outside).toEqual([]);
  });
});

// playwright-core has no test runner, so no expect for locators: a small poll for a count.
async function expectCount(locator: ReturnType<Page["getByTestId"]>, n: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await locator.count()) !== n) {
    if (Date.now() > deadline) throw new Error(`期望 ${n} 个，实际 ${await locator.count()} 个`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
