import type { RuleKind } from "./types";

/** Chinese names of the rule kinds, for explanations, the CLI and the pane. */
export const KIND_LABELS: Record<RuleKind, string> = {
  linear: "线性扣分",
  ratio: "完成率法",
  bracket: "分档计分",
  threshold: "达标计分",
  checklist: "要点计分",
  occurrence: "按次扣分",
  qualitative: "定性分档",
  match: "定性指标",
  formula: "公式计分",
  external: "外部评价换算",
  manual: "酌情评分",
  default: "国家默认规则",
};
