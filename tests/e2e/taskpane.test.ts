/**
 * The built task pane in Debian's Chromium, as an official without the add-in uses it: open an examples/
 * workbook, 一键校验, read the findings, download the checked copy and verify it with exceljs.
 * Every request of every page, frame and worker is watched: nothing may leave the local server, office.js
 * is never loaded (taskpane.html is the plain-browser page; Excel loads excel.html), and the page's
 * Content-Security-Policy reports no violation while the pane works.
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
/** Every URL requested by the pages (the local ones too), in order. */
const requested: string[] = [];
/** Requests that failed, with Chromium's reason ("net::ERR_BLOCKED_BY_CSP", or "csp" for a script, when the policy stopped them). */
const failed: { url: string; error: string }[] = [];
const isLocal = (url: string) => url.startsWith(`${served.url}/`) || url.startsWith("blob:") || url.startsWith("data:");

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
  // Nothing may leave the machine: every request of the context (pages, frames, workers) must go to the
  // local server; a WebSocket anywhere counts as leaving.
  context.on("request", (req) => {
    requested.push(req.url());
    if (!isLocal(req.url())) outside.push(req.url());
  });
  context.on("requestfailed", (req) => failed.push({ url: req.url(), error: req.failure()?.errorText ?? "" }));
  // What the Content-Security-Policy blocked (the listener is injected by Playwright, outside the policy).
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on("websocket", (ws) => outside.push(ws.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByRole("button", { name: "打开 Excel 文件" }).waitFor();
  return page;
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function engineResult(): Promise<WorkbookCheck> {
  return checkWorkbook(await readGrids(EXAMPLE));
}

describe("task pane in a plain browser", () => {
  test("opens without Office: the browser mode, no office.js loaded, no request leaves localhost", async () => {
    const page = await openPane(320);
    await page.screenshot({ path: join(OUT, "pane-320-start.png"), fullPage: true });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("JX 绩效自评表评分");
    expect(await page.getByText("浏览器模式", { exact: false }).count()).toBe(1);
    // No office.js (nor the functions bundle, which needs it) on the plain-browser page.
    expect(served.requests.filter((p) => p.startsWith("/office-js/") || p === "/functions.js")).toEqual([]);
    expect(page.frames()).toHaveLength(1);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("the Content-Security-Policy allows this site only: a request elsewhere is blocked before it is sent", async () => {
    const page = await openPane(480);
    const outsideBefore = outside.length;
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // A fetch, an image and a script elsewhere: refused by the policy, never requested.
    const results = await page.evaluate(async () => {
      const fetched = await fetch("http://198.51.100.7/jx").then(
        () => "sent",
        () => "blocked",
      );
      const img = new Image();
      img.src = "http://198.51.100.7/jx.png";
      const script = document.createElement("script");
      script.src = "http://198.51.100.7/jx.js";
      document.head.appendChild(script);
      await new Promise((r) => setTimeout(r, 300));
      return fetched;
    });
    expect(results).toBe("blocked");
    const blocked = await cspViolations(page);
    expect(blocked).toEqual(
      expect.arrayContaining([expect.stringMatching(/^connect-src http:\/\/198\.51\.100\.7/), expect.stringMatching(/^img-src http:\/\/198\.51\.100\.7/), expect.stringMatching(/^script-src(-elem)? http:\/\/198\.51\.100\.7/)]),
    );
    // Chromium reports the image and the script as requests that failed, blocked by the policy (the
    // fetch not at all): none reached the network. They are this test's own, not the pane's.
    const attempted = outside.splice(outsideBefore);
    expect(attempted.length).toBeGreaterThan(0);
    for (const url of attempted) expect(failed.find((f) => f.url === url)).toEqual({ url, error: expect.stringMatching(/^(net::ERR_BLOCKED_BY_CSP|csp)$/) });
    expect(outside).toEqual([]);
    await page.context().close();
  });

  test("for 10 s after load and through open, check, download and a template, no request leaves this site and the policy blocks nothing", async () => {
    const loadedAt = Date.now();
    const before = requested.length;
    const page = await openPane(480);
    await page.locator('input[type="file"]').setInputFiles(EXAMPLE);
    await page.getByText(/已打开/).waitFor();
    await page.getByRole("button", { name: "一键校验" }).click();
    await page.getByText(/发现 \d+ 个问题/).waitFor();
    const [copy] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载校验副本" }).click()]);
    await copy.path();
    await page.getByRole("tab", { name: "标准模板" }).click();
    await page.getByRole("combobox", { name: "标准模板" }).selectOption("dept-self");
    const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载标准模板" }).click()]);
    await template.path();
    // office.js opened its telemetry frame a few seconds after load: keep watching well past that.
    const lastAction = Date.now();
    await page.waitForTimeout(Math.max(10_000 - (lastAction - loadedAt), 0) + 3_000);
    expect(Date.now() - loadedAt).toBeGreaterThanOrEqual(10_000);
    const mine = requested.slice(before);
    expect(mine.some((u) => u.endsWith("/exceljs.js"))).toBe(true); // the on-demand chunk was watched too
    expect(mine.filter((u) => /office(-js)?\/|office\.js|functions\.js/.test(new URL(u).pathname))).toEqual([]);
    expect(page.frames()).toHaveLength(1);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
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
    // A header, one row per finding, and one 识别情况 row per table (what was read).
    expect(findingsSheet!.actualRowCount).toBe(1 + expected.findings.length + expected.tables.length);
    const readRows: string[] = [];
    findingsSheet!.eachRow((row) => {
      if (row.values && (row.values as unknown[]).includes("识别情况")) readRows.push(String(row.getCell(8).value));
    });
    expect(readRows).toHaveLength(expected.tables.length);
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
