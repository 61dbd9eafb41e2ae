/**
 * Checklist rules (要点): 不具备要点1实际值得0权重分，具备要点2实际值得50%权重分…;
 * 具备要点1-5得100%权重分,任意一项不具备得0权重分; 具备要点2-6实际值各得20%权重分;
 * and count tiers 全部符合(9分)；符合其中七项(8分)…；符合其中四项及以下(0分).
 */
import type { Comparator } from "../../values/types";
import type { Amount, ChecklistPoint, ChecklistRule } from "../types";
import { readGain, saysZero } from "./amount";
import { isBoilerplate, isDescriptive, splitAtGain } from "./clauses";
import { RuleParseError } from "./errors";
import type { Clause, Token } from "./tokens";

/** Words that open a 要点 clause; the negative ones make the point a gate. */
const POINT_LEADS = ["具备要点", "不具备要点", "符合要点", "不符合要点", "满足要点", "不满足要点", "要点", "完成要点", "未完成要点", "达到要点", "未达到要点"];
const NEGATIVE_LEADS = ["不具备要点", "不符合要点", "不满足要点", "未完成要点", "未达到要点"];
/** What may sit between the point numbers and what they give: 实际值 / 各 / 的. */
const BETWEEN = ["", "实际值", "的", "各", "实际值各", "均", "时", "的各", "实际值均"];

const ANY_MISSING = ["任意一项不具备", "任一项不具备", "任何一项不具备", "有一项不具备", "任意一项不符合", "任一项不符合", "任何一项不符合", "有一项不符合", "任意一项未", "缺少任何一项", "缺一项"];

/** Point numbers after 要点: 1 / 1-5 / 1、2、3 / 1和2. */
function readIndices(tokens: Token[], from: number): { indices: number[]; end: number } | null {
  const first = tokens[from];
  if (!first || first.t !== "num" || first.percent || !first.value.isInteger()) return null;
  const indices = [first.value.toNumber()];
  let i = from + 1;
  while (i < tokens.length) {
    const sep = tokens[i];
    const n = tokens[i + 1];
    if (!n || n.t !== "num" || n.percent || !n.value.isInteger()) break;
    if (sep.t === "op" && sep.op === "-") {
      const last = indices[indices.length - 1];
      const to = n.value.toNumber();
      if (to <= last || to - last > 50) return null;
      for (let k = last + 1; k <= to; k += 1) indices.push(k);
    } else if (sep.t === "word" && ["、", "和", "及", "与", "要点", "、要点"].includes(sep.text)) {
      indices.push(n.value.toNumber());
    } else break;
    i += 2;
  }
  return { indices, end: i };
}

function splitAmount(total: Amount, count: number): Amount {
  return { mode: total.mode, value: total.value.div(count) };
}

export function parsePointsChecklist(text: string, clauses: Clause[]): ChecklistRule {
  const points: ChecklistPoint[] = [];
  const gates: number[] = [];
  let allOrNothing = false;
  for (const c of clauses) {
    if (isBoilerplate(c) || isDescriptive(c)) continue;
    if (ANY_MISSING.some((w) => c.text.includes(w))) {
      // 任意一项不具备得0权重分: exactly that, nothing else in the clause.
      const { cond, gain } = splitAtGain(c.tokens);
      let condText = cond.map((t) => t.raw).join("");
      while (condText.endsWith("的") || condText.endsWith("时") || condText.endsWith("实际值")) condText = condText.endsWith("实际值") ? condText.slice(0, -3) : condText.slice(0, -1);
      if (!ANY_MISSING.some((w) => condText === w || condText === `${w}要点`) || !saysZero(gain)) throw new RuleParseError(c.text);
      allOrNothing = true;
      continue;
    }
    // <具备|不具备|符合…>要点<indices>[实际值][各]<gain>, and nothing else.
    const first = c.tokens[0];
    if (!first || first.t !== "word" || !POINT_LEADS.includes(first.text)) throw new RuleParseError(c.text);
    const read = readIndices(c.tokens, 1);
    if (!read) throw new RuleParseError(c.text);
    const negative = NEGATIVE_LEADS.includes(first.text);
    // 具备要点1得1分 / ①②③各1分 (no 得: the rest of the clause is the amount).
    const rest = c.tokens.slice(read.end);
    const { cond: between, gain } = splitAtGain(rest);
    const betweenText = between.map((t) => t.raw).join("");
    if (gain.length > 0 && !BETWEEN.includes(betweenText)) throw new RuleParseError(c.text);
    const amount = readGain(gain.length > 0 ? gain : rest, c.text);
    if (!amount) throw new RuleParseError(c.text, "未写明得分");
    if (negative) {
      if (!amount.value.isZero()) throw new RuleParseError(c.text);
      gates.push(...read.indices);
      continue;
    }
    if (amount.value.isZero()) throw new RuleParseError(c.text, "具备要点却得0分");
    const each = betweenText.includes("各") || betweenText.includes("均") || gain.length === 0;
    const per = each ? amount : splitAmount(amount, read.indices.length);
    for (const index of read.indices) {
      if (points.some((p) => p.index === index)) throw new RuleParseError(c.text, `要点${index}重复`);
      points.push({ index, share: per });
    }
  }
  if (points.length === 0) throw new RuleParseError(text, "未写明任何要点的得分");
  points.sort((a, b) => a.index - b.index);
  return { kind: "checklist", text, points, gates, allOrNothing, countTiers: [] };
}

const MAX_COUNT_TIERS = 40;

interface CountTier {
  count: number;
  comparator: Comparator;
  points: Amount;
  all?: boolean;
  phrase: string;
}

const LEAST_WORDS: Array<[string, Comparator]> = [["及以上", "ge"], ["以上", "ge"], ["及以下", "le"], ["以下", "le"]];

/** True when a rule speaks of how many points are met: 符合其中七项. */
export function hasCountTiers(text: string): boolean {
  return text.includes("符合其中") || text.includes("具备其中");
}

function interval(t: CountTier): [number, number] {
  switch (t.comparator) {
    case "eq": return [t.count, t.count];
    case "ge": return [t.count, Infinity];
    case "gt": return [t.count + 1, Infinity];
    case "le": return [0, t.count];
    case "lt": return [0, t.count - 1];
  }
}

export function parseCountChecklist(text: string, clauses: Clause[]): ChecklistRule {
  const tiers: CountTier[] = [];
  let allTier: { points: Amount; phrase: string } | null = null;
  for (const c of clauses) {
    if (isBoilerplate(c) || isDescriptive(c)) continue;
    const { cond, gain } = splitAtGain(c.tokens);
    const amount = gain.length > 0 ? readGain(gain, c.text) : null;
    const phrase = cond.map((t) => t.raw).join("");
    if (!amount) throw new RuleParseError(c.text, "未写明得分");
    if (phrase.startsWith("不符合") || phrase.includes("项不符合")) throw new RuleParseError(c.text, "「不符合」的项数含义不明");
    if (phrase === "全部符合" || phrase === "全部具备" || phrase === "均符合") {
      if (allTier) throw new RuleParseError(c.text);
      allTier = { points: amount, phrase };
      continue;
    }
    if (["均不符合", "全部不符合", "都不符合", "均不具备", "全部不具备"].includes(phrase)) {
      tiers.push({ count: 0, comparator: "eq", points: amount, phrase });
      continue;
    }
    // Exactly 符合其中<N>项[及以上|及以下]: anything else in the tier is not read.
    const [lead, n, after, ...extra] = cond;
    const leadOk = lead?.t === "word" && ["符合其中", "具备其中", "仅符合其中", "只符合其中", "满足其中"].includes(lead.text);
    if (!leadOk || !n || n.t !== "num" || !n.value.isInteger() || n.percent || extra.length > 0 || !after || after.t !== "word" || !after.text.startsWith("项")) {
      throw new RuleParseError(c.text);
    }
    const tail = after.text.slice(1);
    const least = LEAST_WORDS.find(([w]) => tail === w);
    if (tail !== "" && tail !== "的" && !least) throw new RuleParseError(c.text);
    tiers.push({ count: n.value.toNumber(), comparator: least ? least[1] : "eq", points: amount, phrase });
  }
  if (tiers.length + (allTier ? 1 : 0) < 2) throw new RuleParseError(text, "项数档次不足两档");
  // Real count rules have a handful of tiers; the pairwise contradiction check below stays small.
  if (tiers.length > MAX_COUNT_TIERS) throw new RuleParseError(text, `项数档次超过${MAX_COUNT_TIERS}个`);
  if (allTier) {
    // 全部 is more than any count written as exact (符合其中七项 means there are at least eight).
    const exact = tiers.filter((t) => t.comparator === "eq" || t.comparator === "le").map((t) => t.count);
    const count = (exact.length > 0 ? Math.max(...exact) : 0) + 1;
    tiers.unshift({ count, comparator: "ge", points: allTier.points, all: true, phrase: allTier.phrase });
  }
  for (let a = 0; a < tiers.length; a += 1) {
    for (let b = a + 1; b < tiers.length; b += 1) {
      const [alo, ahi] = interval(tiers[a]);
      const [blo, bhi] = interval(tiers[b]);
      const overlap = Math.max(alo, blo) <= Math.min(ahi, bhi);
      if (overlap && !tiers[a].points.value.eq(tiers[b].points.value)) {
        throw new RuleParseError(text, `评分档次相互矛盾：「${tiers[a].phrase}」与「${tiers[b].phrase}」所指项数重叠而得分不同`);
      }
    }
  }
  return {
    kind: "checklist",
    text,
    points: [],
    gates: [],
    allOrNothing: false,
    countTiers: tiers.map(({ count, comparator, points, all }) => (all ? { count, comparator, points, all } : { count, comparator, points })),
  };
}

