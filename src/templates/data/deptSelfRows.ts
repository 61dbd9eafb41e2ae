import type { TemplateRow } from "../types";

/** Rule texts of seeds/000 (大厂回族自治县医疗保障局 2020), shared by the self-evaluation and 核查 templates. */
const DOWN_10 = "实际值为100%得满分，每降低1%扣权重分的10%，扣完为止。";
const REACH_10 = "实际值达到目标值得满分，每降低1%扣权重分的10%，扣完为止。";
const UP_10 = "实际值小于等于0得满分，每增加1%扣权重分的10%，扣完为止。";
const POINTS_1_50_50 = "不具备要点1实际值得0权重分，具备要点2实际值得50%权重分，具备要点3实际值得50%权重分。";
const POINTS_50_50 = "具备要点1实际值得50%权重分，具备要点2实际值得50%权重分。";

/**
 * The common indicators of 部门整体支出绩效自评表 (seeds/000), weights summing to 100:
 * 部门管理 40, 部门产出 40, 部门效果 20. Example values are realistic year-end figures; 要点 rows take
 * the target word (all 要点 met) or "具备要点1、2" (the 要点 held).
 */
export const DEPT_SELF_ROWS: TemplateRow[] = [
  { level1: "部门管理", level2: "资金投入", level3: "预算完成率", target: "=100%", weight: 4, actualKind: "percent", exampleActual: 0.975, rule: DOWN_10, explanation: "预算完成率=(预算完成数/调整预算数)×100%。" },
  { level1: "部门管理", level2: "资金投入", level3: "预算调整率", target: "=0", weight: 4, actualKind: "percent", exampleActual: 0.012, rule: "实际值为0得满分，每增长或降低1%扣权重分的10%，扣完为止。", explanation: "预算调整率=(预算调整数/年初预算数)×100%。" },
  { level1: "部门管理", level2: "资金投入", level3: "支出进度率", target: "=100%", weight: 4, actualKind: "percent", exampleActual: 0.954, rule: DOWN_10, explanation: "支出进度率=(实际支付进度/既定支付进度)×100%。" },
  { level1: "部门管理", level2: "资金投入", level3: "“三公经费”变动率", target: "≤0", weight: 4, actualKind: "percent", exampleActual: -0.032, rule: UP_10, explanation: "“三公经费”变动率=[(本年度“三公经费”总额-上年度“三公经费”总额)/上年度“三公经费”总额]×100%。" },
  { level1: "部门管理", level2: "资金投入", level3: "结转结余变动率", target: "≤0", weight: 4, actualKind: "percent", exampleActual: 0.015, rule: UP_10, explanation: "结转结余变动率=(本年度累计结转结余资金总额-上年度累计结转结余资金总额)/上年度累计结转结余资金总额×100%。" },
  { level1: "部门管理", level2: "财务管理", level3: "财务管理制度健全性", target: "健全", weight: 1, actualKind: "text", exampleActual: "健全", rule: POINTS_1_50_50, explanation: "评价要点：1.具备适用于本部门的财务管理制度；2.财务管理制度内容完整；3.财务管理制度具备可操作性。" },
  { level1: "部门管理", level2: "财务管理", level3: "资金使用合规性", target: "合规", weight: 3, actualKind: "text", exampleActual: "合规", rule: "具备要点1-5得100%权重分，任意一项不具备得0权重分。", explanation: "评价要点：1.符合国家财经法规和财务管理制度；2.资金拨付有完整的审批程序和手续；3.重大开支经过评估论证；4.符合预算批复或合同规定的用途；5.不存在截留、挤占、挪用、虚列支出等情况。" },
  { level1: "部门管理", level2: "采购管理", level3: "政府采购执行率", target: "=100%", weight: 3, actualKind: "percent", exampleActual: 1, rule: DOWN_10, explanation: "政府采购执行率=(实际政府采购金额/政府采购预算数)×100%。" },
  { level1: "部门管理", level2: "资产管理", level3: "资产管理规范性", target: "规范", weight: 1, actualKind: "text", exampleActual: "具备要点1、2、3、4、6", rule: "不具备要点1实际值得0权重分，具备要点2-6实际值各得20%权重分。", explanation: "评价要点：1.建立了资产管理制度；2.资产保存完整；3.资产配置合理；4.资产处置规范；5.资产账务管理合规、帐实相符；6.资产有偿使用及处置收入及时足额上缴。" },
  { level1: "部门管理", level2: "人员管理", level3: "在职人员控制率", target: "≤100%", weight: 1, actualKind: "percent", exampleActual: 0.98, rule: "实际值小于等于100%得满分，每增加1%扣权重分的10%，扣完为止。", explanation: "在职人员控制率=(在职人员数/编制数)×100%。" },
  { level1: "部门管理", level2: "信息管理", level3: "预决算信息公开性", target: "按规定公开", weight: 2, actualKind: "text", exampleActual: "按规定公开", rule: POINTS_50_50, explanation: "评价要点：1.按规定内容公开预决算信息；2.按规定时限公开预决算信息。" },
  { level1: "部门管理", level2: "信息管理", level3: "基础信息完备性", target: "完备", weight: 1, actualKind: "text", exampleActual: "具备要点1、2", rule: POINTS_1_50_50, explanation: "评价要点：1.基础数据信息和会计信息资料真实；2.完整；3.准确。" },
  { level1: "部门管理", level2: "信息管理", level3: "绩效信息公开性", target: "按规定公开", weight: 1, actualKind: "text", exampleActual: "按规定公开", rule: POINTS_50_50, explanation: "评价要点：1.按规定内容公开绩效信息；2.按规定时限公开绩效信息。" },
  { level1: "部门管理", level2: "绩效管理", level3: "绩效目标审核通过率", target: "=100%", weight: 2, actualKind: "percent", exampleActual: 1, rule: DOWN_10, explanation: "绩效目标审核通过率=(绩效目标审核通过政策和项目数/绩效目标申报政策和项目数)×100%。" },
  { level1: "部门管理", level2: "绩效管理", level3: "绩效管理制度健全性", target: "健全", weight: 2, actualKind: "text", exampleActual: "健全", rule: POINTS_1_50_50, explanation: "评价要点：1.具备预算绩效管理制度；2.制度内容完整；3.制度具备可操作性。" },
  { level1: "部门管理", level2: "绩效管理", level3: "绩效管理工作覆盖率", target: "=100%", weight: 2, actualKind: "percent", exampleActual: 0.923, rule: DOWN_10, explanation: "绩效管理覆盖率=(开展预算绩效管理的部门预算金额/部门预算总金额)×100%。" },
  { level1: "部门管理", level2: "重点工作管理", level3: "重点工作制度健全性", target: "健全", weight: 1, actualKind: "text", exampleActual: "健全", rule: "具备要点1实际值得30%权重分，具备要点2实际值得30%权重分，具备要点3实际值得40%权重分。", explanation: "评价要点：1.重点工作均有适用的资金管理办法；2.对资金方向、使用方式、监管做明确规定；3.对开展内容、方式、计划、考核做明确规定。" },
  { level1: "部门产出", level2: "数量", level3: "重点工作实际完成率", target: "=100%", weight: 15, actualKind: "percent", exampleActual: 0.96, rule: DOWN_10, explanation: "重点工作实际完成率=(及时完成工作数/实际工作数)×100%。" },
  { level1: "部门产出", level2: "质量", level3: "重点工作质量达标率", target: "=100%", weight: 10, actualKind: "percent", exampleActual: 1, rule: REACH_10, explanation: "重点工作质量达标率=(质量达标工作数/实际工作数)×100%。" },
  { level1: "部门产出", level2: "时效", level3: "重点工作完成及时率", target: "≥100%", weight: 10, actualKind: "percent", exampleActual: 0.985, rule: "实际值大于等于100%得满分，每降低1%扣权重分的10%，扣完为止。", explanation: "重点工作完成及时率=(实际完成进度/计划完成进度)×100%。" },
  { level1: "部门产出", level2: "成本", level3: "一般性支出压减率", target: "≥0", weight: 5, actualKind: "percent", exampleActual: 0.031, rule: "实际值达到目标值要求得满分，每降低1%扣权重分的20%，扣完为止。", explanation: "一般性支出压减率=[(上年度一般性支出额-本年度一般性支出额)/上年度一般性支出额]×100%。" },
  { level1: "部门效果", level2: "社会效益", level3: "政策知晓率", target: "≥90%", weight: 10, actualKind: "percent", exampleActual: 0.876, rule: REACH_10, explanation: "政策知晓率=(知晓政策的受访群众数/受访群众总数)×100%。" },
  { level1: "部门效果", level2: "满意度", level3: "群众满意度", target: "≥90%", weight: 10, actualKind: "percent", exampleActual: 0.95, rule: REACH_10, explanation: "群众满意度=(满意的受访群众数/受访群众总数)×100%。" },
];
