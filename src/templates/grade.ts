import type { GradeSchemeId } from "../rules/types";

/**
 * The grade as a nested IF over the total cell, band by band from the top, so any spreadsheet can show it.
 * Integer-interval schemes leave gaps (89.5 is neither 良 80–89 nor 优 90–100): the formula says so.
 */
const BANDS: Record<GradeSchemeId, { grade: string; min: number; max?: number }[]> = {
  national: [{ grade: "优", min: 90 }, { grade: "良", min: 80 }, { grade: "中", min: 60 }, { grade: "差", min: 0 }],
  "national-excellent": [{ grade: "优秀", min: 90 }, { grade: "良好", min: 80 }, { grade: "中", min: 60 }, { grade: "较差", min: 0 }],
  "80-70-60": [{ grade: "优", min: 80 }, { grade: "良", min: 70 }, { grade: "中", min: 60 }, { grade: "差", min: 0 }],
  "integer-intervals": [{ grade: "优", min: 90, max: 100 }, { grade: "良", min: 80, max: 89 }, { grade: "中", min: 60, max: 79 }, { grade: "差", min: 0, max: 59 }],
};

export function gradeFormula(totalRef: string, scheme: GradeSchemeId): string {
  const bands = BANDS[scheme];
  let formula = `"总分落在等级区间之间，请确认"`;
  for (const band of [...bands].reverse()) {
    const cond = band.max === undefined ? `${totalRef}>=${band.min}` : `AND(${totalRef}>=${band.min},${totalRef}<=${band.max})`;
    formula = `IF(${cond},"${band.grade}",${formula})`;
  }
  return `IF(${totalRef}="","",IF(OR(${totalRef}<0,${totalRef}>100),"总分超出0–100",${formula}))`;
}
