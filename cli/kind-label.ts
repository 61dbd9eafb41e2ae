import { KIND_LABELS } from "../src/rules";
import type { Evaluation } from "../src/rules";

/**
 * The kind a row was scored by, as a person reads it: a rule of numbers (线性扣分, 完成率法, …) applied to a
 * row whose actual value is a word (普遍知晓 against 普遍知晓) was scored by comparing the words, so it is
 * labelled 定性指标, with the rule's own kind beside it.
 */
export function kindLabel(e: Pick<Evaluation, "kind" | "actual">): string {
  const wordKinds: Evaluation["kind"][] = ["match", "qualitative", "checklist", "manual"];
  if (e.actual.kind === "word" && !wordKinds.includes(e.kind)) return `${KIND_LABELS.match}，按文字比对；规则为${KIND_LABELS[e.kind]}`;
  return KIND_LABELS[e.kind];
}
