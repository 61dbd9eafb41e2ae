import type { TemplateDef } from "../types";

/**
 * 项目支出绩效自评表 in the national format (财预〔2020〕10号 附件): no rule column, the national default
 * rule on every row; 产出50、效益30、满意度10、预算执行率10. Units live in the indicator name (“（个）”)
 * so that 年度指标值 stays a number with its comparator, which the score formula reads.
 */
export const PROJECT: TemplateDef = {
  id: "project",
  name: "项目支出绩效自评表",
  version: "2020.1",
  source: "格式依据财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）附件项目支出绩效自评表；指标示例为老旧小区改造项目，权重按产出50、效益30、满意度10、预算执行率10。",
  title: "项目支出绩效自评表",
  gradeScheme: "national",
  infoFields: [
    { label: "项目名称", example: "2025年老旧小区改造项目" },
    { label: "主管部门", example: "某县住房和城乡建设局" },
    { label: "实施单位", example: "某县城市更新服务中心" },
  ],
  budget: { exampleBudget: 500, exampleSpent: 462.35 },
  columns: [
    { role: "level1", header: "一级指标", width: 10 },
    { role: "level2", header: "二级指标", width: 12 },
    { role: "level3", header: "三级指标", width: 26 },
    { role: "target", header: "年度指标值", width: 12 },
    { role: "actual", header: "实际完成值", width: 12 },
    { role: "weight", header: "分值", width: 7 },
    { role: "score", header: "得分", width: 9 },
    { role: "note", header: "偏差原因分析及改进措施", width: 36 },
  ],
  rows: [
    { level1: "产出指标", level2: "数量指标", level3: "改造老旧小区数量（个）", target: "≥12", weight: 15, actualKind: "count", exampleActual: 12 },
    { level1: "产出指标", level2: "数量指标", level3: "惠及居民户数（户）", target: "≥2400", weight: 10, actualKind: "count", exampleActual: 2350, exampleNote: "2户居民因房屋产权纠纷暂缓改造，明年一并实施。" },
    { level1: "产出指标", level2: "质量指标", level3: "工程竣工验收合格率", target: "=100%", weight: 10, actualKind: "percent", exampleActual: 1 },
    { level1: "产出指标", level2: "时效指标", level3: "项目按期完工率", target: "≥95%", weight: 10, actualKind: "percent", exampleActual: 0.92, exampleNote: "雨季延误两个小区工期，已调整施工计划。" },
    { level1: "产出指标", level2: "成本指标", level3: "单位面积改造成本（元/平方米）", target: "≤350", weight: 5, actualKind: "number", exampleActual: 372, exampleNote: "钢材价格上涨，成本超出目标。" },
    { level1: "效益指标", level2: "社会效益指标", level3: "居住环境改善住户占比", target: "≥90%", weight: 10, actualKind: "percent", exampleActual: 0.935 },
    { level1: "效益指标", level2: "生态效益指标", level3: "小区绿化覆盖率提高（百分点）", target: "≥5", weight: 10, actualKind: "number", exampleActual: 4.2, exampleNote: "部分小区空间受限，绿化提升幅度不足。" },
    { level1: "效益指标", level2: "可持续影响指标", level3: "长效物业管理覆盖率", target: "≥80%", weight: 10, actualKind: "percent", exampleActual: 0.85 },
    { level1: "满意度指标", level2: "服务对象满意度指标", level3: "改造小区居民满意度", target: "≥90%", weight: 10, actualKind: "percent", exampleActual: 0.963 },
    { level1: "预算执行率", level2: "预算执行率", level3: "预算执行率", target: "=100%", weight: 10, actualKind: "percent", exampleActual: 0, actualFromBudget: true, exampleNote: "部分工程款按合同约定于次年验收后支付。" },
  ],
  notes: [
    "本表无评分规则列，按国家默认规则计分：达到年度指标值得满分；未达到的按“实际完成值/年度指标值×分值”计分；成本等越低越好的指标（年度指标值带“≤”）超出时按“年度指标值/实际完成值×分值”计分。",
    "预算执行率得分=分值×全年执行数/全年预算数，最高为分值；执行率由上方预算执行情况自动计算。",
    "计量单位写在三级指标名称中（如“（个）”），年度指标值与实际完成值只填数字（可带≥、≤）。",
  ],
};
