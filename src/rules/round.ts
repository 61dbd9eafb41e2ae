import Decimal from "decimal.js";
import type { ScoringOptions } from "./types";

const ROUNDINGS: Record<ScoringOptions["rounding"], { places: number; mode: Decimal.Rounding }> = {
  "half-up-2": { places: 2, mode: Decimal.ROUND_HALF_UP },
  "half-up-1": { places: 1, mode: Decimal.ROUND_HALF_UP },
  integer: { places: 0, mode: Decimal.ROUND_HALF_UP },
  "truncate-2": { places: 2, mode: Decimal.ROUND_DOWN },
};

/** The one rounding of a score, at the very end (得分四舍五入保留两位小数 by default); a score already that short is kept. */
export function roundScore(value: Decimal, rounding: ScoringOptions["rounding"]): Decimal {
  const { places, mode } = ROUNDINGS[rounding];
  return value.decimalPlaces() <= places ? value : value.toDecimalPlaces(places, mode);
}
