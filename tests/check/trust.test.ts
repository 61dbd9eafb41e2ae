import ExcelJS from "exceljs";
import { workbookToGrids } from "../../src/adapters/xlsx-core";
import { checkWorkbook } from "../../src/check";

/**
 * Issue 9 in the sheet check, on an invented project table laid out as the national form (the real
 * documents behind each class are in tests/corpus): an error only where the divergence holds under every
 * reading considered; a warning that names what to confirm otherwise; unreadable values quoted; a score
 * outside a band the rule allows; a zero weight.
 */
async function grids(rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["2023年度某县项目支出绩效自评表"]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  for (const r of rows) ws.addRow(r);
  return workbookToGrids(wb);
}

const base: (string | number | null)[][] = [
  ["产出指标", "数量指标", "完成培训人次", "≥500人次", "500人次", 30, 30, ""],
  ["产出指标", "质量指标", "验收合格率", "≥95%", "95%", 20, 20, ""],
  ["效益指标", "社会效益", "群众生活条件改善", "明显", "明显", 20, 20, ""],
  ["满意度指标", "服务对象满意度", "群众满意度", "≥90%", "92%", 30, 30, ""],
];

function withRow(at: number, r: (string | number | null)[]) {
  const rows = base.map((x) => [...x]);
  rows[at] = r;
  return rows;
}

test("a divergence that holds whatever the direction is an error and names the readings tried", async () => {
  const result = checkWorkbook(await grids(withRow(0, ["产出指标", "数量指标", "某项任务指标", "20", "25", 30, 12, "原因"])));
  const f = result.findings.find((x) => x.kind === "score-diverges")!;
  expect(f).toMatchObject({ cell: "G3", severity: "error", reported: 12, computed: 30 });
  expect(f.message).toContain("按越高越好理解");
  expect(f.message).toContain("也都不是12分");
});

test("a reported score that matches the other direction is a warning naming the assumption to confirm", async () => {
  // 20 against 25 with a neutral name: 30 if higher is better, 30×20/25 = 24 if lower is better.
  const result = checkWorkbook(await grids(withRow(0, ["产出指标", "数量指标", "某项任务指标", "20", "25", 30, 24, "原因"])));
  const f = result.findings.find((x) => x.kind === "score-diverges")!;
  expect(f).toMatchObject({ cell: "G3", severity: "warning", reported: 24, computed: 30, reading: "指标方向：按越低越好" });
  expect(f.message).toContain("请确认：目标值未写≥或≤，指标名称也未表明方向，按越高越好理解是否成立");
});

test("an unreadable actual is a warning that quotes the cell, not the row's score", async () => {
  const result = checkWorkbook(await grids(withRow(1, ["产出指标", "质量指标", "验收合格率", "≥95%", "2 95%", 20, 20, ""])));
  const f = result.findings.find((x) => x.kind === "value-unreadable")!;
  expect(f).toMatchObject({ cell: "E4", severity: "warning", reported: "2 95%" });
  expect(f.message).toContain("“2 95%”");
});

test("a score outside the band a partial-achievement word allows is a finding, with no single score computed", async () => {
  // 较明显 against 明显: partly achieved, the national band 60–80% of 20 = 12–16.
  const result = checkWorkbook(await grids(withRow(2, ["效益指标", "社会效益", "群众生活条件改善", "明显", "较明显", 20, 20, "原因"])));
  const f = result.findings.find((x) => x.kind === "score-out-of-range")!;
  expect(f).toMatchObject({ cell: "G5", severity: "warning", reported: 20, computed: null });
  expect(f.message).toMatch(/12–16分之间/);
  // Inside the band: nothing to say.
  const inside = checkWorkbook(await grids(withRow(2, ["效益指标", "社会效益", "群众生活条件改善", "明显", "较明显", 20, 14, "原因"])));
  expect(inside.findings.filter((x) => x.kind === "score-out-of-range")).toEqual([]);
});

test("a zero weight is a finding and is not added into 权重合计", async () => {
  const rows = [...base.map((x) => [...x]), ["满意度指标", "服务对象满意度", "投诉处理", "100%", "100%", 0, 0, ""]];
  const result = checkWorkbook(await grids(rows));
  const f = result.findings.find((x) => x.kind === "weight-invalid")!;
  expect(f).toMatchObject({ cell: "F7", severity: "error", reported: 0 });
  expect(result.tables[0].weightSum).toBe(100);
  expect(result.findings.filter((x) => x.kind === "weight-sum")).toEqual([]);
});

test("a qualitative target met but scored inside the national 达成 band is a warning; below the band, an error", async () => {
  const inBand = checkWorkbook(await grids(withRow(2, ["效益指标", "社会效益", "群众生活条件改善", "明显", "明显", 20, 17, ""])));
  const warned = inBand.findings.find((x) => x.kind === "score-diverges")!;
  expect(warned).toMatchObject({ cell: "G5", severity: "warning", reported: 17, computed: 20 });
  expect(warned.message).toContain("“达成”档");
  expect(warned.message).toContain("请确认");
  const below = checkWorkbook(await grids(withRow(2, ["效益指标", "社会效益", "群众生活条件改善", "明显", "明显", 20, 15, ""])));
  const wrong = below.findings.find((x) => x.kind === "score-diverges")!;
  expect(wrong).toMatchObject({ cell: "G5", severity: "error", reported: 15 });
  expect(wrong.message).toContain("16–20分");
});
