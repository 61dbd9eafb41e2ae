import { checkWorkbook } from "../../src/check";
import { specToGrid } from "../../examples/specs/spec";

/**
 * seeds/004 附件2: 部门整体支出绩效自评工作考核评分表 — 一级标准/二级标准/分值/计分标准/评分, level cells
 * left blank under their first row, a "合  计" row, manual (酌情) rules. Everything in it is consistent.
 */
const rows = [
  ["一级标准", "二级标准", "分值", "计分标准", "评分"],
  ["自评完成及时性", "是否按时完成绩效自评工作", 10, "及时完成绩效自评工作并按时向区财政局报送结果的得10分；每推迟一天报送结果的扣1分，最多扣10分。", 10],
  ["自评组织情况", "组织绩效自评", 10, "印发绩效自评通知的，得5分，否则不得分；成立自评工作小组，得5分，否则不得分。", 10],
  [null, "自评复评情况", 10, "组织对所属单位的自评进行复评工作，并将结果报区财政局备案的得10分，否则不得分。（只适用有下属单位的部门）", 10],
  ["自评结果", "绩效自评结果的完整性", 20, "绩效评价结果含部门整体绩效自评报告、基础数据表、部门概况、部门整体支出管理及使用情况、部门专项组织实施情况、资产管理情况、部门整体支出绩效情况、存在的主要问题、改进措施和有关建议、评价指标、佐证材料的得20分，每缺少一项扣3分，扣完即止。", "20　"],
  [null, "绩效自评指标是否细化和量化", 15, "个性指标全部细化到三级指标的得10分；个性指标内涵明确、具体、可衡量的得2分；否则每项酌情扣分，最多扣5分。", 15],
  [null, "填报数据真实性", 5, "针对部门整体支出绩效评价结果中的所有数据，从部门提交的佐证材料中进行核实，全部相符的得5分，每有一处不相符，扣1分，扣完即止。", 5],
  [null, "绩效自评报告反映问题是否全面", 15, "反映问题比较全面并进行认真分析的得15分，只提出“资金不足”问题的不得分，其他情况酌情计分。", 15],
  [null, "是否针对问题提出可行性建议", 15, "针对发现问题提出可行性建议或整改措施的得15分，只提出“加大资金投入建议”的不得分，其他情况酌情计分。", 15],
  ["合  计", null, 100, null, 100],
];

test("seeds/004 考核评分表: detected with its 合计; a consistent table gives no finding", () => {
  const result = checkWorkbook([specToGrid({ name: "考核评分表", rows, merges: [] })]);
  expect(result.tables.map(({ reading: _reading, ...t }) => t)).toEqual([
    { sheet: "考核评分表", range: "A1:E10", indicators: 8, weightSum: 100, total: { reported: 100, computed: null }, grade: { reported: null, computed: "优" } },
  ]);
  const [table] = result.details;
  expect(table.table.rows[2].path).toEqual(["自评组织情况", "自评复评情况"]);
  expect(table.units[3].block.score).toBe(20);
  expect(result.findings).toEqual([]);
  // 一级标准/二级标准 are read as the level columns; the manual (酌情) rules are why some scores are not computed.
  const reading = result.tables[0].reading!;
  expect(reading.columns.map((c) => `${c.label}=${c.column}（${c.header}）`)).toEqual([
    "一级指标=A（一级标准）", "二级指标=B（二级标准）", "权重=C（分值）", "评分规则=D（计分标准）", "自评得分=E（评分）",
  ]);
  expect(reading.rowsWithScore).toBe(8);
});

test("the same table with a score above its weight and a wrong 合计", () => {
  const wrong = rows.map((r) => [...r]);
  wrong[6][4] = 6;
  const result = checkWorkbook([specToGrid({ name: "考核评分表", rows: wrong, merges: [] })]);
  expect(result.findings.map((f) => `${f.cell} ${f.kind}`)).toEqual(["E7 score-exceeds-weight", "E10 total-diverges"]);
});
