/**
 * The browser page's preview in Debian's Chromium at 320 and 1280 px: clicking a finding keeps the indicator's
 * name in view beside its cell, a filled missing score shows its value, a bad file after a good one leaves
 * nothing of the good one. Run after `npm run build`; screenshots go to test-output/.
 */
import { existsSync, mkdirSync } from "fs";
import { join, resolve } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDir, type Served } from "./serve";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "test-output");
const EXAMPLE = join(ROOT, "examples", "000-部门整体绩效自评表.xlsx");

jest.setTimeout(120_000);

let served: Served;
let browser: Browser;

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

async function checked(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${served.url}/taskpane.html`);
  await page.locator('input[type="file"]').setInputFiles(EXAMPLE);
  await page.getByText(/已打开/).first().waitFor();
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByText(/识别到 1 张指标表/).first().waitFor();
  return page;
}

describe.each([320, 1280])("at %i px", (width) => {
  test("clicking a finding shows its cell with the indicator's name beside it, both in view", async () => {
    const page = await checked(width);
    // I50: 群众满意度, reported 9.5 where the rule gives 5 — the score column is far right of the name.
    await page.locator('[data-finding-kind="score-diverges"]', { hasText: "I50" }).first().click();
    const cell = page.locator('[data-cell="I50"]');
    await cell.waitFor();
    await page.waitForTimeout(300);
    const row = cell.locator("xpath=ancestor::tr[1]");
    const name = row.locator("[data-sticky]").nth(1);
    expect(await name.textContent()).toContain("群众满意度");
    const c = (await cell.boundingBox())!;
    const n = (await name.boundingBox())!;
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.x + n.width).toBeLessThanOrEqual(width);
    // The cell is wholly in view, to the right of the sticky name (not hidden under it).
    expect(c.x).toBeGreaterThanOrEqual(n.x + n.width - 1);
    expect(c.x + c.width).toBeLessThanOrEqual(width + 1);
    await page.screenshot({ path: join(OUT, `pane-${width}-preview-finding.png`), fullPage: true });
    await page.context().close();
  });

  test("the 合计 row's finding keeps its label in view too", async () => {
    const page = await checked(width);
    await page.locator('[data-finding-kind="total-diverges"]', { hasText: "I51" }).first().click();
    const cell = page.locator('[data-cell="I51"]');
    await cell.waitFor();
    const name = cell.locator("xpath=ancestor::tr[1]").locator("[data-sticky]").nth(1);
    expect(await name.textContent()).toContain("合计");
    await page.context().close();
  });

  test("a filled missing score shows its value in the preview", async () => {
    const page = await checked(width);
    await page.locator('[data-finding-kind="score-missing"]', { hasText: "I47" }).first().click();
    const cell = page.locator('[data-cell="I47"]');
    await cell.waitFor();
    expect(await cell.textContent()).toBe("10");
    expect(await cell.getAttribute("data-filled")).toBe("");
    // Its level-3 cell is empty: the sticky column shows the name the engine read, in view beside the cell.
    const name = cell.locator("xpath=ancestor::tr[1]").locator("[data-sticky]").nth(1);
    expect((await name.textContent())?.trim()).toBeTruthy();
    const n = (await name.boundingBox())!;
    expect(n.x + n.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(OUT, `pane-${width}-preview-filled.png`), fullPage: true });
    await page.context().close();
  });
});

test("a bad file after a good one: the header and 一键校验 are gone with the good one", async () => {
  const page = await checked(320);
  await page.locator('input[type="file"]').setInputFiles({ name: "坏文件.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a workbook") });
  await page.getByRole("alert").first().waitFor();
  expect(await page.getByText("000-部门整体绩效自评表.xlsx", { exact: true }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "一键校验" }).count()).toBe(0);
  await page.screenshot({ path: join(OUT, "pane-320-bad-file.png"), fullPage: true });
  await page.context().close();
});

test.each([320, 1280])("the template tab at %i px names the file it downloads", async (width) => {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByRole("tab", { name: "标准模板" }).click();
  await page.getByText("下载“部门整体支出绩效自评表.xlsx”", { exact: false }).waitFor();
  await page.getByRole("combobox", { name: "标准模板" }).selectOption("project");
  await page.getByText("下载“项目支出绩效自评表.xlsx”", { exact: false }).waitFor();
  expect(await page.getByText("模板名称.xlsx", { exact: false }).count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await page.screenshot({ path: join(OUT, `pane-${width}-template-name.png`), fullPage: true });
  await context.close();
});
