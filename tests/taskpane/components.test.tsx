/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { ConfirmOverwrite } from "../../taskpane/components/ConfirmOverwrite";
import { SettingsForm } from "../../taskpane/components/SettingsForm";
import { StatusBar, errorMessage } from "../../taskpane/components/StatusBar";
import { SummaryView } from "../../taskpane/components/SummaryView";
import { TableList } from "../../taskpane/components/TableList";
import { BUILTIN_DEFAULTS, type PaneSettings } from "../../taskpane/state/settings";
import type { TableSummary } from "../../src/check/types";
import "./resize-observer";

// Fluent in jsdom is slow on a loaded machine; this is a limit, not a timing assertion.
jest.setTimeout(90_000);

const wrap = (ui: ReactElement) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

const tables: TableSummary[] = [
  { sheet: "自评表", range: "A23:I52", indicators: 27, weightSum: 100, total: { reported: 96.5, computed: 91.16 }, grade: { reported: "优", computed: "优" } },
  { sheet: "核查表", range: "B4:H20", indicators: 12, weightSum: 98, total: { reported: 88, computed: 88 }, grade: { reported: "优", computed: "良" } },
];

test("TableList shows each table and selects by click and by keyboard", () => {
  const chosen: number[] = [];
  wrap(<TableList tables={tables} selected={0} onSelect={(i) => chosen.push(i)} />);
  expect(screen.getByText("A23:I52")).toBeTruthy();
  expect(screen.getByText("98")).toBeTruthy();
  const rows = screen.getAllByRole("row");
  fireEvent.click(rows[2]);
  fireEvent.keyDown(rows[1], { key: "Enter" });
  expect(chosen).toEqual([1, 0]);
  expect(rows[1].getAttribute("aria-selected")).toBe("true");
});

test("TableList without tables explains what it looked for", () => {
  wrap(<TableList tables={[]} selected={null} onSelect={() => undefined} />);
  expect(screen.getByText(/未找到指标表/)).toBeTruthy();
});

test("SummaryView shows 权重合计, reported vs computed total and both grades", () => {
  wrap(<SummaryView table={tables[1]} />);
  expect(screen.getByText("权重合计").nextSibling?.textContent).toBe("98");
  expect(screen.getByText("自评总分").nextSibling?.textContent).toBe("88");
  expect(screen.getByText("计算总分").nextSibling?.textContent).toBe("88");
  expect(screen.getByText("优 / 良")).toBeTruthy();
});

test("SettingsForm saves a changed tolerance and refuses a bad one", () => {
  const saved: PaneSettings[] = [];
  wrap(<SettingsForm value={BUILTIN_DEFAULTS} defaults={BUILTIN_DEFAULTS} savedWhere="随工作簿保存" onSave={(s) => saved.push(s)} />);
  const input = screen.getByRole("textbox");
  fireEvent.change(input, { target: { value: "abc" } });
  expect(screen.getByText("请输入 0 到 1 之间的数字")).toBeTruthy();
  const save = screen.getByRole("button", { name: "保存设置（随工作簿保存）" }) as HTMLButtonElement;
  expect(save.disabled).toBe(true);
  fireEvent.change(input, { target: { value: "0.05" } });
  fireEvent.click(save);
  expect(saved).toEqual([{ ...BUILTIN_DEFAULTS, tolerance: 0.05 }]);
});

test("SettingsForm lists every reading with its Chinese label and 恢复默认设置 returns to the bureau's", async () => {
  const saved: PaneSettings[] = [];
  const bureau = { ...BUILTIN_DEFAULTS, stepCounting: "nearest" as const };
  wrap(<SettingsForm value={{ ...BUILTIN_DEFAULTS, rounding: "integer" }} defaults={bureau} savedWhere="保存在本浏览器" onSave={(s) => saved.push(s)} />);
  for (const name of ["步长计算", "反向指标公式", "定性指标档次", "得分舍入", "等级标准"]) expect(screen.getByText(name)).toBeTruthy();
  const rounding = screen.getAllByRole("combobox")[3];
  expect(rounding.textContent).toBe("四舍五入取整");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "恢复默认设置" })));
  expect(saved[0]).toEqual(bureau);
  expect(screen.getAllByRole("combobox")[0].textContent).toBe("按最接近的整步计（四舍五入到整步）");
});

test("ConfirmOverwrite asks before replacing scores and reports the choice", () => {
  const calls: string[] = [];
  wrap(<ConfirmOverwrite open count={2} onConfirm={() => calls.push("yes")} onCancel={() => calls.push("no")} />);
  expect(screen.getByText(/有 2 个自评得分与评分规则的计算结果不一致/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "取消" }));
  fireEvent.click(screen.getByRole("button", { name: "确认覆盖" }));
  expect(calls).toEqual(["no", "yes"]);
});

test("StatusBar: progress while busy, a Chinese alert on error", () => {
  const { rerender } = wrap(<StatusBar status={{ kind: "busy", label: "正在校验当前工作表…" }} />);
  expect(screen.getByRole("progressbar")).toBeTruthy();
  rerender(
    <FluentProvider theme={webLightTheme}>
      <StatusBar status={{ kind: "error", message: errorMessage(new Error("InvalidArgument")) }} />
    </FluentProvider>,
  );
  expect(screen.getByRole("alert").textContent).toContain("操作未完成（InvalidArgument）");
  expect(errorMessage(new Error("无法识别评分规则：酌情"))).toBe("无法识别评分规则：酌情");
});
