/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** 标准模板 in the pane: the picker, the download in a browser, the insert in Excel (office-addin-mock). */
import { act, configure, fireEvent, render, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import type { OfficeCapabilities } from "../../src/adapters/office-capabilities";
import { listTemplates } from "../../src/templates";
import { App } from "../../taskpane/App";
import { BrowserPane } from "../../taskpane/BrowserPane";
import { ExcelPane } from "../../taskpane/ExcelPane";
import { TemplatePicker } from "../../taskpane/components/TemplatePicker";
import { ExcelSession } from "../../taskpane/state/excelSession";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../../taskpane/state/settings";
import type { TemplateChoice } from "../../taskpane/state/templateFile";
import { mockWorkbook } from "./workbook-mock";
import "./resize-observer";

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(90_000);

const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };
const memory = (): SettingsStore => {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
};
const templates = listTemplates();

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

test("the picker lists every template with its version; the default is native formulas without example data", () => {
  const runs: TemplateChoice[] = [];
  render(<TemplatePicker templates={templates} actionLabel="插入标准模板" hint="说明文字" onRun={(c) => runs.push(c)} />);
  const select = screen.getByRole("combobox", { name: "标准模板" }) as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual(templates.map((t) => `${t.name}（${t.version} 版）`));
  expect((screen.getByRole("radio", { name: /原生公式/ }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole("switch", { name: "填入示例数据" }) as HTMLInputElement).checked).toBe(false);
  fireEvent.click(screen.getByRole("button", { name: "插入标准模板" }));
  expect(runs).toEqual([{ id: templates[0].id, formulas: "native", example: false }]);

  fireEvent.change(select, { target: { value: "verify" } });
  expect(screen.getByText(`版本 ${templates.find((t) => t.id === "verify")!.version}`)).toBeTruthy();
  fireEvent.click(screen.getByRole("radio", { name: /JX 公式/ }));
  fireEvent.click(screen.getByRole("switch", { name: "填入示例数据" }));
  fireEvent.click(screen.getByRole("button", { name: "插入标准模板" }));
  expect(runs[1]).toEqual({ id: "verify", formulas: "jx", example: true });
  // The hint describes the button for screen readers.
  expect(screen.getByRole("button", { name: "插入标准模板" }).getAttribute("aria-describedby")).toBe(screen.getByText("说明文字").id);
});

test("browser: 下载标准模板 saves <模板名称>.xlsx holding the template", async () => {
  const saved: { blob: Blob; name: string }[] = [];
  render(
    <App subtitle="浏览器模式">
      <BrowserPane store={memory()} initialSettings={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} save={(blob, name) => saved.push({ blob, name })} />
    </App>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "标准模板" }));
  fireEvent.change(screen.getByRole("combobox", { name: "标准模板" }), { target: { value: "project" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "下载标准模板" })));
  const name = `${templates.find((t) => t.id === "project")!.name}.xlsx`;
  await screen.findByText(`已下载 ${name}。`);
  expect(saved.map((s) => s.name)).toEqual([name]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await blobBytes(saved[0].blob)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  expect(wb.worksheets.map((w) => w.name)).toEqual([name.replace(/\.xlsx$/, ""), "说明"]);
});

test("Excel: 插入标准模板 inserts, says what 撤销 will do, and 撤销 deletes the sheets", async () => {
  const m = mockWorkbook(["Sheet1"], ["部门整体支出绩效自评表", "说明"]);
  const store = memory();
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  render(
    <App subtitle="Excel 加载项">
      <ExcelPane session={session} store={store} initialSettings={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} warnings={[]} />
    </App>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "标准模板" }));
  expect(screen.getByText(/“撤销”会删除插入的工作表/)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "插入标准模板" })));
  await screen.findByText(/已在工作簿末尾插入工作表 “部门整体支出绩效自评表”和“说明”。/);
  expect(m.names()).toEqual(["Sheet1", "部门整体支出绩效自评表", "说明"]);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "撤销“插入标准模板”" })));
  await screen.findByText(/已撤销“插入标准模板”/);
  expect(m.names()).toEqual(["Sheet1"]);
});

test("Excel without ExcelApi 1.13: a Chinese error, nothing inserted", async () => {
  const m = mockWorkbook([], ["部门整体支出绩效自评表", "说明"]);
  const store = memory();
  const session = new ExcelSession((fn) => fn(m.context), { ...ALL, insertWorksheets: false }, store);
  render(
    <App subtitle="Excel 加载项">
      <ExcelPane session={session} store={store} initialSettings={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} warnings={[]} />
    </App>,
  );
  fireEvent.click(screen.getByRole("tab", { name: "标准模板" }));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "插入标准模板" })));
  expect((await screen.findByRole("alert")).textContent).toContain("需要 ExcelApi 1.13");
  expect(m.inserted).toEqual([]);
});
