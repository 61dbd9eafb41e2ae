/**
 * The built pane in Excel mode (excel.html, the page the manifest names), in Chromium, with office.js replaced by a stand-in host holding the
 * example workbook (tests/e2e/fake-office.ts): 一键校验, select a finding, 标注差异, 撤销, at 320px.
 */
import { mkdirSync } from "fs";
import { join, resolve } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { readGrids } from "../../src/adapters/xlsx";
import { parseA1, parseRangeA1 } from "../../src/sheet/address";
import type { Grid } from "../../src/sheet/types";
import { makePlan, runCheck } from "../../taskpane/state/engine";
import { BUILTIN_DEFAULTS } from "../../taskpane/state/settings";
import ExcelJS from "exceljs";
import { findTemplate } from "../../src/templates";
import { fakeOfficeScript } from "./fake-office";
import { serveDir, type Served } from "./serve";

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "test-output");

jest.setTimeout(120_000);

let served: Served;
let browser: Browser;
let grid: Grid;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [grid] = await readGrids(join(ROOT, "examples", "000-部门整体绩效自评表.xlsx"));
  // JX_E2E_DIST: a build of one's own elsewhere, where others share the tree (npm run build writes dist/).
  served = await serveDir(process.env.JX_E2E_DIST ?? join(ROOT, "dist"));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

type Jx = {
  syncs: number;
  writes: { address?: string; values?: unknown; formulas?: unknown; cellProperties?: unknown; protection?: string }[];
  notes: { address: string; text: string }[];
  selected: string[];
  inserted: { base64: string; options: unknown }[];
  deleted: string[];
};
/** The last value written to a cell, whether alone ("I50") or in a column run ("I49:I50"). */
function lastValueWritten(writes: Jx["writes"], cell: string): unknown {
  const target = parseA1(cell)!;
  let found: unknown = undefined;
  for (const w of writes) {
    const range = w.address ? parseRangeA1(w.address) : null;
    if (!range || !w.values || range.left !== target.col || target.row < range.top || target.row > range.bottom) continue;
    found = (w.values as unknown[][])[target.row - range.top][0];
  }
  return found;
}

const jx = (page: Page) => page.evaluate(() => (window as unknown as { __jx: Jx }).__jx);

test("in Excel: 一键校验, select a finding, 标注差异 in two syncs, 撤销", async () => {
  const expected = runCheck([grid], BUILTIN_DEFAULTS);
  const page = await browser.newPage({ viewport: { width: 320, height: 1000 }, locale: "zh-CN" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/office-js/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: fakeOfficeScript(grid) }));
  await page.goto(`${served.url}/excel.html`);
  await page.getByText("Excel 加载项").waitFor();
  await page.screenshot({ path: join(OUT, "excel-320-start.png"), fullPage: true });

  await page.getByRole("button", { name: "一键校验", exact: true }).click();
  const errorCount = expected.findings.filter((f) => f.severity === "error").length;
  await page.getByText(`校验完成：${expected.findings.length} 个问题，其中错误 ${errorCount} 个。`).waitFor();
  expect((await jx(page)).syncs).toBe(1);
  await page.screenshot({ path: join(OUT, "excel-320-findings.png"), fullPage: true });

  const target = expected.findings.find((f) => f.severity === "error")!;
  await page.locator(`[data-finding-kind="${target.kind}"]`, { hasText: target.cell }).first().click();
  await page.waitForFunction((cell) => (window as unknown as { __jx: Jx }).__jx.selected.includes(cell), target.cell);

  await page.getByRole("button", { name: "标注差异", exact: true }).click();
  await page.getByText(/标注差异完成/).waitFor();
  const after = await jx(page);
  expect(after.syncs).toBe(3); // check (1) + select (1) + annotate (1): the annotate reused the check's read
  const cells = new Set(expected.findings.map((f) => f.cell));
  expect(new Set(after.notes.map((n) => n.address))).toEqual(cells);
  expect(after.writes.filter((w) => w.cellProperties)).toHaveLength(1);
  await page.screenshot({ path: join(OUT, "excel-320-annotated.png"), fullPage: true });

  await page.getByRole("button", { name: "撤销“标注差异”" }).click();
  await page.getByText("已撤销“标注差异”。").waitFor();

  // 填写自评得分 with overwrite: a dialog asks first.
  await page.getByRole("checkbox", { name: /同时覆盖/ }).check();
  await page.getByRole("button", { name: "填写自评得分", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain("覆盖自评得分？");
  // Let Fluent's open animation finish so the screenshot shows the dialog, not a fade.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: join(OUT, "excel-320-confirm.png") });
  const syncsBeforeFill = (await jx(page)).syncs;
  await dialog.getByRole("button", { name: "确认覆盖" }).click();
  await page.getByText(/填写自评得分完成：写入得分 \d+ 处/).waitFor();
  const diverging = expected.findings.find((f) => f.kind === "score-diverges" && f.severity === "error")!;
  const written = (await jx(page)).writes;
  expect(lastValueWritten(written, diverging.cell)).toBe(diverging.computed);
  // The findings shown are those of the sheet as written (its score cells as the stand-in received them),
  // checked on the read the fill was made on: the write was the only sync after the dialog's check.
  const scoreCells = makePlan(expected, { fillMissing: true, annotate: false, overwriteDiverging: true, formulas: "values" }).actions.filter((a) => a.kind === "set-value");
  const sheetNow: Grid = { ...grid, cells: grid.cells.map((row) => (row ? row.slice() : [])) };
  for (const a of scoreCells) {
    const at = parseA1(a.cell)!;
    sheetNow.cells[at.row][at.col] = { value: lastValueWritten(written, a.cell) as number, numFmt: grid.cells[at.row]?.[at.col]?.numFmt ?? null, formula: null };
  }
  const afterFill = runCheck([sheetNow], BUILTIN_DEFAULTS);
  expect(afterFill.findings.length).toBeLessThan(expected.findings.length);
  await page.getByRole("heading", { name: `发现 ${afterFill.findings.length} 个问题（所选表）` }).waitFor();
  expect((await jx(page)).syncs).toBe(syncsBeforeFill + 1);
  // 撤销: the sheet's scores back, and the findings with them (no read).
  await page.getByRole("button", { name: "撤销“填写自评得分”" }).click();
  await page.getByText("已撤销“填写自评得分”。").waitFor();
  await page.getByRole("heading", { name: `发现 ${expected.findings.length} 个问题（所选表）` }).waitFor();

  await page.getByRole("tab", { name: "设置" }).click();
  await page.getByRole("button", { name: /保存设置/ }).waitFor();
  await page.screenshot({ path: join(OUT, "excel-320-settings.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

test("in Excel: 插入标准模板 with JX formulas inserts the template's sheets in one write sync; 撤销 deletes them", async () => {
  const template = findTemplate("verify")!;
  const page = await browser.newPage({ viewport: { width: 320, height: 1000 }, locale: "zh-CN" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/office-js/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: fakeOfficeScript(grid, [template.name, "说明"]) }));
  await page.goto(`${served.url}/excel.html`);
  await page.getByText("Excel 加载项").waitFor();
  await page.getByRole("tab", { name: "标准模板" }).click();
  await page.getByRole("combobox", { name: "标准模板" }).selectOption(template.id);
  await page.getByRole("radiogroup", { name: "得分公式" }).getByRole("radio", { name: /JX 公式/ }).check();
  await page.screenshot({ path: join(OUT, "excel-320-templates.png"), fullPage: true });
  await page.getByRole("button", { name: "插入标准模板" }).click();
  await page.getByText(new RegExp(`已在工作簿末尾插入工作表 “${template.name}”和“说明”`)).waitFor();
  await page.screenshot({ path: join(OUT, "excel-320-template-inserted.png"), fullPage: true });
  const after = await jx(page);
  expect(after.syncs).toBe(2); // the sheet names (1), then insert + formula re-entry + activate (1)
  expect(after.inserted).toHaveLength(1);
  expect(after.inserted[0].options).toEqual({ positionType: "End" });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(after.inserted[0].base64, "base64") as unknown as Parameters<typeof wb.xlsx.load>[0]);
  expect(wb.worksheets.map((w) => w.name)).toEqual([template.name, "说明"]);
  // The =JX.SCORE cells of the file were entered again, between lifting and restoring the protection.
  const protection = after.writes.filter((w) => w.protection).map((w) => w.protection);
  expect(protection).toEqual(["unprotect", "protect"]);
  const reentered = after.writes.filter((w) => w.formulas);
  expect(reentered).toHaveLength(1);
  const [first] = (reentered[0].formulas as string[][])[0];
  expect(first).toMatch(/JX\.SCORE\(/);
  const topCell = reentered[0].address!.split(":")[0];
  expect(`=${wb.getWorksheet(template.name)!.getCell(topCell).formula}`).toBe(first);
  expect((reentered[0].formulas as string[][]).length).toBe(template.rows.length);

  await page.getByRole("button", { name: "撤销“插入标准模板”" }).click();
  await page.getByText(`已撤销“插入标准模板”：删除了工作表 “${template.name}”、“说明”。`).waitFor();
  expect((await jx(page)).deleted).toEqual([template.name, "说明"]);
  expect(errors).toEqual([]);
  await page.close();
});

test("in Excel at 320 px: a column's role corrected re-checks without a sync and is kept in the document settings; 识别所选区域 reads the selection in one sync", async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 1000 }, locale: "zh-CN" });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/office-js/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: fakeOfficeScript(grid) }));
  await page.goto(`${served.url}/excel.html`);
  await page.getByRole("button", { name: "一键校验", exact: true }).click();
  await page.getByText(/校验完成/).waitFor();
  const heading = page.getByRole("heading", { name: /^发现 \d+ 个问题/ });
  const before = await heading.textContent();
  // The editor is folded to its one-line summary until unfolded.
  await page.getByLabel("识别情况").getByRole("button", { name: /^已识别：/, expanded: false }).click();
  await page.getByRole("combobox", { name: /^F 列/ }).click();
  await page.getByRole("option", { name: "忽略" }).click();
  await page.getByText(/已按更正重新校验.*已随工作簿保存/).waitFor();
  await page.getByText(/未识别到权重列，未核对得分/).first().waitFor();
  expect(await heading.textContent()).not.toBe(before);
  expect((await jx(page)).syncs).toBe(1); // the sheet is unchanged: the correction re-checks the last read
  const kept = await page.evaluate(() => (window as unknown as { __jxSettings: Record<string, unknown> }).__jxSettings["jx.tables"]);
  expect(kept).toEqual([expect.objectContaining({ sheet: grid.name, range: "A23:I52", columns: expect.objectContaining({ ignore: ["F"] }) })]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.getByLabel("识别情况").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, "excel-320-reading.png"), fullPage: true });

  // 识别所选区域 over the table's range: one read sync with the selection; the selection replaces the correction.
  await page.evaluate(() => ((window as unknown as { __jxSelection: string }).__jxSelection = "A23:I52"));
  await page.getByRole("button", { name: "识别所选区域" }).click();
  await page.getByText(/已将 .*!A23:I52 读作指标表/).waitFor();
  expect((await jx(page)).syncs).toBe(2);
  expect(await heading.textContent()).toBe(before);
  expect(errors).toEqual([]);
  await page.close();
});
