import ExcelJS from "exceljs";
import { workbookToGrids } from "../../src/adapters/xlsx-core";
import { checkWorkbook } from "../../src/check";

/**
 * A project table laid out as another province does: 指标值/完成值/分值（分）/评分标准/自评分/未完成原因,
 * rules in some rows only, a 预算执行率 row and a 总分 row. Nothing here comes from the seeds.
 */
async function sheet(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRow(["2022年度某县农业农村局项目支出绩效自评表"]);
  ws.addRow(["项目名称", "高标准农田建设"]);
  ws.addRow([]);
  ws.addRow(["一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值（分）", "评分标准", "自评分", "未完成原因"]);
  ws.addRow(["产出指标", "数量指标", "建设高标准农田面积", "≥5000亩", "5200亩", 20, "完成目标得满分，未完成按比例得分", 20, ""]);
  ws.addRow(["", "质量指标", "验收合格率", "100%", "98%", 15, "每降低1个百分点扣1分", 13, "个别地块整改中"]);
  ws.addRow(["", "时效指标", "完成及时率", "100%", "100%", 15, "", 15, ""]);
  ws.addRow(["", "成本指标", "亩均投资", "≤3000元", "3150元", 10, "", 10, ""]);
  ws.addRow(["效益指标", "经济效益", "亩均增产", "≥50公斤", "55公斤", 15, "", 15, ""]);
  ws.addRow(["", "社会效益", "带动农户增收", "明显", "明显", 10, "", 10, ""]);
  ws.addRow(["满意度指标", "服务对象满意度", "农户满意度", "≥90%", "93%", 5, "", 5, ""]);
  ws.addRow(["预算执行率", "", "", "100%", "96%", 10, "", 9.6, ""]);
  ws.addRow(["总分", "", "", "", "", 100, "", 97.6, ""]);
  ws.mergeCells("A5:A8");
  ws.mergeCells("A9:A10");
  return wb;
}

test("another province's project table: columns found, the wrong cost row and the missing reason reported, nothing else", async () => {
  const result = checkWorkbook(workbookToGrids(await sheet()));
  expect(result.tables).toHaveLength(1);
  expect(result.tables[0]).toMatchObject({ indicators: 8, weightSum: 100, total: { reported: 97.6 } });
  const found = result.findings.map((f) => `${f.cell} ${f.kind}`).sort();
  // 亩均投资 3150元 against ≤3000元 scores 10×3000/3150 = 9.52 under the national default rule, not 10.
  expect(found).toEqual(["H13 total-diverges", "H8 score-diverges", "I12 deviation-reason-missing"]);
  const cost = result.findings.find((f) => f.cell === "H8")!;
  expect(cost.computed).toBe(9.52);
  // Its rule cell is empty: the national default rule is named, and the finding is a warning, not an error.
  expect(cost.severity).toBe("warning");
  expect(cost.message).toContain("本行未写评分规则，按国家默认规则计算");
});
