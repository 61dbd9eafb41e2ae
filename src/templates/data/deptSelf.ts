import type { TemplateDef } from "../types";
import { DEPT_SELF_ROWS } from "./deptSelfRows";

export const DEPT_SELF: TemplateDef = {
  id: "dept-self",
  name: "部门整体支出绩效自评表",
  version: "2020.1",
  source: "共性指标、权重与评分规则取自河北省某县医疗保障局2020年部门整体绩效自评表（seeds/000）；“部门效果”中无目标值的经济效益行改为政策知晓率，权重合计100。",
  title: "部门（单位）整体支出绩效自评表",
  gradeScheme: "national",
  infoFields: [
    { label: "部门（单位）名称", example: "某县医疗保障局" },
    { label: "评价时段", example: "2025年1月1日至2025年12月31日" },
    { label: "联系人及电话", example: "王芳 0316-8366688" },
  ],
  columns: [
    { role: "level1", header: "一级指标", width: 10 },
    { role: "level2", header: "二级指标", width: 10 },
    { role: "level3", header: "三级指标", width: 20 },
    { role: "target", header: "目标值", width: 11 },
    { role: "actual", header: "实际值", width: 14 },
    { role: "weight", header: "权重", width: 7 },
    { role: "explanation", header: "指标解释", width: 36 },
    { role: "rule", header: "评分规则", width: 36 },
    { role: "score", header: "自评得分", width: 10 },
  ],
  rows: DEPT_SELF_ROWS,
  notes: [
    "百分比指标的实际值按百分数填写（输入95.4%或在已设百分比格式的单元格中输入95.4），取值范围-1000%至1000%。",
    "要点类指标（如“财务管理制度健全性”）的实际值：全部具备时填写目标值原词（如“健全”），部分具备时填写“具备要点1、2”。",
  ],
};
