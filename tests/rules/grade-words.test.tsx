/** @jest-environment jsdom */
/** The same grade in another scheme's words (良好 / 良, 优秀 / 优) is the same grade: in the check and in the pane. */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkWorkbook } from "../../src/check";
import { grade, sameGrade } from "../../src/rules/grade";
import { specToGrid, type SheetSpec } from "../../examples/specs/spec";
import { SummaryView } from "../../taskpane/components/SummaryView";
import type { TableSummary } from "../../src/check/types";
import "../taskpane/resize-observer";

jest.setTimeout(90_000);

test.each([
  ["良好", "良"],
  ["优秀", "优"],
  ["中等", "中"],
  ["较差", "差"],
  [" 良好 ", "良"],
])("%s and %s name the same grade", (a, b) => {
  expect(sameGrade(a, b)).toBe(true);
  expect(sameGrade(b, a)).toBe(true);
});

test.each([
  ["良好", "优"],
  ["优秀", "良"],
  ["中", "差"],
  ["合格", "良"],
])("%s and %s are different grades", (a, b) => expect(sameGrade(a, b)).toBe(false));

test("every scheme's words map onto the national four", () => {
  for (const t of [95, 85, 70, 30]) expect(sameGrade(grade(t, "national-excellent").grade!, grade(t, "national").grade!)).toBe(true);
});

const HEAD = ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"];
const REACH = "达到目标值得满分，未达到目标值不得分";
const check = (rows: SheetSpec["rows"], scheme?: "national" | "national-excellent") =>
  checkWorkbook([specToGrid({ name: "自评表", rows, merges: [] })], scheme ? { gradeScheme: scheme } : {});
const grades = (rows: SheetSpec["rows"], scheme?: "national" | "national-excellent") => check(rows, scheme).findings.filter((f) => f.kind === "grade-diverges");

test("a table of 85 points that writes 良好: no grade-diverges under the national scheme (良), nor 良 under 优秀/良好", () => {
  const rows = (word: string): SheetSpec["rows"] => [
    HEAD,
    ["产出", "数量", "完成数", "≥5个", "5个", 60, REACH, 60],
    ["效益", "满意度", "满意度", "≥90%", "92%", 25, REACH, 25],
    ["效益", "满意度", "投诉率", "≤5%", "8%", 15, REACH, 0],
    ["合计", null, null, null, null, 100, null, 85],
    ["评价结论", null, null, word],
  ];
  expect(check(rows("良")).findings).toEqual([]);
  expect(grades(rows("良好"))).toEqual([]);
  expect(grades(rows("良"), "national-excellent")).toEqual([]);
  expect(grades(rows("优秀")).map((f) => `${f.reported}→${f.computed}`)).toEqual(["优秀→良"]);
});

test("the pane's summary does not mark 良好 / 良 as a difference, but marks 优 / 良", () => {
  const summary = (reported: string, computed: string): TableSummary => ({
    sheet: "自评表",
    range: "A1:H6",
    indicators: 3,
    weightSum: 100,
    total: { reported: 85, computed: 85 },
    grade: { reported, computed },
  });
  const classOf = (reported: string, computed: string) => {
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <SummaryView table={summary(reported, computed)} />
      </FluentProvider>,
    );
    const cls = screen.getByText(`${reported} / ${computed}`).className;
    unmount();
    return cls;
  };
  const same = classOf("良", "良");
  expect(classOf("良好", "良")).toBe(same);
  expect(classOf("优秀", "优")).toBe(same);
  expect(classOf("优", "良")).not.toBe(same);
});
