import { parseOptionAssignments } from "../options";
import { tryParseRule } from "../parse";
import type { Rule } from "../types";
import { compileRule } from "./compile";
import type { CompileResult } from "./context";

/** A1 references, optionally absolute and sheet-qualified: D11, $E$11, 自评表!F11, '部门 表'!F11. */
const CELL_REF = /^(?:(?:'[^']+'|[^\s!'"]+)!)?\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/;

export interface FormulaRequest {
  /** 评分规则 text; empty = the national default rule. */
  rule: string;
  targetCell: string;
  actualCell: string;
  weightCell: string;
  /** Option assignments as in `jx score --option` ("步长=整步;舍入=一位小数"). */
  options?: string | readonly string[] | null;
  /** 三级指标 name (direction of 成本/控制率… rows). */
  name?: string | null;
}

function checkCell(value: string, label: string): string | null {
  return CELL_REF.test(value.trim()) ? null : `${label}应为单元格地址（如 D11、$E$11、自评表!F11），收到：“${value}”`;
}

/**
 * From texts (the command line, =JX.FORMULA) to a formula: the cells, options and rule are read and
 * checked, every failure a Chinese reason (无法识别评分规则：…, 此评分规则无法写成公式：…).
 */
export function formulaFromText(req: FormulaRequest): CompileResult {
  const bad =
    checkCell(req.targetCell, "目标值单元格") ?? checkCell(req.actualCell, "实际值单元格") ?? checkCell(req.weightCell, "权重单元格");
  if (bad) return { ok: false, reason: bad };
  const options = parseOptionAssignments(req.options ?? []);
  if (!options.ok) return { ok: false, reason: options.error };
  const text = req.rule.trim();
  let rule: Rule = { kind: "default", text: "" };
  if (text) {
    const parsed = tryParseRule(text);
    if (!parsed.ok) return { ok: false, reason: parsed.error.message };
    rule = parsed.rule;
  }
  const cells = { target: req.targetCell.trim(), actual: req.actualCell.trim(), weight: req.weightCell.trim() };
  const result = compileRule(rule, cells, options.options, { name: req.name ?? null });
  return result.ok ? result : { ok: false, reason: `此评分规则无法写成公式：${result.reason}` };
}
