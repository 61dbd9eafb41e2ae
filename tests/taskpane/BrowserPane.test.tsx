/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/** The plain-browser pane: a bad file after a good one, the template tab's file name, the preview of a filled score. */
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "fs";
import { join } from "path";
import { App } from "../../taskpane/App";
import { BrowserPane } from "../../taskpane/BrowserPane";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../../taskpane/state/settings";
import { listTemplates } from "../../src/templates";
import { TextDecoder, TextEncoder } from "util";
import "./resize-observer";

// jsdom has no TextDecoder; the workbook reader uses it, as browsers have it.
Object.assign(globalThis, { TextDecoder, TextEncoder });
// Nor layout: the preview's scrolling is looked at in Chromium (tests/e2e); here it must merely run.
Element.prototype.scrollIntoView = function scrollIntoView() {};

configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(120_000);

const memory = (): SettingsStore => {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
};
const EXAMPLE = "000-部门整体绩效自评表.xlsx";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** jsdom's File has no arrayBuffer(): give it one over the bytes. */
function file(name: string, bytes: Uint8Array): File {
  const f = new File([bytes as BlobPart], name, { type: XLSX });
  Object.defineProperty(f, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

function pane() {
  render(
    <App subtitle="浏览器模式">
      <BrowserPane store={memory()} initialSettings={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} save={() => undefined} />
    </App>,
  );
}

async function openFile(f: File) {
  await act(async () => fireEvent.change(screen.getByLabelText("选择 Excel 文件"), { target: { files: [f] } }));
}

test("after a file that cannot be read, nothing names or checks the previous file", async () => {
  pane();
  await openFile(file(EXAMPLE, readFileSync(join(__dirname, "..", "..", "examples", EXAMPLE))));
  await screen.findByText(new RegExp(`已打开 ${EXAMPLE}`));
  expect(screen.getByText(EXAMPLE)).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findAllByText(/识别到 1 张指标表/);

  await openFile(file("坏文件.xlsx", new TextEncoder().encode("not a workbook")));
  await screen.findAllByText(/无法读取|不是有效的/);
  expect(screen.queryByText(EXAMPLE)).toBeNull();
  expect(screen.queryByRole("button", { name: "一键校验" })).toBeNull();
  expect(screen.queryByRole("button", { name: "下载校验副本" })).toBeNull();
  expect((screen.getByRole("tab", { name: "预览" }) as HTMLButtonElement).disabled).toBe(true);
});

test("the template tab names the file it will download, for the template chosen", () => {
  pane();
  fireEvent.click(screen.getByRole("tab", { name: "标准模板" }));
  const [first] = listTemplates();
  expect(screen.getByText(new RegExp(`下载“${first.name}\\.xlsx”`))).toBeTruthy();
  const project = listTemplates().find((t) => t.id === "project")!;
  fireEvent.change(screen.getByRole("combobox", { name: "标准模板" }), { target: { value: "project" } });
  expect(screen.getByText(new RegExp(`下载“${project.name}\\.xlsx”`))).toBeTruthy();
  expect(screen.queryByText(/模板名称\.xlsx/)).toBeNull();
});

test("the preview shows the score a missing cell gets, and keeps the indicator's name column beside the row numbers", async () => {
  pane();
  await openFile(file(EXAMPLE, readFileSync(join(__dirname, "..", "..", "examples", EXAMPLE))));
  await screen.findByText(new RegExp(`已打开 ${EXAMPLE}`));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "一键校验" })));
  await screen.findAllByText(/识别到 1 张指标表/);
  // I47 is the empty 自评得分 of 政策知晓率 (computed 10): click its finding.
  const finding = screen.getAllByRole("button").find((b) => /I47/.test(b.textContent ?? ""));
  expect(finding).toBeTruthy();
  await act(async () => fireEvent.click(finding!));
  const preview = await screen.findByRole("table", { name: /预览/ });
  const cell = preview.querySelector<HTMLElement>('[data-cell="I47"]')!;
  expect(cell.textContent).toBe("10");
  expect(cell.hasAttribute("data-filled")).toBe(true);
  // The name column (三级指标) is sticky on every row: its cells carry the marker the scroll logic reads.
  const row = cell.closest("tr")!;
  const stickies = within(row).getAllByRole("cell").filter((c) => c.hasAttribute("data-sticky"));
  expect(stickies).toHaveLength(2);
  expect(stickies[0].textContent).toBe("47");
  // Row 47's level-3 cell is empty (a block named at level 2): the name the engine read is shown, set apart.
  expect(stickies[1].textContent).toBe("经济效益");
  const nameCells = [...preview.querySelectorAll<HTMLElement>("tbody [data-sticky]")].filter((c) => !/^\d+$/.test(c.textContent ?? ""));
  expect(nameCells.some((c) => /政策知晓率/.test(c.textContent ?? ""))).toBe(true);
  expect(nameCells.some((c) => /群众满意度/.test(c.textContent ?? ""))).toBe(true);
});
