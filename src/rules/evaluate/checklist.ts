import Decimal from "decimal.js";
import type { ChecklistRule } from "../types";
import { amountPoints, describeAmount, EvalError, type EvalContext, type KindResult } from "./context";
import { compare, CMP_TEXT } from "./direction";
import { wordAchievement } from "./words";
import { normalizeText } from "../../values/normalize";

/** Which 要点 the actual says are met: all (健全 = 健全), a list (具备要点1、3), or a count. */
type Met = { all: true } | { all: false; points: Set<number> } | { count: number };

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function numbersIn(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch >= "0" && ch <= "9") {
      let j = i;
      while (j < text.length && text[j] >= "0" && text[j] <= "9") j++;
      const n = Number(text.slice(i, j));
      // 1-3 means 1, 2, 3
      if (text[j] === "-" && text[j + 1] >= "0" && text[j + 1] <= "9") {
        let k = j + 1;
        while (k < text.length && text[k] >= "0" && text[k] <= "9") k++;
        const m = Number(text.slice(j + 1, k));
        for (let x = n; x <= m && x - n < 100; x++) out.push(x);
        i = k;
        continue;
      }
      out.push(n);
      i = j;
    } else if ("①②③④⑤⑥⑦⑧⑨⑩".includes(ch)) {
      out.push("①②③④⑤⑥⑦⑧⑨⑩".indexOf(ch) + 1);
      i++;
    } else i++;
  }
  return out;
}

function readMet(rule: ChecklistRule, ctx: EvalContext): Met {
  const a = ctx.actual;
  if (a.kind === "number" && (a.unit === null || /项|个|条/.test(a.unit))) return { count: a.magnitude.toNumber() };
  // "具备要点1、2" has digits, so the value parser calls it unreadable; here its raw text is what counts.
  if (a.kind !== "word" && a.kind !== "unreadable") throw new EvalError(`实际值“${a.raw}”无法判断具备哪些要点，请填写如“健全”或“具备要点1、2”`, "value-unreadable");
  const text = normalizeText(a.raw);
  if (/要点|第/.test(text) || /^[\d、,，①-⑩-]+$/.test(text)) {
    const listed = new Set(numbersIn(text));
    const all = allIndices(rule);
    if (/不具备|缺少|未具备|不符合/.test(text) && !/具备要点[^不]*不具备/.test(text)) {
      return { all: false, points: new Set(all.filter((i) => !listed.has(i))) };
    }
    return { all: false, points: listed };
  }
  if (a.kind === "unreadable") throw new EvalError(a.reason, "value-unreadable");
  const achieved = wordAchievement(ctx.target, a);
  if (achieved === "full" || /全部符合|全部具备|均符合|均具备/.test(text)) return { all: true };
  throw new EvalError(`实际值“${a.raw}”未说明具备哪些要点，无法按要点计分；请填写如“具备要点1、2”`, "value-unreadable");
}

function allIndices(rule: ChecklistRule): number[] {
  const set = new Set<number>([...rule.points.map((p) => p.index), ...rule.gates]);
  return [...set].sort((x, y) => x - y);
}

export function evaluateChecklist(rule: ChecklistRule, ctx: EvalContext): KindResult {
  const { w } = ctx;
  const met = readMet(rule, ctx);
  const lines = [`目标“${ctx.target.raw}”，实际“${ctx.actual.raw}”`];
  const total = allIndices(rule).length;
  const count = "count" in met ? met.count : met.all ? Math.max(total, ...rule.countTiers.map((t) => t.count)) : met.points.size;

  if (rule.countTiers.length) {
    const all = "all" in met && met.all;
    lines.push(all ? "全部符合" : `符合${count}项`);
    for (const tier of rule.countTiers) {
      if (compare(new Decimal(count), tier.comparator, new Decimal(tier.count)) || (all && tier === rule.countTiers[0])) {
        lines.push(`对应“${CMP_TEXT[tier.comparator]}${tier.count}项”档，得${describeAmount(tier.points, w)}`);
        return { exact: amountPoints(tier.points, w), met: all || null, lines };
      }
    }
    throw new EvalError(`符合${count}项不在评分规则的任何档次内，请人工确认`);
  }
  if ("count" in met) throw new EvalError(`实际值“${ctx.actual.raw}”是个数，但评分规则按具体要点计分；请填写如“具备要点1、2”`, "value-unreadable");
  const has = (i: number) => met.all || met.points.has(i);
  const missingGate = rule.gates.find((g) => !has(g));
  if (missingGate !== undefined) {
    lines.push(`不具备关键要点${missingGate}（评分规则：不具备要点${missingGate}得0分），得0分`);
    return { exact: new Decimal(0), met: false, lines };
  }
  if (rule.allOrNothing) {
    const missing = rule.points.find((p) => !has(p.index));
    if (missing) {
      lines.push(`不具备要点${missing.index}，任意一项不具备得0分`);
      return { exact: new Decimal(0), met: false, lines };
    }
    lines.push(`具备全部要点，得满分`);
    return { exact: w, met: true, lines };
  }
  let sum = new Decimal(0);
  const parts: string[] = [];
  for (const p of rule.points) {
    if (!has(p.index)) continue;
    sum = sum.plus(amountPoints(p.share, w));
    parts.push(`要点${p.index}得${describeAmount(p.share, w)}`);
  }
  if (met.all) lines.push("具备全部要点");
  else lines.push(`具备要点${[...met.points].sort((x, y) => x - y).join("、") || "（无）"}`);
  // The gate point carries no share of its own: say it was checked, or the explanation seems to skip it.
  if (rule.gates.length) lines.push(`关键要点${rule.gates.join("、")}已具备（不具备则得0分）`);
  lines.push(parts.length ? parts.join("，") : "未具备得分要点");
  return { exact: sum, met: met.all || sum.gte(w), lines };
}
