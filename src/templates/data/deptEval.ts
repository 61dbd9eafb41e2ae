import type { TemplateDef, TemplateRow } from "../types";

type Row = Omit<TemplateRow, "level1" | "level2">;

/** One level-2 group: its name carries its weight, as on the printed 评分表 ("目标设定 (6分)"). */
function group(level1: string, level2: string, rows: Row[]): TemplateRow[] {
  return rows.map((r) => ({ ...r, level1, level2 }));
}

const L1_INPUT = "投入 (15分)";
const L1_PROCESS = "过程 (55分)";
const L1_OUTPUT = "产出 (15分)";
const L1_EFFECT = "效果 (15分)";

/**
 * 部门整体支出绩效评价指标体系评分表, after seeds/001 (隆化县医疗保障局): its indicator names, 指标解释
 * and 评分标准 texts, regrouped so that every level sums to its stated weight (the published table does
 * not: its 目标设定 (5分) lists 4 points, and one count bracket contradicts itself). Rows whose 实际值 is
 * a count of 评价要点 met take a number; 职责明确 is scored in words and by hand, as on paper.
 */
export const DEPT_EVAL: TemplateDef = {
  id: "dept-eval",
  name: "部门整体支出绩效评价指标体系评分表",
  version: "2021.1",
  source: "指标名称、指标解释与评分标准取自隆化县医疗保障局部门整体支出绩效评价指标体系评分表（seeds/001）；按投入15、过程55、产出15、效果15重新归组，使各级分值相符，并修正原表中自相矛盾的分档（“符合其中两项及以上(0分)”）。",
  title: "部门整体支出绩效评价指标体系评分表",
  gradeScheme: "national-excellent",
  infoFields: [
    { label: "被评价部门（单位）", example: "某县医疗保障局" },
    { label: "评价年度", example: "2025年度" },
  ],
  columns: [
    { role: "level1", header: "一级指标", width: 10 },
    { role: "level2", header: "二级指标", width: 14 },
    { role: "level3", header: "指标名称", group: "三级指标", width: 18 },
    { role: "explanation", header: "指标解释说明", group: "三级指标", width: 36 },
    { role: "rule", header: "评分标准", group: "三级指标", width: 36 },
    { role: "target", header: "目标值", width: 10 },
    { role: "actual", header: "实际值", width: 12 },
    { role: "weight", header: "分值", width: 7 },
    { role: "score", header: "得分", width: 9 },
  ],
  rows: [
    ...group(L1_INPUT, "目标设定 (6分)", [
      { level3: "职责明确", target: "符合", weight: 2, actualKind: "text", exampleActual: "符合", exampleManualScore: 2, rule: "符合(2分)；不符合(0分)。", explanation: "部门的职责设定是否符合“三定”方案中所赋予的职责和年度承担的重点工作。" },
      { level3: "活动合规性", target: 2, weight: 1, actualKind: "count", exampleActual: 2, rule: "全部符合(1分)；符合其中一项及以下(0分)。", explanation: "评价要点：1.部门活动在职责范围之内；2.部门活动符合发展规划与年度工作安排。实际值填写符合的要点数。" },
      { level3: "活动合理性", target: 2, weight: 1, actualKind: "count", exampleActual: 1, rule: "全部符合(1分)；符合其中一项及以下(0分)。", explanation: "评价要点：1.活动目标可量化；2.关键指标分解为具体目标与任务。实际值填写符合的要点数。" },
      { level3: "目标覆盖率", target: "=100%", weight: 2, actualKind: "percent", exampleActual: 1, rule: "达到目标值得2分，未达到目标值得0分。", explanation: "申报绩效目标项目资金总额/部门项目预算资金总额×100%。" },
    ]),
    ...group(L1_INPUT, "预算配置 (9分)", [
      { level3: "“三公经费”控制率", target: "≤100%", weight: 3, actualKind: "percent", exampleActual: 1.004, rule: "目标值为≤100%；达到目标值得3分，未达到目标值的每增加0.1个百分点扣0.1分，扣完为止。", explanation: "控制率=(“三公经费”实际支出/“三公经费”预算安排数)×100%。" },
      { level3: "政府采购执行率", target: "=100%", weight: 3, actualKind: "percent", exampleActual: 0.97, rule: "目标值为100%；以3分为上限，采用完成率法计分：得分=政府采购执行率×3，超出目标值不加分。", explanation: "政府采购执行率=(实际政府采购金额/政府采购预算数)×100%。" },
      { level3: "固定资产利用率", target: "=80%", weight: 3, actualKind: "percent", exampleActual: 0.76, rule: "目标值为80%；以3分为上限，采用完成率法计分：得分=固定资产利用率/80%×100%×3，超出目标值不加分。", explanation: "固定资产利用率=(实际在用固定资产总额/所有固定资产总额)×100%。" },
    ]),
    ...group(L1_PROCESS, "预算执行 (20分)", [
      { level3: "预算完成率", target: "=100%", weight: 5, actualKind: "percent", exampleActual: 0.962, rule: "目标值为100%；以5分为上限，采用完成率法计分：得分=预算完成率×5，超出目标值不加分。", explanation: "预算完成率=(预算完成数/调整预算数)×100%。" },
      { level3: "支出进度率", target: "=100%", weight: 5, actualKind: "percent", exampleActual: 0.93, rule: "目标值为100%；达到目标值得5分；100%>结果≥95%，得4分；95%>结果≥90%，得3分；90%>结果≥85%，得1分；结果<85%得0分。", explanation: "支出进度率=(实际支付进度/既定支付进度)×100%。" },
      { level3: "结转结余率", target: "≤10%", weight: 5, actualKind: "percent", exampleActual: 0.126, rule: "目标值为≤10%；达到目标值得5分，未达到目标值的每增加1个百分点扣0.5分，扣完为止。", explanation: "结转结余率=结转结余总额/支出预算数×100%。" },
      { level3: "预算调整率", target: "≤5%", weight: 5, actualKind: "percent", exampleActual: 0.031, rule: "目标值为≤5%；达到目标值得5分，未达到目标值的每增加1个百分点扣1分，扣完为止。", explanation: "预算调整率=(预算调整数/年初预算数)×100%。" },
    ]),
    ...group(L1_PROCESS, "行政管理 (11分)", [
      { level3: "管理制度健全性", target: 3, weight: 2, actualKind: "count", exampleActual: 3, rule: "全部符合(2分)；符合其中两项(1分)；符合其中一项及以下(0分)。", explanation: "评价要点：1.已制定或具有相应的财务和业务管理制度；2.制度合法、合规、完整；3.制度得到有效执行。实际值填写符合的要点数。" },
      { level3: "资金使用合规性", target: 8, weight: 9, actualKind: "count", exampleActual: 7, rule: "全部符合(9分)；符合其中七项(8分)；符合其中六项(5分)；符合其中五项(3分)；符合其中四项及以下(0分)。", explanation: "评价要点共8项（资金使用符合法规、审批程序完整、专款专用、无截留挤占挪用等）。实际值填写符合的要点数。" },
    ]),
    ...group(L1_PROCESS, "预算绩效监控管理 (12分)", [
      { level3: "监控率", target: "=90%", weight: 2, actualKind: "percent", exampleActual: 0.95, rule: "目标值为90%；以2分为上限，采用完成率法计分：得分=监控率×2，超出目标值不加分。", explanation: "监控率=实施绩效监控的项目数/实际申报绩效目标项目数×100%。" },
      { level3: "项目实际完成率", target: "=100%", weight: 4, actualKind: "percent", exampleActual: 0.96, rule: "目标值为100%；达到目标值得4分；100%>结果≥95%，得3分；95%>结果≥90%，得2分；90%>结果≥85%，得1分；结果<85%得0分。", explanation: "项目实际完成率=(实际完成项目数/计划完成项目数)×100%。" },
      { level3: "部门绩效自评比率", target: "=100%", weight: 3, actualKind: "percent", exampleActual: 0.85, rule: "达到目标值得3分，未达到目标值采用完成率法计分：得分=占比率/目标值×3，超过目标值不加分。", explanation: "部门自评项目资金量/项目支出资金量×100%。" },
      { level3: "绩效目标覆盖率", target: "=100%", weight: 3, actualKind: "percent", exampleActual: 1, rule: "达到目标值得3分，未达到目标值得0分。", explanation: "设定绩效目标的项目数/项目总数×100%。" },
    ]),
    ...group(L1_PROCESS, "绩效评价管理 (12分)", [
      { level3: "违规率", target: "=0", weight: 2, actualKind: "percent", exampleActual: 0.003, rule: "目标值0，达到目标值得2分，未达到目标值的每增加0.1个百分点扣0.1分。", explanation: "违规率=存在违规问题的资金额/部门预算支出资金总额×100%。" },
      { level3: "部门预算绩效考核评价", target: 100, weight: 5, actualKind: "number", exampleActual: 92, rule: "综合得分=(部门绩效管理工作评价结果/100)*5分", explanation: "财政部门对部门预算绩效管理工作的评价结果，按百分制。" },
      { level3: "应用率", target: "=100%", weight: 2, actualKind: "percent", exampleActual: 0.8, rule: "目标值为100%；以2分为上限，采用完成率法计分：得分=应用率×2，超出目标值不加分。", explanation: "应用绩效评价结果的项目数量/部门实施绩效评价项目数量×100%。" },
      { level3: "评价结果公开", target: 2, weight: 3, actualKind: "count", exampleActual: 1, rule: "全部符合(3分)；符合其中一项(1.5分)；符合其中零项(0分)。", explanation: "评价要点：1.按要求对社会公开绩效评价结果；2.将预算绩效管理工作开展情况向同级政府、人大报告。实际值填写符合的要点数。" },
    ]),
    ...group(L1_OUTPUT, "职责履行 (15分)", [
      { level3: "项目质量达标率", target: "=100%", weight: 4, actualKind: "percent", exampleActual: 0.97, rule: "目标值100%；以4分为上限，采用完成率法计分：得分=项目质量达标率×4，≤95%的扣4分。", explanation: "项目质量达标率=(质量达标项目个数/已完成项目个数)×100%。" },
      { level3: "重点工作办结率", target: "=100%", weight: 4, actualKind: "percent", exampleActual: 0.94, rule: "目标值100%；以4分为上限，采用完成率法计分：得分=重点工作办结率×4，≤90%的扣4分。", explanation: "重点工作办结率=(重点工作实际完成数/交办或下达数)×100%。" },
      { level3: "重点工作完成及时率", target: "≥100%", weight: 4, actualKind: "percent", exampleActual: 0.985, rule: "实际值大于等于100%得满分，每降低1%扣权重分的10%，扣完为止。", explanation: "重点工作完成及时率=(实际完成进度/计划完成进度)×100%。" },
      { level3: "信息公开及时率", target: "=100%", weight: 3, actualKind: "percent", exampleActual: 1, rule: "达到目标值得3分，未达到目标值得0分。", explanation: "按时公开的信息数/应公开的信息数×100%。" },
    ]),
    ...group(L1_EFFECT, "社会效益 (10分)", [
      { level3: "社会公众满意度", target: "≥90%", weight: 5, actualKind: "percent", exampleActual: 0.88, rule: "满意度≥90%，得5分；80%≤满意度<90%，得3分；满意度<80%，得0分。", explanation: "对社会公众开展问卷调查的满意度。" },
      { level3: "有效投诉", target: "=0", weight: 5, actualKind: "count", exampleActual: 2, rule: "每出现一例有效投诉扣1分，扣完为止。", explanation: "年度内经核实的有效投诉件数。" },
    ]),
    ...group(L1_EFFECT, "可持续影响 (5分)", [
      { level3: "长效管理机制健全性", target: "健全", weight: 5, actualKind: "text", exampleActual: "具备要点1、3", rule: "不具备要点1实际值得0权重分，具备要点2实际值得50%权重分，具备要点3实际值得50%权重分。", explanation: "评价要点：1.建立长效管理制度；2.明确管理责任与经费保障；3.建立问题整改和结果运用机制。" },
    ]),
  ],
  notes: [
    "一级、二级指标名称中的分值为该级指标的合计分值；得分按“优秀90–100、良好80–89.99、中60–79.99、较差60以下”评定。",
    "要点个数类指标（如“资金使用合规性”）的实际值填写符合的评价要点个数；要点类指标填写“健全”（全部具备）或“具备要点1、3”。",
    "“职责明确”按文字评分，由评价人员手工填写得分（黄色单元格）。",
  ],
};
