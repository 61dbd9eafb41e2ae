/**
 * =JX.FORMULA: a rule as a native formula (src/rules/formula). Each cell argument is either a reference
 * (=JX.FORMULA(H5,D5,E5,F5): Excel passes the cell's value and, with @requiresParameterAddresses, where it is)
 * or the address typed as text (=JX.FORMULA(H5,"D5","E5","F5")).
 */
import { formulaFromText } from "../../src/rules/formula";
import { optionalWord } from "../args";
import { FunctionInputError } from "../runtime";

/** "Sheet1!D5", "'部门 表'!$D$5", "D5" -> sheet (unquoted, or null) and cell. */
function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, cell: address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, cell: address.slice(bang + 1) };
}

/** A sheet name as a formula writes it: quoted unless it is letters, digits, CJK and underscores. */
function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/**
 * The address to put in the formula. A reference argument: its address, without the sheet when it is on the
 * calling cell's sheet ("D5:D5" is one cell; a larger range is refused). Otherwise the argument's text.
 */
function cellArgument(value: unknown, referenced: string | undefined, callerSheet: string | null, label: string): string {
  if (referenced) {
    const { sheet, cell } = splitAddress(referenced);
    const [first, last] = cell.split(":");
    if (last !== undefined && last.replace(/\$/g, "") !== first.replace(/\$/g, "")) {
      throw new FunctionInputError(`${label}应为一个单元格，收到区域 ${referenced}`);
    }
    return sheet === null || sheet === callerSheet ? first : `${sheetPrefix(sheet)}${first}`;
  }
  const text = optionalWord(value, label);
  if (!text) throw new FunctionInputError(`缺少${label}，请引用该单元格（如 E11），或以文字给出其地址（如 "E11"）`);
  return text;
}

export function nativeFormula(
  rule: unknown,
  targetCell: unknown,
  actualCell: unknown,
  weightCell: unknown,
  options: unknown,
  name: unknown,
  invocation?: CustomFunctions.Invocation,
): string {
  const at = invocation?.parameterAddresses ?? [];
  const callerSheet = invocation?.address ? splitAddress(invocation.address).sheet : null;
  const result = formulaFromText({
    rule: optionalWord(rule, "评分规则") ?? "",
    targetCell: cellArgument(targetCell, at[1], callerSheet, "目标值单元格"),
    actualCell: cellArgument(actualCell, at[2], callerSheet, "实际值单元格"),
    weightCell: cellArgument(weightCell, at[3], callerSheet, "权重单元格"),
    options: optionalWord(options, "选项"),
    name: optionalWord(name, "指标名称"),
  });
  if (!result.ok) throw new FunctionInputError(result.reason);
  return result.formula;
}
