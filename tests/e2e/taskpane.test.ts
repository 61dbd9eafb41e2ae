/**
 * The built task pane in Debian's Chromium, as an official without the add-in uses it: open an examples/
 * workbook, 一键校验, read the findings, download the checked copy and verify it with exceljs.
 * Run by `npm run test:e2e` after `npm run build`. Screenshots go to test-output/.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync } from "fs";
import { join, resolve } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { readGrids } from "../../src/adapters/xlsx";
import { checkWorkbook, type WorkbookCheck } from "../../src/check";
import { listTemplates } from "../../src/templates";
import { serveDir, type Served } from "./serve";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "test-output");
const EXAMPLE = join(ROOT, "examples", "000-部门整体绩效自评表.xlsx");

jest.setTimeout(120_000);

let served: Served;
let browser: Browser;
const outside: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html 不存在：请先运行 npm run build（npm run test:e2e 会先构建）。");
  mkdirSync(OUT, { recursive: true });
  served = await serveDir(DIST);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function openPane(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  // Nothing may leave the machine: every request must go to the local server.
  page.on("request", (req) => {
    if (!req.url().startsWith(served.url) && !req.url().startsWith("blob:") && !req.url().startsWith("data:")) outside.push(req.url());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByRole("button", { name: "打开 Excel 文件" }).waitFor();
  return page;
}

async function engineResult(): Promise<WorkbookCheck> {
  return checkWorkbook(await readGrids(EXAMPLE));
}

describe("task pane in a plain browser", () => {
  test("opens without Office: the browser mode, office.js served locally, no request leaves localhost", async () => {
    const page = await openPane(320);
    await page.screenshot({ path: join(OUT, "pane-320-start.png"), fullPage: true });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("JX 绩效自评表评分");
    expect(await page.getByText("浏览器模式", { exact: false }).count()).toBe(1);
    expect(served.requests).toContain("/office-js/office.js");
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  test("keyboard only: Tab to 一键校验, Enter, Tab to a finding", async () => {
    const page = await openPane(320);
    await page.locator('input[type="file"]').setInputFiles(EXAMPLE);
    await page.getByText(/已打开/).waitFor();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    for (let i = 0; i < 10 && (await focusedText()) !== "一键校验"; i++) await page.keyboard.press("Tab");
    expect(await focusedText()).toBe("一键校验");
    await page.keyboard.press("Enter");
    await page.getByText(/发现 \d+ 个问题/).waitFor();
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.hasAttribute("data-finding-kind") ?? false);
    }
    expect(reached).toBe(true);
    await page.screenshot({ path: join(OUT, "pane-320-keyboard.png") });
    await page.context().close();
  });

  test("checks an example workbook, shows its findings, downloads a checked copy exceljs can read", async () => {
    const expected = await engineResult();
    const page = await openPane(320);
    await page.locator('input[type="file"]').setInputFiles(EXAMPLE);
    await page.getByText(/已打开/).waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByText(`发现 ${expected.findings.length} 个问题（所选表）`).waitFor();

    // Tables found, summary and every finding the engine reports, each under its severity and kind.
    expect(await page.getByRole("table", { name: "识别到的指标表" }).textContent()).toContain(expected.tables[0].range);
    const summary = await page.getByLabel("汇总").textContent();
    expect(summary).toContain(String(expected.tables[0].total.reported));
    expect(summary).toContain(String(expected.tables[0].total.computed));
    const info = page.getByRole("button", { name: /^提示/ });
    if (await info.count()) await info.click(); // info findings start folded
    for (const f of expected.findings) {
      const button = page.locator(`[data-finding-kind="${f.kind}"]`, { hasText: f.cell });
      expect(await button.count()).toBeGreaterThan(0);
    }
    expect(await page.locator("[data-finding-kind]").count()).toBe(expected.findings.length);
    await page.screenshot({ path: join(OUT, "pane-320-findings.png"), fullPage: true });

    // Clicking a finding opens the preview with the cell highlighted.
    const first = expected.findings.find((f) => f.severity === "error")!;
    await page.locator(`[data-finding-kind="${first.kind}"]`, { hasText: first.cell }).first().click();
    const highlighted = page.locator(`[data-cell="${first.cell}"]`);
    await highlighted.waitFor();
    expect(await highlighted.getAttribute("data-severity")).toBe("error");
    const background = await highlighted.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    await page.screenshot({ path: join(OUT, "pane-320-preview.png"), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载校验副本" }).click()]);
    expect(download.suggestedFilename()).toBe("000-部门整体绩效自评表.checked.xlsx");
    const saved = join(OUT, download.suggestedFilename());
    await download.saveAs(saved);
    await page.getByText(/已下载/).waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const findingsSheet = wb.getWorksheet("校验结果");
    expect(findingsSheet).toBeDefined();
    expect(findingsSheet!.actualRowCount).toBe(expected.findings.length + 1);
    const ws = wb.getWorksheet(expected.tables[0].sheet)!;
    for (const f of expected.findings) {
      const cell = ws.getCell(f.cell);
      expect(cell.note).toBeDefined();
      expect((cell.fill as ExcelJS.FillPattern | undefined)?.pattern).toBe("solid");
    }
    const missing = expected.findings.find((f) => f.kind === "score-missing" && typeof f.computed === "number");
    if (missing) expect(ws.getCell(missing.cell).value).toBe(missing.computed);
    // Recheck the copy: the filled score is no longer missing.
    const recheck = checkWorkbook((await readGrids(saved)).filter((g) => g.name !== "校验结果"));
    expect(recheck.findings.filter((f) => f.kind === "score-missing")).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  test("标准模板: 下载标准模板 saves <模板名称>.xlsx with the table and 说明 sheets and native score formulas", async () => {
    const template = listTemplates().find((t) => t.id === "dept-self")!;
    const page = await openPane(320);
    await page.getByRole("tab", { name: "标准模板" }).click();
    await page.getByRole("combobox", { name: "标准模板" }).selectOption(template.id);
    await page.getByRole("switch", { name: "填入示例数据" }).check();
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    // Nothing wider than the pane: a long template name must not make it scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(OUT, "pane-320-templates.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载标准模板" }).click()]);
    expect(download.suggestedFilename()).toBe(`${template.name}.xlsx`);
    const saved = join(OUT, download.suggestedFilename());
    await download.saveAs(saved);
    await page.getByText(`已下载 ${template.name}.xlsx。`).waitFor();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    expect(wb.worksheets.map((w) => w.name)).toEqual([template.name, "说明"]);
    // Native formulas: some score cell holds a formula of built-in functions (no JX.), over an example actual.
    const formulas: string[] = [];
    wb.getWorksheet(template.name)!.eachRow((row) => row.eachCell((c) => void (typeof c.formula === "string" && formulas.push(c.formula))));
    expect(formulas.some((f) => /^IF\([A-Z]+\d+="","",.*ROUND\(/.test(f))).toBe(true);
    expect(formulas.some((f) => f.includes("JX."))).toBe(false);
    // The engine checks the example-filled template like any table: one table, no missing scores.
    const check = checkWorkbook((await readGrids(saved)).filter((g) => g.name === template.name));
    expect(check.tables).toHaveLength(1);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  test("a file that is not a workbook gives a Chinese error, not a crash", async () => {
    const page = await openPane(480);
    await page.locator('input[type="file"]').setInputFiles({ name: "说明.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("这不是工作簿") });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("无法读取文件“说明.xlsx”");
    expect(await alert.textContent()).not.toContain("zip"); // no untranslated JSZip message
    await page.screenshot({ path: join(OUT, "pane-480-error.png"), fullPage: true });
    await page.context().close();
  });
});
