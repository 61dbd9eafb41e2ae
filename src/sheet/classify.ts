/** A header cell or a column's header path -> its role, by the keyword features of src/sheet/vocabulary.ts. */
import { normalizeLabel } from "./text";
import type { CellValue } from "./types";
import {
  GROUP_FEATURE,
  LEVEL_WORDS,
  MAX_HEADER_CHARS,
  SELF_CONTEXT,
  VERIFIER_CONTEXT,
  VOCABULARY,
  type HeaderRole,
} from "./vocabulary";

export interface CellClass {
  /** Normalised text, a weight written in it ("绩效指标(90分)") removed. */
  text: string;
  role: HeaderRole | null;
  level: 1 | 2 | 3 | null;
  /** A group word (评价指标, 自评): names no role, spans the columns under it. */
  group: boolean;
}

const WEIGHT_SUFFIX = /\(\d+(\.\d+)?分\)$/;
/** A title (…评分表, …自评表(参考样表), 附件1) is not a header word. */
const TITLE = /表(\(.*\))?$|^附(件|表)\d*/;
/** A rule or a remark, not a header word: a sentence (，；。) or a scoring phrase (得满分, 扣1分, 不得分). */
const SENTENCE = /[,，;；。]|得满分|不得分|[得扣加]\d+(\.\d+)?分|扣完为止/;
/** A section heading inside a table: 一、部门决策, (二)产出. */
const SECTION = /^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;
/** Values, not words: 20%, ≥10%, 100, 1.2万亩. */
const VALUE_LIKE = /^[≥≤<>=＞＜≧≦═]|^[+-]?\d+(\.\d+)?(%|‰)?$|^\d+(\.\d+)?[万亿]?[元人个次亩户%]/;

/** One header cell's text; null when it cannot be a header word (a number, a long text, blank). */
export function classifyCell(value: CellValue | undefined): CellClass | null {
  if (typeof value !== "string" || value.length > MAX_HEADER_CHARS * 2) return null;
  // Texts repeat down a sheet (rules, units, level names): each is classified once.
  const cached = CACHE.get(value);
  if (cached !== undefined) return cached;
  if (CACHE.size > 50000) CACHE.clear();
  const cls = classifyText(value);
  CACHE.set(value, cls);
  return cls;
}

const CACHE = new Map<string, CellClass | null>();

function classifyText(value: string): CellClass | null {
  const text = normalizeLabel(value).replace(WEIGHT_SUFFIX, "");
  if (!text || text.length > MAX_HEADER_CHARS || TITLE.test(text) || VALUE_LIKE.test(text) || SECTION.test(text) || SENTENCE.test(text)) return null;
  let level: 1 | 2 | 3 | null = null;
  for (const w of LEVEL_WORDS) if (w.feature.test(text)) level = level ?? w.level;
  const group = GROUP_FEATURE.test(text);
  let role: HeaderRole | null = null;
  if (!group || level !== null) {
    for (const entry of VOCABULARY) {
      if (entry.feature.test(text)) {
        role = entry.role;
        break;
      }
    }
  }
  // A level word with no other role (一级, 一级标准, 二级项目) names that level's names column.
  if (role === null && level !== null) role = "name";
  if (role === null && !group && level === null) return { text, role: null, level: null, group: false };
  return { text, role, level, group: group && role === null };
}

/** The roles a column can take, as ColumnMap keys or a level's own name/weight column. */
export type PathRole =
  | { kind: "level"; level: 1 | 2 | 3 | null }
  | { kind: "levelWeight"; level: 1 | 2 | 3 }
  | { kind: "column"; key: "target" | "actual" | "weight" | "rule" | "score" | "verified" | "explanation" | "note" }
  | { kind: "ignore" };

/**
 * A column's header path (texts top to bottom, consecutive repeats from vertical merges removed) -> its role.
 * The deepest text that names a role decides; level words anywhere above give its level; 核查/复核 above a
 * score make it the verified score.
 */
export function classifyPath(texts: (CellValue | undefined)[]): PathRole | null {
  const cells = texts.map((t) => classifyCell(t)).filter((c): c is CellClass => c !== null);
  let deepest = -1;
  for (let i = cells.length - 1; i >= 0; i--) {
    if (cells[i].role !== null) {
      deepest = i;
      break;
    }
  }
  if (deepest < 0) {
    // A column headed only by a group word such as 指标 or 考核内容 is a names column.
    const last = cells[cells.length - 1];
    return last && last.group && /(指标|内容)(体系)?$/.test(last.text) ? { kind: "level", level: null } : null;
  }
  const cell = cells[deepest];
  let level: 1 | 2 | 3 | null = null;
  for (let i = 0; i <= deepest; i++) level = cells[i].level ?? level;
  const above = cells.slice(0, deepest).map((c) => c.text).join("›");
  switch (cell.role) {
    case "ignore":
      return { kind: "ignore" };
    case "name":
      return { kind: "level", level };
    case "weight":
      return level !== null ? { kind: "levelWeight", level } : { kind: "column", key: "weight" };
    case "score":
      if (VERIFIER_CONTEXT.test(above) && !SELF_CONTEXT.test(cell.text)) return { kind: "column", key: "verified" };
      return { kind: "column", key: "score" };
    default:
      return { kind: "column", key: cell.role as Exclude<HeaderRole, "name" | "weight" | "ignore" | "score"> };
  }
}

/** Whether a cell reads as a header word at all: a role, a level word or a group word. */
export function isVocabularyCell(value: CellValue | undefined): boolean {
  const c = classifyCell(value);
  return c !== null && (c.role !== null || c.level !== null || c.group);
}
