/**
 * The header vocabulary, in one place: every word (or keyword feature) detection reads in a header cell, the
 * column role it names, and the real tables it came from. Detection classifies a column by the features of
 * its header path (src/sheet/classify.ts), not by exact strings: a feature is a regular expression matched
 * against normalizeLabel() text (no spaces, half-width brackets).
 *
 * Sources are written as repository paths: ../shared/seeds/NNN (the seed documents), tests/corpus/rows/*.json
 * (real rows; their tables' headers), tests/fixtures/tables/*.json (real tables with their web addresses),
 * and "issue 10" for a header seen on a public table named in issue 10 before its fixture exists.
 */
import type { IndicatorRole } from "./headers";

/** A column's role as detection reads it; "ignore" columns (序号, 度量单位, 指标性质) are named but not used. */
export type HeaderRole = Exclude<IndicatorRole, "level1" | "level2" | "level3"> | "name" | "ignore";

export interface VocabularyEntry {
  /** The role the feature names. */
  role: HeaderRole;
  /** Keyword feature, tested on the normalised text of one header cell. */
  feature: RegExp;
  /** Header words seen in real tables that the feature reads (documentation and tests). */
  words: string[];
  /** Where each word was seen. */
  sources: string[];
}

const SEED0 = "../shared/seeds/000 部门（单位）整体绩效自评表（大厂回族自治县医疗保障局）";
const SEED1 = "../shared/seeds/001 部门整体支出绩效评价指标体系评分表（隆化县医疗保障局）";
const SEED3 = "../shared/seeds/003 部门预算信息公开情况说明（大厂县医疗保障局，项目绩效目标表）";
const SEED4 = "../shared/seeds/004 部门整体支出绩效自评基础数据表（区财政局格式）";
const DAZHOU = "tests/fixtures/tables/sichuan-dazhou-nyj-bumen-zhengti-defenbiao.json http://nyj.dazhou.gov.cn/xxgk-show-16453.html";
const QINGSHEN = "tests/fixtures/tables/sichuan-qingshen-fgj-gongzixing-zhichu.json https://www.scqs.gov.cn/info/13206/211004.htm";
const NATIONAL = "examples/specs/project-national.ts 项目支出绩效自评表（财预〔2020〕10号附件格式）";
const CORPUS = "tests/corpus/rows/*.json 项目支出绩效自评表（安徽、湖南、湖北、四川、山西、河北、宁夏、北京、云南、江苏、福建、重庆的公开表）";
const KEXUECHENG = "tests/fixtures/tables/chongqing-kexuecheng-rongmeiti-zhengti.json https://m.yzwku.com/doc/98587.html";
const HAIDIAN = "tests/fixtures/tables/beijing-haidian-xueyuanlu-daolu-baojie-2016.json https://www.wenku365.com/s-60761775.html";
const ISSUE = "issue 10: 核查评分表（评价指标 › 一级/二级/三级指标 › 名称|权重(%)，自评得分|核查得分）及国家项目表的省级变体";

/**
 * Order matters: the first entry whose feature matches a cell decides (评分标准 is a rule before 评分 is a
 * score; 得分说明 an explanation before 得分 a score; 应得分 a weight before 得分 a score).
 */
export const VOCABULARY: VocabularyEntry[] = [
  { role: "ignore", feature: /^(序号|编号|行次|项次|NO\.?|No\.?)$/i, words: ["序号", "编号"], sources: [ISSUE, SEED4] },
  { role: "ignore", feature: /^(度量单位|计量单位|单位|指标性质|指标方向|指标类型|备注)$/, words: ["度量单位", "指标性质", "计量单位"], sources: [QINGSHEN, CORPUS] },
  // 得分系数(%) is the score over the weight, 是否核心指标 a yes/no flag: neither is a score or a name.
  { role: "ignore", feature: /^(得分系数(\(%\))?|是否核心指标|核心指标)$/, words: ["得分系数(%)", "是否核心指标"], sources: [KEXUECHENG] },
  {
    role: "note",
    feature: /^(指标(解释|说明|内涵|定义|含义|解释说明)|计算公式|评价要点|指标解释\*?)$/,
    words: ["指标解释", "指标解释说明", "指标说明", "计算公式"],
    sources: [SEED0, SEED1],
  },
  {
    role: "rule",
    feature: /(评分|计分|打分|评\(扣\)分|评扣分|扣分|考核|评价)(标准|规则|办法|方法|细则|依据|要点)|计分方法|评分规则|得分(计算)?(方法|办法|标准|规则)/,
    words: ["评分规则", "评分标准", "评(扣)分标准", "扣分标准", "计分方法", "评分办法", "评价标准", "得分计算方法"],
    sources: [SEED0, SEED1, ISSUE, CORPUS, HAIDIAN],
  },
  {
    role: "explanation",
    feature: /(原因|说明|理由|整改措施|改进措施)/,
    words: ["偏差原因分析及改进措施", "未完成原因分析", "未完成原因", "评分说明", "扣分说明", "得分说明", "原因"],
    sources: [QINGSHEN, NATIONAL, CORPUS],
  },
  {
    role: "weight",
    feature: /(分值|权重|权数|满分|标准分|基础分|基准分|应得分|参考分|^分数(\(分\))?$|^分$|^指标分$)/,
    words: ["权重", "分值", "分值(分)", "权重(%)", "指标分值", "参考分值", "标准分", "满分值", "权重分"],
    sources: [SEED0, SEED4, QINGSHEN, NATIONAL, ISSUE, CORPUS],
  },
  {
    role: "verified",
    feature: /(核查|复核|审核|复评|核定|评审|专家|财政|主管部门|评价组|评价)(得分|评分|分数|打分|分)/,
    words: ["核查得分", "复核得分", "审核得分", "财政评分", "评价得分"],
    sources: [ISSUE],
  },
  {
    role: "score",
    feature: /(得分|评分|自评分|自评分数|打分|^分数$|^实得分$)/,
    words: ["自评得分", "得分", "自评分", "评分", "单位自评得分"],
    sources: [SEED0, SEED1, DAZHOU, QINGSHEN, NATIONAL, CORPUS],
  },
  {
    role: "target",
    feature: /(目标值|指标值|计划值|预期值|年度目标|预期目标|计划数|目标数|标准值)/,
    words: ["目标值", "指标值", "年度指标值", "全年预期目标值", "计划值"],
    sources: [SEED0, SEED3, QINGSHEN, NATIONAL, CORPUS],
  },
  {
    role: "actual",
    feature: /(实际|完成值|完成数|完成情况|完成量|实现值|执行值)/,
    words: ["实际值", "完成值", "实际完成值", "全年实际值", "实际完成情况"],
    sources: [SEED0, QINGSHEN, NATIONAL, CORPUS],
  },
  {
    role: "name",
    feature: /(指标|名称)|^(考核|评价|指标)?内容$|^(考核|评价)(项目|要素)$/,
    words: ["一级指标", "二级指标", "三级指标", "指标名称", "名称", "考核内容", "评价内容"],
    sources: [SEED0, SEED1, DAZHOU, QINGSHEN, NATIONAL, ISSUE, CORPUS],
  },
];

/** Level words: 一级 / 二级 / 三级 (also 1级, 一级标准, 一级指标名称). */
export const LEVEL_FEATURE = /(一|二|三|四|[1-4１-４])级/;
/** A level word alone (一级, 一级标准 of seeds/004) names that level's names column. */
export const LEVEL_WORDS: { feature: RegExp; level: 1 | 2 | 3; sources: string[] }[] = [
  { feature: /(一|1|１)级/, level: 1, sources: [SEED0, SEED1, SEED4, DAZHOU, QINGSHEN] },
  { feature: /(二|2|２)级/, level: 2, sources: [SEED0, SEED1, SEED4, DAZHOU, QINGSHEN] },
  { feature: /(三|3|３|四|4|４)级/, level: 3, sources: [SEED0, SEED1, DAZHOU, QINGSHEN] },
];

/**
 * Group words: a header cell over several columns that names no role itself (评价指标 over 一级/二级/三级指标,
 * 自评 over 得分). They may stand alone on a header row above the row of roles.
 */
export const GROUP_FEATURE = /^(绩效|评价|考核|评分|项目)?(指标|内容)(体系)?$|^(自评|核查|复核|审核|评价|财政评价|自评情况|核查情况|评分情况)$/;
export const GROUP_SOURCES = [ISSUE, SEED1];

/** Words in a path above a score that make it the verified score (核查 › 得分). */
export const VERIFIER_CONTEXT = /(核查|复核|审核|复评|核定|评审|专家|财政|评价组)/;
/** Words above a score that make it the self score (自评 › 得分). */
export const SELF_CONTEXT = /自评|单位|部门/;

/** Header cells longer than this are texts (rules, prompts), never header words. */
export const MAX_HEADER_CHARS = 24;
