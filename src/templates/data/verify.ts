import type { TemplateDef } from "../types";
import { DEPT_SELF_ROWS } from "./deptSelfRows";

/**
 * Example 自评得分 as a department typed them, with the mistakes seen in real tables (seeds/000): a
 * shortfall scored full, a met target scored below full, a whole-step reading the rule does not state.
 * Each row below full marks carries the 评分说明 an auditor would write; unlisted rows are met and full.
 */
const SELF: Record<string, { score: number; note?: string }> = {
  预算完成率: { score: 3, note: "实际值97.5%低于目标2.5个百分点，扣1分，自评得分正确。" },
  预算调整率: { score: 3.52, note: "预算调整率1.2%，偏离目标1.2个百分点，扣0.48分，自评得分正确。" },
  支出进度率: { score: 2, note: "自评按整步扣分（95.4%按95%计）；评分规则未规定取整，按比例计应得2.16分。" },
  结转结余变动率: { score: 4, note: "实际值1.5%高于目标值0，每增加1%扣权重分的10%，应扣0.6分。" },
  政府采购执行率: { score: 2.5, note: "实际值100%达到目标值，应得满分3分。" },
  资产管理规范性: { score: 1, note: "不具备要点5（资产账务管理合规），应得0.8分。" },
  基础信息完备性: { score: 1, note: "仅具备要点1、2，要点3不具备，应得0.5分。" },
  绩效管理工作覆盖率: { score: 2, note: "实际值92.3%低于目标7.7个百分点，应扣1.54分。" },
  重点工作实际完成率: { score: 9, note: "实际值96%低于目标4个百分点，扣6分，自评得分正确。" },
  重点工作完成及时率: { score: 10, note: "实际值98.5%未达到100%，应扣1.5分。" },
  政策知晓率: { score: 7.6, note: "实际值87.6%低于目标2.4个百分点，扣2.4分，自评得分正确。" },
};

export const VERIFY: TemplateDef = {
  id: "verify",
  name: "部门整体支出绩效自评核查评分表",
  version: "2020.1",
  source: "指标体系同“部门整体支出绩效自评表”（seeds/000）；增加核查得分、差异与评分说明列，供财政部门或第三方机构复核。",
  title: "部门（单位）整体支出绩效自评核查评分表",
  gradeScheme: "national",
  infoFields: [
    { label: "被核查部门（单位）", example: "某县医疗保障局" },
    { label: "核查机构", example: "某县财政局绩效管理股" },
    { label: "核查日期", example: "2026年3月15日" },
  ],
  columns: [
    { role: "level1", header: "一级指标", width: 10 },
    { role: "level2", header: "二级指标", width: 10 },
    { role: "level3", header: "三级指标", width: 20 },
    { role: "target", header: "目标值", width: 11 },
    { role: "actual", header: "实际值", width: 14 },
    { role: "weight", header: "权重", width: 7 },
    { role: "rule", header: "评分规则", width: 36 },
    { role: "selfScore", header: "自评得分", width: 10 },
    { role: "verifiedScore", header: "核查得分", width: 10 },
    { role: "difference", header: "差异（自评-核查）", width: 11 },
    { role: "note", header: "评分说明", width: 36 },
  ],
  rows: DEPT_SELF_ROWS.map((row) => {
    const self = SELF[row.level3];
    return { ...row, exampleSelfScore: self?.score ?? row.weight, exampleNote: self?.note ?? "" };
  }),
  notes: [
    "自评得分照被核查部门报送的自评表填写；核查得分由公式按评分规则计算；差异超过0.005分时请在评分说明中写明原因。",
    "示例中的自评得分沿用了实际自评表中常见的错误（未达标却得满分、达标却未得满分、按整步扣分），用于演示核查。",
  ],
};
