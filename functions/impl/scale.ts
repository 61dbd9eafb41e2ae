/** Whether a target/actual pair is on the percent scale, read the way Excel hands it over. */
import type { CellInput } from "../../src/values/types";
import { parseValue } from "../../src/values";

export type Scale = { percent: true } | { percent: false; unit: string | null };

/**
 * Percent when either value is written with % (“≥95%”), or both are plain numbers no larger than 1.5 in
 * size — how Excel passes percent cells (95% arrives as 0.95). Anything else (365天, 12项, 100) is a count.
 */
export function scaleOf(target: CellInput, actual: CellInput): Scale {
  const t = parseValue(target);
  const a = parseValue(actual);
  const nums = [t, a].filter((v) => v.kind === "number");
  if (nums.some((v) => v.kind === "number" && v.unit === "percent")) return { percent: true };
  if (nums.length === 2 && nums.every((v) => v.kind === "number" && v.unit === null && v.magnitude.abs().lte(1.5))) return { percent: true };
  const unit = nums.map((v) => (v.kind === "number" ? v.unit : null)).find((u) => u) ?? null;
  return { percent: false, unit };
}
