/**
 * Phrases that say whether the row's target was met: 完成 / 按时完成 / 全部完成 / 完成目标 / 实现目标
 * and their negations 未完成 / 未按时完成 / 没有实现目标 / 逾期完成. Read as the target condition only
 * where the rule leaves no other reading (see tiers.ts): a met/not-met pair, or beside numeric tiers.
 */

/** How the work was done: 按时完成, 全部完成. */
const MANNERS = ["", "按时", "按期", "如期", "及时", "全部", "全面", "按计划", "按要求", "按规定", "在规定时间内", "在规定期限内", "规定时间内", "保质保量", "按质按量", "顺利", "已", "已经"];
/** What was done: 完成目标, 实现年度目标 (未实现 alone refers back to the object named before it). */
const OBJECTS = ["", "目标", "目标值", "任务", "目标任务", "年度目标", "年度任务", "年度目标任务", "年度指标", "计划", "预期目标", "绩效目标", "建设任务", "工作任务", "各项任务", "全部任务", "工作"];
const NEGATIONS = ["未能", "未", "没有", "没", "不能"];
/** Finished, but late: 逾期完成 is the target not met when the target is a deadline. */
const LATE = ["逾期", "延期", "超期", "推迟", "延迟"];

function isMet(p: string): boolean {
  for (const manner of MANNERS) {
    if (!p.startsWith(manner)) continue;
    const rest = p.slice(manner.length);
    for (const verb of ["完成", "实现"]) {
      if (!rest.startsWith(verb)) continue;
      const object = rest.slice(verb.length);
      if (!OBJECTS.includes(object)) continue;
      return true;
    }
  }
  return false;
}

function trim(phrase: string): string {
  let p = phrase;
  while (p.endsWith("的") || p.endsWith("时") || p.endsWith("者")) p = p.slice(0, -1);
  return p;
}

/** "met" for 完成 / 按时完成 / 实现目标, "notMet" for 未完成 / 未按时完成 / 逾期完成, else null. */
export function achievementOf(phrase: string): "met" | "notMet" | null {
  const p = trim(phrase);
  if (p === "" || p === "已" || p === "已经") return null;
  if (isMet(p)) return "met";
  for (const neg of NEGATIONS) if (p.startsWith(neg) && isMet(p.slice(neg.length))) return "notMet";
  // 按时未完成 / 全部未完成: the negation after the manner.
  for (const manner of MANNERS) {
    if (manner === "" || !p.startsWith(manner)) continue;
    const rest = p.slice(manner.length);
    for (const neg of NEGATIONS) if (rest.startsWith(neg) && isMet(rest.slice(neg.length))) return "notMet";
  }
  for (const late of LATE) if (p.startsWith(late) && (p.slice(late.length) === "完成" || p.slice(late.length) === "完成任务")) return "notMet";
  return null;
}
