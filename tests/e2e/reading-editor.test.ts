/**
 * The browser page's 识别情况 in Debian's Chromium at 320 px: a column's role corrected with the keyboard
 * changes the findings; 识别所选区域 with a typed range reads a table JX did not find, once the user gives
 * its columns their roles. Run after `npm run build`; screenshots go to test-output/.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync } from "fs";
import { join, resolve } from "path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { serveDir, type Served } from "./serve";

const ROOT = resolve(__dirname, "../..");
// JX_E2E_DIST: a build of one's own elsewhere, where others share the tree (npm run build writes dist/).
const DIST = process.env.JX_E2E_DIST ?? join(ROOT, "dist");
const OUT = join(ROOT, "test-output");
const EXAMPLE = join(ROOT, "examples", "000-部门整体绩效自评表.xlsx");
const UNKNOWN = join(OUT, "reading-editor-unknown.xlsx");
const WIDTH = 320;

jest.setTimeout(180_000);

let served: Served;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html 不存在：请先运行 npm run build（npm run test:e2e 会先构建）。");
  mkdirSync(OUT, { recursive: true });
  // Header words JX does not know: no table is found until the user says which column is what.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRows([["某项目得分情况"], ["项目", "满额", "所得"], ["资金到位率", 60, 50], ["群众满意度", 40, 45]]);
  await wb.xlsx.writeFile(UNKNOWN);
  served = await serveDir(DIST);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

async function checked(file: string, tables: RegExp): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${served.url}/taskpane.html`);
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByText(/已打开/).first().waitFor();
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByText(tables).first().waitFor();
  return page;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
/** An element's top and bottom on the page (not the viewport), in CSS pixels. */
const box = (locator: Locator) => locator.evaluate((el) => ({ top: el.getBoundingClientRect().top + window.scrollY, bottom: el.getBoundingClientRect().bottom + window.scrollY }));

test("a column's role corrected with the keyboard re-checks: the findings change", async () => {
  const page = await checked(EXAMPLE, /识别到 1 张指标表/);
  const card = page.getByLabel("识别情况");
  await card.waitFor();
  // Folded to its summary at first: a short card (listed, the 9 columns took some 900 px), the findings right under it.
  const fold = card.getByRole("button", { expanded: false });
  expect(await fold.textContent()).toMatch(/^已识别：名称 A–C，权重 F，评分规则 H，自评得分 I；读取 \d+ 行$/);
  expect(await page.getByRole("combobox", { name: /^F 列/ }).count()).toBe(0);
  const folded = await box(card);
  expect(folded.bottom - folded.top).toBeLessThan(250);
  const findingsTop = (await box(page.getByRole("heading", { name: /^发现 \d+ 个问题/ }))).top;
  expect(findingsTop - folded.bottom).toBeLessThan(40);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(WIDTH);
  await page.screenshot({ path: join(OUT, "reading-320-folded.png"), fullPage: true });
  // Unfolded with the keyboard: every column with its role.
  await fold.focus();
  await page.keyboard.press("Enter");
  await card.getByText("自动识别：表头第23行").waitFor();
  await card.getByRole("button", { expanded: true }).waitFor();
  const weight = page.getByRole("combobox", { name: /^F 列/ });
  expect(await weight.textContent()).toBe("权重");
  const heading = page.getByRole("heading", { name: /^发现 \d+ 个问题/ });
  const before = await heading.textContent();
  expect(await page.getByText(/未识别到权重列/).count()).toBe(0);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(WIDTH);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "reading-320-detected.png"), fullPage: true });
  await card.screenshot({ path: join(OUT, "reading-320-columns.png") });

  // Keyboard only: focus the dropdown, open it, go to the last role (忽略), choose it.
  await weight.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "忽略" }).waitFor();
  await page.screenshot({ path: join(OUT, "reading-320-dropdown.png") });
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.getByText(/已按更正重新校验/).first().waitFor();
  expect(await page.getByRole("combobox", { name: /^F 列/ }).textContent()).toBe("忽略");
  await page.getByText(/未识别到权重列，未核对得分/).first().waitFor();
  expect(await heading.textContent()).not.toBe(before);
  expect(await page.getByText(/^按指定的表格与列读取：表头第23行/).count()).toBe(1);
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(WIDTH);
  await page.screenshot({ path: join(OUT, "reading-320-corrected.png"), fullPage: true });

  // 恢复自动识别 brings the weights back.
  await page.getByRole("button", { name: "恢复自动识别" }).click();
  await page.getByText(/已恢复自动识别/).first().waitFor();
  expect(await heading.textContent()).toBe(before);
  await page.context().close();
});

test("识别所选区域: a typed range read as a table once its columns are given roles", async () => {
  const page = await checked(UNKNOWN, /识别到 0 张指标表/);
  await page.getByText(/未找到指标表？写明指标表所在区域/).waitFor();
  await page.getByRole("textbox", { name: "表格区域" }).fill("Sheet1!A2:C4");
  await page.getByRole("textbox", { name: "表格区域" }).press("Enter");
  await page.getByText(/Sheet1!A2:C4 未能读作指标表/).first().waitFor();
  // A range still to be given roles opens unfolded.
  expect(await page.getByRole("combobox").allTextContents()).toEqual(["忽略", "忽略", "忽略"]);
  for (const [column, role] of [["A", "三级指标"], ["B", "权重"], ["C", "自评得分"]]) {
    await page.getByRole("combobox", { name: new RegExp(`^${column} 列`) }).click();
    await page.getByRole("option", { name: role, exact: true }).click();
    await page.getByRole("combobox", { name: new RegExp(`^${column} 列`) }).filter({ hasText: role }).waitFor();
  }
  await page.getByText(/识别到 1 张指标表/).first().waitFor();
  // 群众满意度: 45 reported against a weight of 40 — the one error, under 错误.
  await page.getByRole("button", { name: /^错误/ }).click();
  await page.locator('[data-finding-kind="score-exceeds-weight"]', { hasText: "C4" }).first().waitFor();
  expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(WIDTH);
  await page.screenshot({ path: join(OUT, "reading-320-range.png"), fullPage: true });
  await page.context().close();
});
