/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FindingsView } from "../../taskpane/components/FindingsView";
import type { Finding, TableSummary } from "../../src/check/types";

const finding = (over: Partial<Finding>): Finding => ({
  sheet: "自评表",
  cell: "I22",
  kind: "score-diverges",
  severity: "error",
  reported: 4,
  computed: 2,
  message: "自评得分 4 分，按评分规则应得 2 分",
  ...over,
});

const findings: Finding[] = [
  finding({}),
  finding({ cell: "I23", message: "自评得分 3 分，按评分规则应得 1.5 分" }),
  finding({ cell: "F40", kind: "weight-sum", message: "权重合计 98，应为 100" }),
  finding({ cell: "I30", kind: "score-diverges", severity: "info", message: "与整步计读法一致", reading: "按整步计" }),
];

function renderView(onSelect?: (f: Finding) => void) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView findings={findings} tables={[]} onSelect={onSelect} />
    </FluentProvider>,
  );
}

test("groups findings by severity and kind with counts", () => {
  renderView();
  const errors = screen.getByRole("button", { name: /错误/ });
  expect(errors.textContent).toContain("3");
  const group = screen.getByRole("region", { name: "得分与规则不符（2）" });
  expect(within(group).getAllByRole("button")).toHaveLength(2);
  expect(screen.getByRole("region", { name: "权重合计不符（1）" })).toBeTruthy();
  // Info findings start folded: the header shows the count.
  expect(screen.getByRole("button", { name: /提示/ }).textContent).toContain("1");
});

test("clicking a finding hands it to the host to select its cell", () => {
  const picked: Finding[] = [];
  renderView((f) => picked.push(f));
  fireEvent.click(screen.getByRole("button", { name: /I23/ }));
  expect(picked.map((f) => f.cell)).toEqual(["I23"]);
});

test("no findings says so in Chinese", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView findings={[]} tables={[]} />
    </FluentProvider>,
  );
  expect(screen.getByText(/未发现问题/)).toBeTruthy();
});

test("no findings on a table with rows JX could not score says how many were checked, never that all agree", () => {
  const table = (rowsRead: number, rowsComputed: number): TableSummary => ({
    sheet: "自评表",
    range: "A12:H23",
    indicators: rowsRead,
    weightSum: 100,
    total: { reported: 100, computed: 100 },
    grade: { reported: null, computed: "优" },
    reading: { source: "detected", headerRows: "12", columns: [], unmapped: [], rowsRead, rowsWithWeight: rowsRead, rowsWithScore: rowsRead, rowsComputed, notComputed: [{ reason: "实际值为空", count: rowsRead - rowsComputed, rows: [15] }], skipped: [] },
  });
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView findings={[]} tables={[table(11, 4)]} />
    </FluentProvider>,
  );
  expect(screen.getByText("已计算得分的4行未发现问题；另有7行未能计算得分（原因见识别情况），这些行请人工核对。")).toBeTruthy();
  expect(screen.queryByText(/均与规则一致/)).toBeNull();
  unmount();
  render(
    <FluentProvider theme={webLightTheme}>
      <FindingsView findings={[]} tables={[table(11, 11)]} />
    </FluentProvider>,
  );
  expect(screen.getByText("未发现问题：权重、得分、合计与等级均与规则一致。")).toBeTruthy();
});
