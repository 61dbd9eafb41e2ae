export * from "./types";
export { scoreRow, evaluateRule } from "./score";
export { DEFAULT_OPTIONS, OPTION_LABELS, parseOptionAssignments, resolveOptions } from "./options";
export { grade, gradeNames } from "./grade";
export { roundScore } from "./round";
