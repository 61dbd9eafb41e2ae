/** =JX.WEIGHTS: do the weights add up to the expected total (100 by default)? */
import Decimal from "decimal.js";
import { cellsOf, isBlank, numberFrom, optionalNumber, singleCell } from "../args";
import { FunctionInputError } from "../runtime";
import { formatNumber } from "../../src/values/format";

export function weightsCheck(weights: unknown, expected: unknown): string {
  const target = optionalNumber(expected, "应有合计") ?? new Decimal(100);
  let sum = new Decimal(0);
  let count = 0;
  cellsOf(weights).forEach((c, i) => {
    if (isBlank(c)) return;
    const w = numberFrom(singleCell(c, "权重"), `权重第${i + 1}个单元格`);
    if (w.lt(0)) throw new FunctionInputError(`权重第${i + 1}个单元格为负数（${w.toString()}）`);
    sum = sum.plus(w);
    count++;
  });
  if (count === 0) throw new FunctionInputError("权重区域为空");
  const total = formatNumber(sum);
  if (sum.eq(target)) return `权重合计${total}，通过`;
  const diff = formatNumber(sum.minus(target).abs());
  return `权重合计${total}，${sum.gt(target) ? "比" + formatNumber(target) + "多" : "比" + formatNumber(target) + "少"}${diff}，未通过`;
}
