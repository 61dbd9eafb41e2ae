import Decimal from "decimal.js";
import type { Comparator, ParsedValue } from "../../values/types";
import type { Bound } from "../types";
import { assume, type EvalContext } from "./context";

/**
 * Indicator names whose lower values are better (RULES.md), used when the target has no ≤/≥. Names say what
 * they measure: a cost (成本, 费用), a control or change rate (控制率, 变动率, 调整率, 结余率 — seeds/000), or a
 * harm counted or rated (森林火灾受害率, 主要林业有害生物成灾率 — tests/corpus/rows/chongqing-liangping-linyeju-zhengti.json;
 * 勒索病毒导致系统中断 — jiangsu-suzhou-caizheng-zaibei.json; 事故率, 发病率, 差错率, 超支率, 闲置率 — issue 9's classes).
 */
const LOWER_IS_BETTER_WORDS = [
  "成本", "控制率", "变动率", "调整率", "结余率", "结转率", "投诉率", "发生率", "费用", "支出额", "人均费用", "单价", "时长", "耗时",
  "事故", "违规", "违纪", "差错", "错误率", "失误", "超支", "闲置", "受害", "成灾", "灾害损失", "损失率", "发病", "患病率",
  "死亡", "病死", "伤亡", "流失", "空置", "违约", "返工", "不合格", "辍学", "犯罪", "复发", "逾期", "拖欠", "故障", "缺陷",
  "中断", "污染", "排放", "能耗", "上访", "信访量", "投诉", "案件发生", "隐患数", "漏报", "误报", "退货", "偏差率", "误差",
];

export function nameSaysLowerIsBetter(name: string): boolean {
  return LOWER_IS_BETTER_WORDS.some((w) => name.includes(w));
}

/**
 * Names that say higher is better (完成率, 满意度, 合格率, counts and areas): with them a bare target
 * needs no assumption. Each word is one seen as a 三级指标 name in published tables.
 */
const HIGHER_IS_BETTER_WORDS = [
  "完成率", "执行率", "合格率", "达标率", "满意度", "覆盖率", "到位率", "及时率", "知晓率", "利用率", "使用率", "完好率",
  "通过率", "参与率", "入学率", "就业率", "增长率", "验收率", "完成数", "数量", "人数", "人次", "面积", "户数", "次数",
  "个数", "公开率", "准确率", "正确率", "回收率", "达成率", "兑现率", "发放率", "落实率", "结案率", "办结率", "受益",
];

const COUNT_UNITS = /^(个|人|人次|户|次|场|场次|期|项|件|篇|份|家|所|名|批|套|台|辆|处|条|本|册|亩|公里|千米|米|平方米|株|头|只|座|间|班|课时|学时)$/;

/** Words by their first character: a name is scanned once, not once per word (every scored row asks). */
type WordIndex = Map<string, readonly string[]>;

function indexWords(words: readonly string[]): WordIndex {
  const index = new Map<string, string[]>();
  for (const w of words) index.set(w[0], [...(index.get(w[0]) ?? []), w]);
  return index;
}

const LOWER_INDEX = indexWords(LOWER_IS_BETTER_WORDS);
const HIGHER_INDEX = indexWords(HIGHER_IS_BETTER_WORDS);

/** Where the last of the words found in the name ends (-1: none). */
function lastEndOfAny(name: string, index: WordIndex): number {
  let at = -1;
  for (let i = 0; i < name.length; i++) {
    const words = index.get(name[i]);
    if (words) for (const w of words) if (name.startsWith(w, i)) at = Math.max(at, i + w.length);
  }
  return at;
}

/**
 * The row's direction, with the assumption recorded where neither a ≤/≥ nor the name decides it
 * (or where only the name does): ctx.flips can turn it round for the alternative reading.
 */
export function rowLowerIsBetter(ctx: EvalContext): boolean {
  const target = ctx.target;
  const cmp = target.kind === "number" || target.kind === "date" ? target.comparator : null;
  if (cmp === "le" || cmp === "lt") return true;
  if (cmp === "ge" || cmp === "gt") return false;
  const name = ctx.name;
  // Chinese names are head-final: in 单位面积改造成本 the last direction word (成本) decides.
  const lastLower = lastEndOfAny(name, LOWER_INDEX);
  const lastHigher = lastEndOfAny(name, HIGHER_INDEX);
  const byName = lastLower > lastHigher;
  const higher = lastHigher > lastLower;
  if (target.kind !== "number") return byName;
  // =0 or a bare 0: a lower-is-better target, or one no ratio can be taken of; either way not a guess to flip.
  // 0起 / =0: nothing meets a zero target from above in a higher-is-better reading, so a zero with a unit
  // or an = is lower-is-better; a bare 0 goes by the name (a ratio of it cannot be taken either way).
  if (target.magnitude.lte(0)) return byName || target.unit !== null || target.comparator === "eq";
  if (byName && !higher) {
    assume(ctx, "direction-from-name", `目标值未写≥或≤，按指标名称“${name}”判断为越低越好`);
    return !ctx.flips.has("direction-from-name");
  }
  if (higher && !byName) return false;
  // Counted outputs (50个, 300人次, 12场) are more-is-better; money and time can go either way.
  if (!byName && target.unit !== null && COUNT_UNITS.test(target.unit)) return false;
  // A bare 100% target cannot be lower-is-better in any sensible reading.
  if (target.kind === "number" && target.unit === "percent" && target.magnitude.gte(1)) return false;
  assume(ctx, "direction-assumed", "目标值未写≥或≤，指标名称也未表明方向，按越高越好理解");
  return ctx.flips.has("direction-assumed");
}

export function compare(a: Decimal, cmp: Comparator, b: Decimal): boolean {
  switch (cmp) {
    case "ge":
      return a.gte(b);
    case "le":
      return a.lte(b);
    case "gt":
      return a.gt(b);
    case "lt":
      return a.lt(b);
    case "eq":
      return a.eq(b);
  }
}

export function satisfies(a: Decimal, bound: Bound): boolean {
  return compare(a, bound.comparator, bound.value);
}

/** Whether actual A meets target T: "=" with T > 0 behaves as "≥" (over-achievement is not penalised). */
export function meetsNumeric(T: Decimal, A: Decimal, targetCmp: Comparator | null, lower: boolean): boolean {
  if (targetCmp === "gt") return A.gt(T);
  if (targetCmp === "lt") return A.lt(T);
  return lower ? A.lte(T) : A.gte(T);
}

export const CMP_TEXT: Record<Comparator, string> = { ge: "≥", le: "≤", gt: ">", lt: "<", eq: "=" };
export const CMP_WORD: Record<Comparator, string> = { ge: "不低于", le: "不高于", gt: "高于", lt: "低于", eq: "等于" };
