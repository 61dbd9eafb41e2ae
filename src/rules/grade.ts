import Decimal from "decimal.js";
import type { GradeSchemeId } from "./types";
import { OPTION_LABELS } from "./options";

interface Band {
  grade: string;
  /** Inclusive lower bound and, for integer-interval schemes, inclusive upper bound. */
  min: number;
  max: number;
}

/** Half-open bands [min, next band's min) unless `closed` — then [min, max] with gaps between. */
const SCHEMES: Record<GradeSchemeId, { bands: Band[]; closed: boolean }> = {
  national: { closed: false, bands: [ { grade: "优", min: 90, max: 100 }, { grade: "良", min: 80, max: 90 }, { grade: "中", min: 60, max: 80 }, { grade: "差", min: 0, max: 60 } ] },
  "national-excellent": { closed: false, bands: [ { grade: "优秀", min: 90, max: 100 }, { grade: "良好", min: 80, max: 90 }, { grade: "中", min: 60, max: 80 }, { grade: "较差", min: 0, max: 60 } ] },
  "80-70-60": { closed: false, bands: [ { grade: "优", min: 80, max: 100 }, { grade: "良", min: 70, max: 80 }, { grade: "中", min: 60, max: 70 }, { grade: "差", min: 0, max: 60 } ] },
  "integer-intervals": { closed: true, bands: [ { grade: "优", min: 90, max: 100 }, { grade: "良", min: 80, max: 89 }, { grade: "中", min: 60, max: 79 }, { grade: "差", min: 0, max: 59 } ] },
};

export interface GradeResult {
  /** null when the total falls in a gap between bands or outside 0–100: reported, not guessed. */
  grade: string | null;
  message: string;
}

export function gradeNames(scheme: GradeSchemeId = "national"): string[] {
  return SCHEMES[scheme].bands.map((b) => b.grade);
}

/**
 * The grade words of every scheme, by the grade they name: 优秀 is 优, 良好 is 良, 中等 is 中, 较差 is 差. A table
 * that writes 良好 where the national scheme says 良 gives the same grade, in the other scheme's words.
 */
const GRADE_FAMILY: Record<string, string> = { 优秀: "优", 优: "优", 良好: "良", 良: "良", 中等: "中", 中: "中", 较差: "差", 差: "差" };

/** True when two grade words name the same grade (良好 and 良, 优秀 and 优), in whichever scheme's words. */
export function sameGrade(a: string, b: string): boolean {
  const key = (w: string) => GRADE_FAMILY[w.trim()] ?? w.trim();
  return key(a) === key(b);
}

export function grade(total: number, scheme: GradeSchemeId = "national"): GradeResult {
  const def = SCHEMES[scheme];
  const label = OPTION_LABELS.gradeScheme.values[scheme];
  if (!Number.isFinite(total)) return { grade: null, message: `总分无效：${total}` };
  const t = new Decimal(total);
  if (t.lt(0) || t.gt(100)) return { grade: null, message: `总分${t.toFixed()}超出0–100的范围，无法评定等级` };
  for (const band of def.bands) {
    const inBand = def.closed ? t.gte(band.min) && t.lte(band.max) : t.gte(band.min) && (band.max === 100 ? t.lte(100) : t.lt(band.max));
    if (inBand) return { grade: band.grade, message: `总分${t.toFixed()}，按“${label}”评为“${band.grade}”` };
  }
  const above = def.bands.find((b) => t.lt(b.min));
  const below = def.bands.find((b) => t.gt(b.max));
  return {
    grade: null,
    message: `总分${t.toFixed()}落在等级区间之间（${below ? `${below.grade}${below.min}–${below.max}` : ""}与${above ? `${above.grade}${above.min}–${above.max}` : ""}），按“${label}”无法确定等级，请确认`,
  };
}
