/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The Excel pane driven like an official would, over office-addin-mock holding the example workbook's cells. */
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readGrids } from "../../src/adapters/xlsx";
import type { OfficeCapabilities } from "../../src/adapters/office-capabilities";
import type { Grid } from "../../src/sheet/types";
import { App } from "../../taskpane/App";
import { ExcelPane } from "../../taskpane/ExcelPane";
import { ExcelSession } from "../../taskpane/state/excelSession";
import { makePlan, overwriteCount, runCheck } from "../../taskpane/state/engine";
import { BUILTIN_DEFAULTS, SETTINGS_KEY, type SettingsStore } from "../../taskpane/state/settings";
import { gridWithWrites, mockFromGrid } from "./mock-grid";
import "./resize-observer";

const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };

// Fluent renders slowly in jsdom on a busy machine; waiting longer is not a timing assertion.
// The pane now also lists every column of the table with its role (识别情况), a larger document for each query.
// defaultHidden skips getByRole's style walk over every element, which that document makes slow.
configure({ asyncUtilTimeout: 60_000, defaultHidden: true });
jest.setTimeout(90_000);

let grid: Grid;
beforeAll(async () => {
  [grid] = await readGrids(`${__dirname}/../../examples/000-部门整体绩效自评表.xlsx`);
});

function setup() {
  const m = mockFromGrid(grid);
  const data = new Map<string, unknown>();
  const store: SettingsStore = { get: (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  render(
    <App subtitle="Excel 加载项">
      <ExcelPane session={session} store={store} initialSettings={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} warnings={["此版本 Excel 不支持批注"]} />
    </App>,
  );
  return { m, data };
}

test("一键校验 lists the findings; clicking one selects its cell in Excel", async () => {
  const { m } = setup();
  expect(screen.getByText("此版本 Excel 不支持批注")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  const expected = runCheck([grid], BUILTIN_DEFAULTS);
  const errors = expected.findings.filter((f) => f.severity === "error").length;
  await screen.findByText(`校验完成：${expected.findings.length} 个问题，其中错误 ${errors} 个。`);
  expect(screen.getByText("A23:I52")).toBeTruthy();
  const target = expected.findings[expected.findings.length - 1];
  await act(async () => fireEvent.click(screen.getAllByRole("button", { name: new RegExp(`^${target.cell}`) })[0]));
  await waitFor(() => expect(m.writes.find((w) => w.address === target.cell)?.selected).toBe(true));
});

test("填写自评得分 with overwrite asks first; 取消 writes nothing, 确认覆盖 writes and 撤销 is offered", async () => {
  const { m } = setup();
  const expected = runCheck([grid], BUILTIN_DEFAULTS);
  const replace = overwriteCount(expected, "values");
  const writes = makePlan(expected, { fillMissing: true, annotate: false, overwriteDiverging: true }).actions;
  const diverging = expected.findings.find((f) => f.kind === "score-diverges" && f.severity === "error")!;
  expect(replace).toBeGreaterThan(0);
  fireEvent.click(screen.getByRole("checkbox", { name: /同时覆盖/ }));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "填写自评得分" })));
  await screen.findByText(new RegExp(`有 ${replace} 个自评得分与评分规则的计算结果不一致`));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "取消" })));
  expect(m.writes.filter((w) => w.values)).toEqual([]);

  await act(async () => fireEvent.click(screen.getByRole("button", { name: "填写自评得分" })));
  await act(async () => fireEvent.click(await screen.findByRole("button", { name: "确认覆盖" })));
  await screen.findByText(new RegExp(`填写自评得分完成：写入得分 ${writes.length} 处`));
  expect(m.writes.find((w) => w.address === diverging.cell)?.values).toEqual([[diverging.computed]]);
  const undo = screen.getByRole("button", { name: "撤销“填写自评得分”" }) as HTMLButtonElement;
  expect(undo.disabled).toBe(false);
});

test("settings are saved with the workbook", async () => {
  const { data } = setup();
  fireEvent.click(screen.getByRole("tab", { name: "设置" }));
  fireEvent.change(screen.getByRole("textbox"), { target: { value: "0.01" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: /保存设置/ })));
  await screen.findByText(/设置已保存到工作簿/);
  expect(data.get(SETTINGS_KEY)).toEqual({ ...BUILTIN_DEFAULTS, tolerance: 0.01 });
});

test("after 填写自评得分 and 撤销 the findings shown are those of the sheet, checked again on the read the pane holds (no sync)", async () => {
  const { m } = setup();
  const before = runCheck([grid], BUILTIN_DEFAULTS);
  const missing = before.findings.filter((f) => f.kind === "score-missing");
  expect(missing.length).toBeGreaterThan(0);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findByText(/校验完成/);
  const heading = () => screen.getByRole("heading", { name: /^发现 \d+ 个问题/ }).textContent;
  expect(heading()).toBe(`发现 ${before.findings.length} 个问题（所选表）`);
  expect(screen.getAllByText(new RegExp(`^${missing[0].cell}`)).length).toBeGreaterThan(0);

  await act(async () => fireEvent.click(screen.getByRole("button", { name: "填写自评得分" })));
  await screen.findByText(/填写自评得分完成/);
  expect(m.syncCount()).toBe(2); // the check's read and the write: the findings after it come from that read
  const after = runCheck([gridWithWrites(grid, m.writes)], BUILTIN_DEFAULTS);
  expect(after.findings.length).toBeLessThan(before.findings.length);
  expect(after.findings.some((f) => f.cell === missing[0].cell)).toBe(false);
  expect(heading()).toBe(`发现 ${after.findings.length} 个问题（所选表）`);
  expect(screen.queryAllByText(new RegExp(`^${missing[0].cell}`))).toEqual([]);

  await act(async () => fireEvent.click(screen.getByRole("button", { name: "撤销“填写自评得分”" })));
  await screen.findByText("已撤销“填写自评得分”。");
  expect(heading()).toBe(`发现 ${before.findings.length} 个问题（所选表）`);
  expect(screen.getAllByText(new RegExp(`^${missing[0].cell}`)).length).toBeGreaterThan(0);
});
