import type { ParsedValue } from "../../values/types";

/** How far a qualitative actual goes towards its target. */
export type WordAchievement = "full" | "partial" | "none" | "unknown";

const ACHIEVED = ["全覆盖", "全部覆盖", "全面完成", "足额", "足额到位", "全部到位", "到位", "达成年度指标", "达成预期指标", "达到预期", "达到预期目标", "达成", "达到", "达标", "完成", "已完成", "全部完成", "按时完成", "按期完成", "是", "符合", "具备", "合格", "实现", "有"];
const PARTIAL = ["部分", "基本", "一定", "有所", "较", "略有", "初步", "逐步"];
const NOT_ACHIEVED = ["未", "不", "否", "没有", "无法", "尚未"];

/**
 * Words that say the same in published tables (显著提升 / 明显提升, 提高 / 提升), folded before comparing:
 * seen as target and actual of one row in effect indicators (效益指标) of many provinces' project tables.
 */
const SYNONYMS: [RegExp, string][] = [
  [/明显/g, "显著"],
  [/提高/g, "提升"],
  [/增强/g, "提升"],
  [/改善/g, "提升"],
];

function clean(s: string): string {
  let out = s.replace(/^(已经|已)/, "").replace(/[。.,，;；!！]+$/, "");
  for (const [re, to] of SYNONYMS) out = out.replace(re, to);
  return out;
}

export function wordOf(v: ParsedValue): string | null {
  if (v.kind === "word") return clean(v.word);
  return null;
}

/** Compare a qualitative actual with its target (健全 = 健全 is full; 部分达成 is partial; 未公开 is none). */
export function wordAchievement(target: ParsedValue, actual: ParsedValue): WordAchievement {
  const a = wordOf(actual);
  if (a === null) return "unknown";
  const t = wordOf(target);
  if (NOT_ACHIEVED.some((p) => a.startsWith(p)) && !(t && a === t)) return "none";
  if (PARTIAL.some((p) => a.includes(p)) && !(t && t.includes(a))) return "partial";
  if (t && (a === t || a.includes(t) || t.includes(a))) return "full";
  if (ACHIEVED.some((w) => a === w || a.startsWith(w))) return "full";
  return "unknown";
}
