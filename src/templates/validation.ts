import type { DataValidation } from "exceljs";
import type { TemplateRow } from "./types";

/** Data validation of an 实际值 cell by what it holds; messages in Chinese. */
export function validationFor(row: TemplateRow): DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true };
  switch (row.actualKind) {
    case "percent":
      return { ...common, type: "decimal", operator: "between", formulae: [-10, 10], errorTitle: "百分比无效", error: "请填写百分数，如95.4%（范围-1000%至1000%）", promptTitle: "实际值", prompt: "填写百分数，如95.4%" };
    case "count":
      return { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorTitle: "个数无效", error: "请填写不小于0的整数", promptTitle: "实际值", prompt: "填写个数（整数）" };
    case "number":
      return { ...common, type: "decimal", operator: "between", formulae: [-1000000000000, 1000000000000], errorTitle: "数值无效", error: "请填写数字，单位见指标名称", promptTitle: "实际值", prompt: "填写数字，单位见指标名称" };
    case "text":
      return { ...common, type: "textLength", operator: "between", formulae: [1, 100], errorTitle: "实际值无效", error: "请填写文字，如目标值原词或“具备要点1、2”", promptTitle: "实际值", prompt: `全部具备填写“${row.target}”；部分具备填写如“具备要点1、2”` };
  }
}

/** A typed score must lie in [0, weight]. */
export function scoreValidation(weightRef: string): DataValidation {
  return { type: "decimal", operator: "between", formulae: [0, weightRef], allowBlank: true, showErrorMessage: true, errorTitle: "得分无效", error: "得分应在0与该指标分值之间" };
}
