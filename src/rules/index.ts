export * from "./types";
export { scoreRow } from "./score";
export { evaluateRule } from "./evaluateRule";
export { DEFAULT_OPTIONS, OPTION_LABELS, parseOptionAssignments, resolveOptions } from "./options";
export { grade, gradeNames } from "./grade";
export { roundScore } from "./round";
export { KIND_LABELS } from "./labels";
