import type { TemplateDef } from "../types";
import { DEPT_SELF_ROWS } from "./deptSelfRows";

/**
 * Example self scores as departments typed them, with the mistakes seen in seeds/000: a 95% 满意度
 * scored 9.5 (the rule gives 5), a 支出进度率 of 95.4% scored by nearest step (2), a met target scored below full.
 */
const SELF: Record<string, number> = {
  预算完成率: 3,
  预算调整率: 3.52,
  支出进度率: 2,
  群众满意度: 10,
  政策知晓率: 7.6,
  重点工作实际完成率: 9,
  政府采购执行率: 2.5,
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
    return self === undefined
      ? { ...row, exampleSelfScore: row.weight, exampleNote: "" }
      : { ...row, exampleSelfScore: self, exampleNote: "自评得分与按评分规则计算的核查得分不一致，以核查得分为准。" };
  }),
  notes: [
    "自评得分照被核查部门报送的自评表填写；核查得分由公式按评分规则计算；差异超过0.005分时请在评分说明中写明原因。",
    "示例中的自评得分沿用了实际自评表中常见的错误（如群众满意度95%自评9.5分而规则应得5分），用于演示核查。",
  ],
};
