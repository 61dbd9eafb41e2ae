import type { TemplateDef, TemplateSummary } from "./types";
import { DEPT_SELF } from "./data/deptSelf";
import { DEPT_EVAL } from "./data/deptEval";
import { PROJECT } from "./data/project";
import { VERIFY } from "./data/verify";

/** Every standard template, in the order `jx template list` shows them. */
export const TEMPLATES: readonly TemplateDef[] = [DEPT_SELF, DEPT_EVAL, PROJECT, VERIFY];

export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map(({ id, name, version }) => ({ id, name, version }));
}

export function findTemplate(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The Chinese message for an unknown id, listing the ones there are. */
export function unknownTemplateMessage(id: string): string {
  return `没有编号为“${id}”的标准模板。可用模板：${TEMPLATES.map((t) => `${t.id}（${t.name}）`).join("、")}`;
}
