/**
 * The built WPS 加载项 pane (npm run build:wps → dist-wps/jx_<version>/taskpane.html) in Chromium, served
 * from localhost, with the in-memory ET object model (tests/adapters/et-stand-in.ts) as window.Application
 * and a stand-in window.wps (tests/e2e/wps-stand-in.ts) holding the example workbook, one finding cell of
 * which carries an official's own comment. 一键校验, 填写自评得分, 标注差异, 撤销 pressed in the pane; 标注差异
 * and 清除标注 also sent the way the ribbon's main.js sends them (wps.PluginStorage); assertions on the
 * stand-in's cells, fills and comments, on its call count, and that no request leaves localhost; at 320 px.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import { join, resolve } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { readGrids } from "../../src/adapters/xlsx";
import { applyPlan, etColor, readSheet } from "../../src/adapters/wps";
import { JX_NOTE_MARK } from "../../src/check/notes";
import type { Grid } from "../../src/sheet/types";
import { makePlan, runCheck } from "../../taskpane/state/engine";
import { BUILTIN_DEFAULTS } from "../../taskpane/state/settings";
import { WPS_TEMPLATE_HINT } from "../../taskpane/state/wpsSession";
import { etStandIn, type StandInSheetSpec } from "../adapters/et-stand-in";
import { serveDir, type Served } from "./serve";
import { specFromGrid, wpsInitScript } from "./wps-stand-in";
import { version } from "../../package.json";

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "test-output");
// JX_E2E_WPS_DIST: the pane built elsewhere (webpack.wps.config.js only), where others share the tree.
const DIST = join(ROOT, "dist-wps", `jx_${version}`);
const PANE = process.env.JX_E2E_WPS_DIST ?? DIST;
const OWN_NOTE = "领导已确认：按上年口径上报";

jest.setTimeout(180_000);

let served: Served;
let browser: Browser;
let grid: Grid;
let spec: StandInSheetSpec;

beforeAll(async () => {
  // npm run test:e2e builds dist/ only: build the WPS package here when it is missing.
  if (!existsSync(join(DIST, "taskpane.html")) || !existsSync(`${DIST}.7z`)) execFileSync("npm", ["run", "build:wps"], { cwd: ROOT, stdio: "inherit" });
  mkdirSync(OUT, { recursive: true });
  [grid] = await readGrids(join(ROOT, "examples", "000-部门整体绩效自评表.xlsx"));
  served = await serveDir(PANE);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

type CellState = { value?: unknown; formula: string | null; fill: number | null; note: string | null };

/** Every cell of the sheet's extent in the page's stand-in (uncounted test-side reads). */
function sheetState(page: Page): Promise<Record<string, CellState>> {
  return page.evaluate(
    ({ name, rows, cols }) => {
      const s = (window as unknown as { __standIn: { cell: (sheet: string, a: string) => CellState | undefined } }).__standIn;
      const letters = (c: number) => {
        let out = "";
        for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
        return out;
      };
      const state: Record<string, CellState> = {};
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const cell = s.cell(name, `${letters(c)}${r + 1}`);
          if (cell && (cell.value !== undefined || cell.formula || cell.fill !== null || cell.note !== null))
            state[`${letters(c)}${r + 1}`] = { value: cell.value, formula: cell.formula, fill: cell.fill, note: cell.note };
        }
      return state;
    },
    { name: grid.name, rows: grid.rowCount, cols: grid.colCount },
  );
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __standIn: { calls: () => number } }).__standIn.calls());
const resetCalls = (page: Page) => page.evaluate(() => (window as unknown as { __standIn: { resetCalls: () => void } }).__standIn.resetCalls());

/** What the ribbon's OnAction (wps/main.js) does after opening the pane. */
const ribbon = (page: Page, label: string, seq: number) =>
  page.evaluate(({ label, seq }) => (window as unknown as { wps: { PluginStorage: { setItem(k: string, v: string): void } } }).wps.PluginStorage.setItem("jx.command", JSON.stringify({ label, seq })), { label, seq });

test("in WPS: the pane checks a sheet over the ET object model — 一键校验, 填写自评得分, 标注差异 keeping an own comment, 撤销, ribbon commands; nothing leaves localhost", async () => {
  const expected = runCheck([grid], BUILTIN_DEFAULTS);
  const errorFinding = expected.findings.find((f) => f.kind === "score-diverges" && f.severity === "error")!;
  spec = specFromGrid(grid, { notes: { [errorFinding.cell]: OWN_NOTE } });
  // The stand-in reads back as the workbook does: the check in the page sees the same sheet.
  const node = etStandIn([spec]);
  expect(runCheck([readSheet(node.app, null).grid], BUILTIN_DEFAULTS).findings).toEqual(expected.findings);
  const oneRead = node.calls();
  const fillPlan = makePlan(expected, { fillMissing: true, annotate: false, overwriteDiverging: false, formulas: "values" });
  const annotatePlan = makePlan(expected, { fillMissing: false, annotate: true, overwriteDiverging: false, formulas: "values" });
  const filled = fillPlan.actions.filter((a) => a.kind === "set-value");
  expect(filled.length).toBeGreaterThan(0);
  // The findings of the sheet once filled: the same fill on a stand-in here, read back.
  const filledHere = etStandIn([spec]);
  applyPlan(filledHere.app, fillPlan, readSheet(filledHere.app, null));
  const filledCheck = runCheck([readSheet(filledHere.app, null).grid], BUILTIN_DEFAULTS);
  expect(filledCheck.findings.length).toBeLessThan(expected.findings.length);
  const shown = (n: number) => `发现 ${n} 个问题（所选表）`;

  const context = await browser.newContext({ viewport: { width: 320, height: 1000 }, locale: "zh-CN" });
  const requests: string[] = [];
  const failed: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await context.addInitScript({ content: wpsInitScript([spec]) });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByText("WPS 加载项").waitFor();
  const loadedAt = Date.now();
  const initial = await sheetState(page);
  await page.screenshot({ path: join(OUT, "wps-320-start.png"), fullPage: true });

  // 一键校验: the findings of the workbook, read once — a bounded number of calls into the object model.
  await resetCalls(page);
  await page.getByRole("button", { name: "一键校验", exact: true }).click();
  const errorCount = expected.findings.filter((f) => f.severity === "error").length;
  await page.getByText(`校验完成：${expected.findings.length} 个问题，其中错误 ${errorCount} 个。`).waitFor();
  // One readSheet, and the workbook's name for the pane's settings key.
  const checkCalls = await calls(page);
  expect(checkCalls).toBeGreaterThanOrEqual(oneRead);
  expect(checkCalls).toBeLessThanOrEqual(oneRead + 10);
  expect(await sheetState(page)).toEqual(initial); // a check writes nothing
  await page.screenshot({ path: join(OUT, "wps-320-findings.png"), fullPage: true });

  // 填写自评得分: the missing scores written, nothing else.
  await page.getByRole("button", { name: "填写自评得分", exact: true }).click();
  await page.getByText(new RegExp(`填写自评得分完成：写入得分 ${filled.length} 处`)).waitFor();
  const afterFill = await sheetState(page);
  for (const a of filled) expect(afterFill[a.cell]?.value).toBe(a.kind === "set-value" ? a.value : undefined);
  const changed = Object.keys({ ...initial, ...afterFill }).filter((k) => JSON.stringify(initial[k]) !== JSON.stringify(afterFill[k]));
  expect(changed.sort()).toEqual(filled.map((a) => a.cell).sort());

  // The pane shows the findings of the sheet as filled, not those of the check before it.
  await page.getByRole("heading", { name: shown(filledCheck.findings.length) }).waitFor();
  expect(await page.locator('[data-finding-kind="score-missing"]').count()).toBe(filledCheck.findings.filter((f) => f.kind === "score-missing").length);

  // 撤销“填写自评得分”: back as it was, and so are the findings.
  await page.getByRole("button", { name: "撤销“填写自评得分”" }).click();
  await page.getByText("已撤销“填写自评得分”。").waitFor();
  expect(await sheetState(page)).toEqual(initial);
  await page.getByRole("heading", { name: shown(expected.findings.length) }).waitFor();
  expect(await page.locator('[data-finding-kind="score-missing"]').count()).toBe(expected.findings.filter((f) => f.kind === "score-missing").length);

  // 标注差异: every finding cell coloured as the plan says, JX's note on each; the own comment kept, JX's part after it.
  await page.getByRole("button", { name: "标注差异", exact: true }).click();
  await page.getByText(new RegExp(`标注差异完成.*${errorFinding.cell} 原有批注保留`)).waitFor();
  const annotated = await sheetState(page);
  for (const a of annotatePlan.actions) {
    if (a.kind === "fill") expect(annotated[a.cell]?.fill).toBe(etColor(a.color));
    if (a.kind === "note" && a.cell !== errorFinding.cell) expect(annotated[a.cell]?.note).toBe(a.text);
  }
  const jxPart = annotatePlan.actions.find((a) => a.kind === "note" && a.cell === errorFinding.cell);
  expect(jxPart?.kind === "note" && jxPart.text.startsWith(JX_NOTE_MARK)).toBe(true);
  expect(annotated[errorFinding.cell].note).toBe(`${OWN_NOTE}\n${jxPart?.kind === "note" ? jxPart.text : ""}`);
  for (const f of expected.findings) expect(annotated[f.cell]?.value).toEqual(initial[f.cell]?.value); // no score changed
  await page.screenshot({ path: join(OUT, "wps-320-annotated.png"), fullPage: true });

  // 撤销“标注差异”: fills and notes gone, the own comment as the official wrote it.
  await page.getByRole("button", { name: "撤销“标注差异”" }).click();
  await page.getByText("已撤销“标注差异”。").waitFor();
  expect(await sheetState(page)).toEqual(initial);

  // The ribbon's buttons (main.js leaves the command in wps.PluginStorage; the pane presses its own button).
  await ribbon(page, "标注差异", 1);
  await page.getByText(/标注差异完成/).waitFor();
  expect(await sheetState(page)).toEqual(annotated);
  await ribbon(page, "清除标注", 2);
  await page.getByText(/已清除 JX 标注：\d+ 处填充色，\d+ 条批注，1 条原有批注只去掉了 JX 的说明。/).waitFor();
  const cleared = await sheetState(page);
  expect(cleared).toEqual(initial);
  expect(cleared[errorFinding.cell].note).toBe(OWN_NOTE);
  await page.screenshot({ path: join(OUT, "wps-320-cleared.png"), fullPage: true });
  // 撤销“清除标注”: JX's marks back, JX's part again after the own text.
  await page.getByRole("button", { name: "撤销“清除标注”" }).click();
  await page.getByText("已撤销“清除标注”。").waitFor();
  expect(await sheetState(page)).toEqual(annotated);

  // Selecting a finding selects its cell in the sheet.
  await page.locator(`[data-finding-kind="${errorFinding.kind}"]`, { hasText: errorFinding.cell }).first().click();
  await page.waitForFunction(
    (target) => (window as unknown as { __standIn: { selected: string[] } }).__standIn.selected.includes(target),
    `${grid.name}!${errorFinding.cell}`,
  );

  // 识别所选区域 over Application.Selection: nothing selected but a cell asks for the range; the table's range reads it.
  await page.getByRole("button", { name: "识别所选区域" }).click();
  await page.getByText(/请先在工作表中选中整张指标表（含表头）的单元格区域/).waitFor();
  await page.evaluate(() => {
    const app = (window as unknown as { Application: Record<string, unknown> }).Application;
    Object.defineProperty(app, "Selection", { configurable: true, get: () => ({ Address: () => "$A$23:$I$52" }) });
  });
  await page.getByRole("button", { name: "识别所选区域" }).click();
  // Kept in the pane's storage on this computer, which the message says (not "随工作簿保存": WPS keeps nothing in the file).
  await page.getByText(/已将 .*!A23:I52 读作指标表.*更正已在本机按工作簿保存/).waitFor();
  await page.getByRole("heading", { name: shown(expected.findings.length) }).waitFor();

  // 标准模板 cannot be inserted into the workbook in WPS: the tab says so and what to do instead (not Excel's hint), its
  // button is disabled, the sheet unchanged.
  const beforeTemplate = await sheetState(page);
  await page.getByRole("tab", { name: "标准模板" }).click();
  await page.getByText(WPS_TEMPLATE_HINT).waitFor();
  expect(await page.getByText(/插入到当前工作簿末尾/).count()).toBe(0);
  expect(await page.getByRole("button", { name: "插入标准模板" }).isDisabled()).toBe(true);
  expect(await sheetState(page)).toEqual(beforeTemplate);
  await page.screenshot({ path: join(OUT, "wps-320-templates.png"), fullPage: true });

  // Nothing but the page's own origin, watched for at least 10 s after load.
  const wait = 10_000 - (Date.now() - loadedAt);
  if (wait > 0) await page.waitForTimeout(wait);
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => !u.startsWith(`${served.url}/`))).toEqual([]);
  // Every request of the page answered; Chromium's own /favicon.ico probe (a 404 here) is not the page's.
  expect(failed).toEqual([]);
  expect(served.requests.filter((p) => p !== "/favicon.ico").length).toBe(requests.length);
  expect(errors.filter((e) => !/^Failed to load resource: .*404/.test(e))).toEqual([]);
  await context.close();
});

/** The files of a folder, path -> bytes. */
function folderFiles(dir: string, base = ""): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(p).isDirectory()) Object.assign(out, folderFiles(p, rel));
    else out[rel] = readFileSync(p);
  }
  return out;
}

test("the WPS package: the .zip (under jx_<version>/) and the .7z (at its root) hold the add-in folder byte for byte; the lists name them", async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { read7z } = require("../../scripts/wps-7z.js") as { read7z: (b: Uint8Array) => Promise<Record<string, Uint8Array>> };
  const folder = folderFiles(DIST);
  expect(Object.keys(folder)).toEqual(expect.arrayContaining(["index.html", "ribbon.xml", "main.js", "taskpane.html", "taskpane.js", "jx-functions.js"]));
  const name = `jx_${version}`;
  const zip = unzipSync(new Uint8Array(readFileSync(`${DIST}.zip`)));
  expect(Object.keys(zip).sort()).toEqual(Object.keys(folder).map((p) => `${name}/${p}`).sort());
  const sevenZ = await read7z(new Uint8Array(readFileSync(`${DIST}.7z`)));
  expect(Object.keys(sevenZ).sort()).toEqual(Object.keys(folder).sort());
  for (const [p, bytes] of Object.entries(folder)) {
    expect(Buffer.from(zip[`${name}/${p}`]).equals(bytes)).toBe(true);
    expect(Buffer.from(sevenZ[p]).equals(bytes)).toBe(true);
  }
  const list = (file: string, tag: string) => {
    const doc = new DOMParser().parseFromString(readFileSync(join(DIST, "..", file), "utf8"), "text/xml");
    const items = Array.from(doc.getElementsByTagName(tag));
    expect(items).toHaveLength(1);
    return items[0];
  };
  const online = list("jsplugins.xml", "jspluginonline");
  expect([online.getAttribute("name"), online.getAttribute("type"), online.getAttribute("version")]).toEqual(["jx", "et", version]);
  expect(online.getAttribute("url")).toMatch(new RegExp(`/${name}/$`));
  const offline = list("jsplugins-offline.xml", "jsplugin");
  expect([offline.getAttribute("name"), offline.getAttribute("type"), offline.getAttribute("version")]).toEqual(["jx", "et", version]);
  expect(offline.getAttribute("url")).toMatch(new RegExp(`/${name}\\.7z$`));
});
