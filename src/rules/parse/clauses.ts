/** Shared clause helpers: where the condition ends and the gain begins, and clauses that carry no rule. */
import { wordCondition } from "./conditions";
import type { Clause, Token } from "./tokens";

/** Markers that start what a clause gives, earliest wins (…的得3分, …为满分, …不得分, …计8分). */
const GAIN_MARKERS = ["不得分", "不计分", "不给分", "为满分", "得", "计", "给"];

/** Where a gain marker starts in a word; 计 in 计划 (按计划完成) is not one. */
function markerAt(word: string, marker: string): number {
  let k = word.indexOf(marker);
  while (k >= 0 && marker === "计" && word[k + 1] === "划") k = word.indexOf(marker, k + 1);
  return k;
}

/** Splits a clause into its condition tokens and its gain tokens. */
export function splitAtGain(tokens: Token[]): { cond: Token[]; gain: Token[] } {
  // ",3分" / ",3分。": a clause that is only points.
  const first = tokens[0];
  const second = tokens[1];
  if (first?.t === "num" && !first.percent && second?.t === "word" && (second.text === "分" || second.text === "分的") && tokens.length === 2) {
    return { cond: [], gain: tokens };
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.t === "lp" && tokens[i + 1]?.t === "num" && tokens[i + 2]?.t === "word" && (tokens[i + 2] as { text: string }).text.startsWith("分") && tokens[i + 3]?.t === "rp") {
      // (1分): the bracketed points of 符合(1分).
      return { cond: tokens.slice(0, i), gain: tokens.slice(i) };
    }
    if (t.t !== "word") continue;
    let at = -1;
    for (const m of GAIN_MARKERS) {
      const k = markerAt(t.text, m);
      if (k >= 0 && (at < 0 || k < at)) at = k;
    }
    if (at < 0) continue;
    const head = t.text.slice(0, at);
    const tail = t.text.slice(at);
    const cond = tokens.slice(0, i);
    if (head) cond.push({ t: "word", text: head, raw: head });
    return { cond, gain: [{ t: "word", text: tail, raw: tail }, ...tokens.slice(i + 1)] };
  }
  return { cond: tokens, gain: [] };
}

const BOILERPLATE = [
  "扣完为止", "扣完即止", "扣完", "扣至0分为止", "扣至零分为止", "直至扣完", "扣满为止", "扣分至0为止",
  "超出目标值不加分", "超过目标值不加分", "超出部分不加分", "超过部分不加分", "超额不加分", "不加分", "不另加分",
];

/** Clauses that restate what the row already says or add nothing to the score. */
export function isBoilerplate(c: Clause): boolean {
  const t = c.text;
  if (BOILERPLATE.includes(t)) return true;
  // 超过100%不加分 / 超出目标值部分不加分: over-achievement never adds, whatever the bound.
  if ((t.endsWith("不加分") || t.endsWith("不另加分") || t.endsWith("不额外加分")) && !t.includes("扣") && !t.includes("得")) return true;
  // 计算公式： / 计分方法： — a label before the formula.
  if (["计算公式", "计算方法", "计分方法", "评分方法", "计分公式", "评分标准", "计分标准", "公式"].includes(t)) return true;
  // 最高不超过分值 / 不超过满分: the cap every score has.
  if (/不(得|应|能)?(超过|高于|大于)/.test(t) && /(分值|满分|权重|权重分|上限)$/.test(t) && !t.includes("扣")) return true;
  // 超过100%按100%计 / 超出目标值的按目标值计算: over-achievement never adds.
  if (/^(超过|超出|高于|大于)(100%|目标值|目标|指标值|计划)(的|部分)?(按|以)(100%|目标值|目标|指标值|计划|满分)(计|计算|计分)?$/.test(t)) return true;
  // 满分封顶 / 以分值为限 / 得分以满分为上限: caps stated in words, which every score has.
  if (/(封顶|为限|为上限)$/.test(t) && !/\d/.test(t) && !t.includes("扣")) return true;
  // 以3分为上限 / 最高3分 / 满分3分: the weight, which the row carries.
  if (t.startsWith("以") && t.endsWith("分为上限")) return true;
  if ((t.startsWith("最高") || t.startsWith("满分")) && t.endsWith("分") && !t.includes("扣")) return true;
  // 目标值为≤100% / 目标值0 / 指标值为90%: restates the target cell.
  if ((t.startsWith("目标值") || t.startsWith("指标值") || t.startsWith("年度目标值")) && !t.includes("得") && !t.includes("扣")) return true;
  // (只适用有下属单位的部门) / (注:…): notes on applicability.
  if (t.startsWith("(") && t.endsWith(")") && (t.includes("适用") || t.startsWith("(注"))) return true;
  return false;
}

const COMPARING = ["以上", "以下", "以内", "大于", "小于", "低于", "高于", "不足", "超过", "超出", "达到", "少于", "多于", "不低于", "不高于", "每"];

const SCORING_CHARS = ["得", "扣", "减", "分", "计", "加", "满", "%"];

/** Words that change how a score is computed even without a number (除外, 四舍五入, 加倍, 减半…). */
const MODIFIER_WORDS = ["除外", "不含", "另行", "加倍", "翻倍", "双倍", "减半", "上限", "下限", "四舍五入", "取整", "保留", "不计入", "例外", "累计", "叠加", "合并"];

/** A clause with no number, sign, scoring or modifying word only describes the situation (针对…进行核实). */
export function isDescriptive(c: Clause): boolean {
  if (c.tokens.some((t) => t.t === "num" || t.t === "cmp" || t.t === "op")) return false;
  if (MODIFIER_WORDS.some((w) => c.text.includes(w))) return false;
  // 低于 / 以上 / 不足 alone compare something: not a description.
  if (COMPARING.some((w) => c.text.includes(w))) return false;
  return !SCORING_CHARS.some((ch) => c.text.includes(ch));
}

export function wordIncludes(t: Token | undefined, s: string): boolean {
  return t !== undefined && t.t === "word" && t.text.includes(s);
}

/** Joins a condition-only clause to the next one (完成率达100%的，得满分 -> one clause). */
export function joinConditions(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  let carry: Clause | null = null;
  for (const c of clauses) {
    const joined: Clause = carry ? { tokens: [...carry.tokens, ...c.tokens], text: `${carry.text},${c.text}`, strongEnd: c.strongEnd } : c;
    carry = null;
    const hasBound = joined.tokens.some((t) => t.t === "num" || t.t === "cmp");
    // 指标完成值达到指标值的，得满分: a target condition in words also waits for what it gives.
    const targetWords = !hasBound && joined.tokens.every((t) => t.t === "word") && (() => {
      const w = wordCondition(joined.text);
      return w !== null && w !== "unreadable";
    })();
    const conditionOnly =
      !isBoilerplate(joined) &&
      (hasBound || targetWords) &&
      !["得", "扣", "减", "计", "按"].some((w) => joined.text.includes(w)) &&
      !joined.text.startsWith("以") &&
      !joined.strongEnd &&
      !joined.tokens.some((t) => t.t === "word" && (t.text.endsWith("得分") || t.text.endsWith("分数")));
    if (conditionOnly) carry = joined;
    else out.push(joined);
  }
  if (carry) out.push(carry);
  return out;
}

