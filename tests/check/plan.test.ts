import { buildPlan, checkWorkbook, findingsSheetRows } from "../../src/check";
import { specToGrid, type SheetSpec } from "../../examples/specs/spec";
import { seed000 } from "../../examples/specs";

const result = checkWorkbook(seed000.sheets.map(specToGrid));
const SHEET = "部门整体绩效自评表";

describe("buildPlan", () => {
  test("fills the missing block score with its computed value, colours and notes every finding cell", () => {
    const plan = buildPlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: "values" });
    expect(plan.actions.filter((a) => a.kind === "set-value")).toEqual([{ kind: "set-value", sheet: SHEET, cell: "I47", value: 10 }]);
    const fills = plan.actions.filter((a) => a.kind === "fill");
    expect(fills.map((a) => a.kind === "fill" && `${a.cell} ${a.severity}`)).toEqual(["I26 info", "I36 error", "I47 warning", "I50 error", "I51 error"]);
    const note = plan.actions.find((a) => a.kind === "note" && a.cell === "I50");
    expect(note && note.kind === "note" && note.text).toContain("按评分规则计算应得5分");
  });

  test("annotate: false gives no fill and no note", () => {
    const plan = buildPlan(result, { fillMissing: true, annotate: false, overwriteDiverging: false, formulas: "values" });
    expect(plan.actions.map((a) => a.kind)).toEqual(["set-value"]);
  });

  test("overwriteDiverging replaces only error-severity scores, never the one that matches another reading", () => {
    const plan = buildPlan(result, { fillMissing: false, annotate: false, overwriteDiverging: true, formulas: "values" });
    expect(plan.actions).toEqual([
      { kind: "set-value", sheet: SHEET, cell: "I36", value: 1 },
      { kind: "set-value", sheet: SHEET, cell: "I50", value: 5 },
    ]);
  });

  test("formulas: jx writes =JX.SCORE over the row's own cells where the score belongs to one row", () => {
    const rows: SheetSpec["rows"] = [
      ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "权重", "评分规则", "自评得分"],
      ["产出", "数量", "完成数", "≥5个", "5个", 60, "达到目标值得满分，未达到目标值不得分", null],
      ["效益", "满意度", "满意度", "≥90%", "92%", 40, "达到目标值得满分，未达到目标值不得分", 40],
    ];
    const r = checkWorkbook([specToGrid({ name: "表", rows, merges: [] })]);
    const plan = buildPlan(r, { fillMissing: true, annotate: false, overwriteDiverging: false, formulas: "jx" });
    expect(plan.actions).toEqual([{ kind: "set-formula", sheet: "表", cell: "H2", formula: "JX.SCORE(G2,D2,E2,F2)" }]);
    const nearest = buildPlan(checkWorkbook([specToGrid({ name: "表", rows, merges: [] })], { stepCounting: "nearest" }), {
      fillMissing: true,
      annotate: false,
      overwriteDiverging: false,
      formulas: "jx",
    });
    expect(nearest.actions).toEqual([{ kind: "set-formula", sheet: "表", cell: "H2", formula: 'JX.SCORE(G2,D2,E2,F2,"stepCounting=nearest")' }]);
    // A merged block has no single row to point the formula at: its value is written.
    const blockPlan = buildPlan(result, { fillMissing: true, annotate: false, overwriteDiverging: false, formulas: "jx" });
    expect(blockPlan.actions).toEqual([{ kind: "set-value", sheet: SHEET, cell: "I47", value: 10 }]);
  });

  test("the 校验结果 rows list every finding with its place and a link", () => {
    const rows = findingsSheetRows(result.findings);
    expect(rows).toHaveLength(result.findings.length);
    expect(rows[3].values.slice(0, 7)).toEqual([4, SHEET, "I50", "得分与规则不符", "错误", 9.5, 5]);
    expect(rows[3].link).toEqual({ sheet: SHEET, cell: "I50" });
  });
});
