import Decimal from "decimal.js";
import type { ScoringOptions } from "./types";

/** The one rounding of a score, at the very end (得分四舍五入保留两位小数 by default). */
export function roundScore(value: Decimal, rounding: ScoringOptions["rounding"]): Decimal {
  switch (rounding) {
    case "half-up-2":
      return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    case "half-up-1":
      return value.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
    case "integer":
      return value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    case "truncate-2":
      return value.toDecimalPlaces(2, Decimal.ROUND_DOWN);
  }
}
