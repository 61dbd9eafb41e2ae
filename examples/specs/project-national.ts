/**
 * A 项目支出绩效自评表 in the national format (财预〔2020〕10号): no rule column, the 项目资金 block with
 * 分值/执行率/得分 (the 预算执行率 row), 一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 得分,
 * 偏差原因分析及改进措施, and the 总分 row. The project and its budget (93 / 88.13 万元) are those of
 * seeds/000's task table (政府购买服务人员经费); the indicators are written for this example in the
 * form such tables use, with the kinds of slips RULES.md lists (a shortfall scored above the national
 * rule, a deduction without a 偏差原因).
 */
import { gap, mergeRuns, pct, type CellSpec, type SheetSpec, type WorkbookSpec } from "./spec";

type Ind = [string, string, string, CellSpec, CellSpec, number, number, string];

const indicators: Ind[] = [
  ["产出指标", "数量指标", "购买服务人员数量", "≥15人", "15人", 10, 10, ""],
  ["", "", "服务覆盖科室数", "≥5个", "5个", 10, 10, ""],
  ["", "质量指标", "人员到岗率", "≥95%", pct(1), 10, 10, ""],
  ["", "", "年度考核合格率", "≥90%", pct(0.933, "0.0%"), 10, 10, ""],
  ["", "时效指标", "工资按时发放率", "=100%", pct(1), 5, 5, ""],
  ["", "成本指标", "人均购买服务成本", "≤6.2万元", "5.88万元", 5, 5, ""],
  ["效益指标", "社会效益指标", "窗口业务办件量", "≥40000件", "44860件", 15, 15, ""],
  ["", "可持续影响指标", "服务人员年度流失率", "≤10%", pct(0.133, "0.0%"), 15, 12, "2名购买服务人员离职，已启动补充招聘"],
  ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", pct(0.88), 10, 9.78, ""],
];

function build(): SheetSpec {
  const rows: CellSpec[][] = [];
  const merges: string[] = [];
  const add = (row: CellSpec[]) => rows.push(row) && rows.length;
  add(["项目支出绩效自评表", ...gap(9)]);
  add(["（2020年度）", ...gap(9)]);
  merges.push("A1:J1", "A2:J2");
  add(["项目名称", null, "政府购买服务人员经费", ...gap(7)]);
  merges.push("A3:B3", "C3:J3");
  add(["主管部门", null, "大厂回族自治县医疗保障局", null, null, null, "实施单位", null, "大厂回族自治县医疗保障局", null]);
  merges.push("A4:B4", "C4:F4", "G4:H4", "I4:J4");
  add(["项目资金（万元）", null, null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  add([null, null, "年度资金总额", null, 93, 93, 88.13, 10, pct(0.9476, "0.00%"), 9.48]);
  add([null, null, "其中：当年财政拨款", null, 93, 93, 88.13, "—", null, "—"]);
  add([null, null, "上年结转资金", null, null, null, null, "—", null, "—"]);
  add([null, null, "其他资金", null, null, null, null, "—", null, "—"]);
  merges.push("A5:B9", "C5:D5", "C6:D6", "C7:D7", "C8:D8", "C9:D9");
  add(["年度总体目标", "预期目标", null, null, null, null, "实际完成情况", null, null, null]);
  add([null, "保持购买服务人员队伍稳定，保障医保经办窗口日常工作正常开展。", null, null, null, null, "购买服务人员15名全部到岗，窗口业务正常运转，全年办件44860件。", null, null, null]);
  merges.push("A10:A11", "B10:F10", "G10:J10", "B11:F11", "G11:J11");
  const header = add(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", null]);
  merges.push(`I${header}:J${header}`);
  const first = header + 1;
  for (const [l1, l2, l3, target, actual, weight, score, reason] of indicators) {
    const r = add([null, l1, l2, l3, target, actual, weight, score, reason, null]);
    merges.push(`I${r}:J${r}`);
  }
  const last = rows.length;
  merges.push(`A${header}:A${last}`);
  mergeRuns(indicators.map((i) => i[0]), "B", first, merges);
  mergeRuns(indicators.map((i) => i[1]), "C", first, merges, indicators.map((i) => i[0]));
  const total = add(["总分", null, null, null, null, null, 100, 96.26, null, null]);
  merges.push(`A${total}:F${total}`, `I${total}:J${total}`);
  return {
    name: "项目支出绩效自评表",
    rows,
    merges,
    widths: [8, 12, 16, 20, 12, 12, 8, 8, 24, 12],
    titleRows: [1],
    headerRows: [5, header],
  };
}


export const projectNational: WorkbookSpec = {
  file: "项目支出绩效自评表-国家格式.xlsx",
  source: "财预〔2020〕10号 项目支出绩效自评表格式；项目与预算数取自 seeds/000 的年度主要任务表（政府购买服务人员经费）",
  sheets: [build()],
};
