/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** 识别情况 and the mapping editor in the Excel pane, over office-addin-mock: what was read, a role changed, 识别所选区域. */
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { readGrids } from "../../src/adapters/xlsx";
import type { OfficeCapabilities } from "../../src/adapters/office-capabilities";
import { countsText } from "../../src/check/reading";
import { readingSheetRows } from "../../src/check/findings-sheet";
import type { Grid } from "../../src/sheet/types";
import { App } from "../../taskpane/App";
import { ExcelPane } from "../../taskpane/ExcelPane";
import { ExcelSession } from "../../taskpane/state/excelSession";
import { runCheck } from "../../taskpane/state/engine";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../../taskpane/state/settings";
import { TABLES_KEY } from "../../taskpane/state/tables";
import { UNKNOWN_HEADERS, mockFromGrid } from "./mock-grid";
import "./resize-observer";
import { TextDecoder, TextEncoder } from "util";

// jsdom has no TextDecoder; the workbook reader uses it, as browsers have it.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };

// Fluent renders slowly in jsdom on a busy machine (opening a Dropdown most): waiting longer is not a timing
// assertion. defaultHidden skips getByRole's style walk over every element.
configure({ asyncUtilTimeout: 60_000, defaultHidden: true });
// Opening a Dropdown and picking an option in the whole pane took 20–50 s each with the machine's two cores
// shared (measured), and the 识别所选区域 test picks three: a ceiling, not a timing assertion.
jest.setTimeout(900_000);

let example: Grid;
beforeAll(async () => {
  [example] = await readGrids(`${__dirname}/../../examples/000-部门整体绩效自评表.xlsx`);
});

function setup(grid: Grid, data = new Map<string, unknown>(), selection?: string) {
  const m = mockFromGrid(grid, { selection });
  const store: SettingsStore = { get: (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  const view = render(
    <App subtitle="Excel 加载项">
      <ExcelPane session={session} store={store} initialSettings={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} warnings={[]} />
    </App>,
  );
  return { m, data, view };
}

/** Unfolds the editor's columns (folded by default to the one-line summary); nothing when they are shown. */
async function openColumns() {
  const card = screen.getByLabelText("识别情况");
  const header = within(card).queryByRole("button", { expanded: false });
  if (header) await act(async () => fireEvent.click(header));
  await within(card).findAllByRole("combobox");
}

/** Opens a column's Dropdown and picks a role. */
async function pickRole(column: string, role: string) {
  await openColumns();
  const box = screen.getByRole("combobox", { name: new RegExp(`^${column} 列`) });
  await act(async () => fireEvent.click(box));
  // The open list is the one the box controls (a list opened before stays in the document, hidden).
  const list = document.getElementById(box.getAttribute("aria-controls") ?? "");
  expect(list).not.toBeNull();
  await act(async () => fireEvent.click(within(list!).getByRole("option", { name: role })));
}

test("识别情况 lists every column with its letter, header and role, in the words of the 校验结果 sheet", async () => {
  setup(example);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  const card = await screen.findByRole("group", { name: "识别情况" }).catch(() => screen.getByLabelText("识别情况"));
  const expected = runCheck([example], BUILTIN_DEFAULTS).tables[0];
  const report = expected.reading!;
  // Folded to one line: the columns that decide what is checked, and the rows read; no column listed yet.
  const header = within(card).getByRole("button", { expanded: false });
  expect(header.textContent).toBe(`已识别：名称 A–C，权重 F，评分规则 H，自评得分 I；读取 ${report.rowsRead} 行`);
  expect(within(card).queryAllByRole("combobox")).toEqual([]);
  await openColumns();
  expect(within(card).getByRole("button", { expanded: true })).toBe(header);
  const boxes = within(card).getAllByRole("combobox");
  expect(boxes.map((b) => b.textContent)).toEqual(report.columns.map((c) => c.label));
  for (const c of report.columns) expect(within(card).getByText(`${c.column} 列：${c.header}`)).toBeTruthy();
  // The same sentence as the 识别情况 row of the 校验结果 sheet.
  const sheetText = String(readingSheetRows([expected])[0].values[7]);
  expect(within(card).getByText(countsText(report))).toBeTruthy();
  expect(sheetText).toContain(countsText(report));
  expect(within(card).getByText("自动识别：表头第23行")).toBeTruthy();
  expect(sheetText.startsWith("自动识别：表头第23行")).toBe(true);
});

test("a role changed re-checks with the override without reading again, is kept with the workbook, and used at the next check", async () => {
  const { m, data, view } = setup(example);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findByText(/校验完成/);
  expect(screen.queryByText(/未识别到权重列/)).toBeNull();
  const syncs = m.syncCount();
  expect(syncs).toBe(1);
  await pickRole("F", "忽略");
  await screen.findByText(/已按更正重新校验/);
  expect(screen.getAllByText(/未识别到权重列，未核对得分/).length).toBeGreaterThan(0);
  expect(m.syncCount()).toBe(syncs); // the sheet has not changed: the last read is checked again
  expect(data.get(TABLES_KEY)).toEqual([
    { sheet: example.name, range: "A23:I52", headerRows: { top: 22, bottom: 22 }, columns: { level1: "A", level2: "B", level3: "C", target: "D", actual: "E", note: "G", rule: "H", score: "I", ignore: ["F"] } },
  ]);
  // The write after it: still one write sync on the one read.
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "标注差异" })));
  await screen.findByText(/标注差异完成/);
  expect(m.syncCount()).toBe(syncs + 1);
  view.unmount();

  // The workbook opened again: its settings bring the correction; 恢复自动识别 takes it out.
  const again = setup(example, data);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findByText(/校验完成/);
  expect(screen.getAllByText(/未识别到权重列/).length).toBeGreaterThan(0);
  // Folded, the summary says the correction is in force and the weight column is gone.
  expect(within(screen.getByLabelText("识别情况")).getByRole("button", { expanded: false }).textContent).toMatch(/^按更正读取：名称 A–C，未识别权重列，评分规则 H，自评得分 I；/);
  await openColumns();
  expect(screen.getByText(/^按指定的表格与列读取：表头第23行/)).toBeTruthy();
  expect(screen.getByRole("combobox", { name: /^F 列/ }).textContent).toBe("忽略");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "恢复自动识别" })));
  await screen.findByText(/已恢复自动识别/);
  expect(screen.queryByText(/未识别到权重列/)).toBeNull();
  expect(data.get(TABLES_KEY)).toEqual([]);
  expect(again.m.syncCount()).toBe(1);
});

const unknown = UNKNOWN_HEADERS;

test("识别所选区域: the selection read in the same sync; a range not read as a table gets roles from the user and is kept", async () => {
  const { m, data } = setup(unknown, new Map(), "A2:C4");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findByText(/校验完成/);
  expect(screen.getByText("识别到 0 张指标表")).toBeTruthy();
  expect(screen.getByText(/未找到指标表？在工作表中选中整张指标表/)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "识别所选区域" })));
  await screen.findByText(/所选区域 表1!A2:C4 未能读作指标表/);
  expect(m.syncCount()).toBe(2); // one read each: the check, then the sheet with its selection
  expect(screen.getAllByRole("combobox").map((b) => b.textContent)).toEqual(["忽略", "忽略", "忽略"]);
  await pickRole("A", "三级指标");
  await screen.findByText(/仍未能读作指标表/);
  expect(data.get(TABLES_KEY)).toBeUndefined(); // not kept until it reads as a table
  await pickRole("B", "权重");
  await screen.findByText(/已按更正重新校验/);
  await pickRole("C", "自评得分");
  await screen.findByText(/已按更正重新校验/);
  expect(screen.getByText("识别到 1 张指标表")).toBeTruthy();
  expect(screen.getAllByText(/C4/).length).toBeGreaterThan(0); // 45 above the weight 40
  expect(data.get(TABLES_KEY)).toEqual([{ sheet: "表1", range: "A2:C4", headerRows: { top: 1, bottom: 1 }, columns: { level3: "A", weight: "B", score: "C" } }]);
  expect(m.syncCount()).toBe(2);
});

test("识别所选区域 with one cell selected asks for the table's range", async () => {
  setup(unknown, new Map(), "B3");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findByText(/校验完成/);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "识别所选区域" })));
  await screen.findByText(/请先在工作表中选中整张指标表（含表头）的单元格区域/);
});
