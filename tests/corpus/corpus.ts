/**
 * The real-world corpus of tests/corpus/rows (see README.md there): loading, and the one judgement of
 * the engine on a row — right, named (the right score is one of the readings the engine names), refused, or wrong.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { scoreRow } from "../../src/rules/score";
import type { ScoreResult } from "../../src/rules/types";

export interface CorpusRow {
  level1?: string | null;
  level2?: string | null;
  name: string;
  rule: string | null;
  target: string | number | null;
  actual: string | number | null;
  weight: string | number | null;
  reported: string | number | null;
  expected: number | null;
  expectedRange?: [number, number] | null;
  manual?: boolean;
  why: string;
  family: string;
}

export interface CorpusDocument {
  file: string;
  source: string;
  province: string;
  place?: string;
  title: string;
  year?: number;
  table?: string;
  rows: CorpusRow[];
}

export type Outcome = "right" | "named" | "refused" | "wrong";

export interface Judged {
  doc: CorpusDocument;
  row: CorpusRow;
  outcome: Outcome;
  result: ScoreResult;
  /** What the engine said, in one line, for reports. */
  said: string;
}

const ROWS_DIR = join(__dirname, "rows");
const TOLERANCE = 0.005;

export function loadCorpus(): CorpusDocument[] {
  return readdirSync(ROWS_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(ROWS_DIR, file), "utf8")) as Omit<CorpusDocument, "file">) }));
}

const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;

export function judgeRow(doc: CorpusDocument, row: CorpusRow): Judged {
  const result = scoreRow({ rule: row.rule, target: row.target, actual: row.actual, weight: row.weight, name: row.name });
  const base = { doc, row, result };
  if (!result.ok) return { ...base, outcome: row.manual ? "right" : "refused", said: `拒绝：${result.error}` };
  const range = result.range;
  const said = result.score !== null ? `得分${result.score}` : range ? `范围${range.min}–${range.max}` : "未给出得分";
  if (row.manual) return { ...base, outcome: result.score === null ? "right" : "wrong", said };
  if (row.expectedRange) {
    const [lo, hi] = row.expectedRange;
    if (range && close(range.min, lo) && close(range.max, hi)) return { ...base, outcome: "right", said };
    if (result.score !== null && result.score >= lo - TOLERANCE && result.score <= hi + TOLERANCE) return { ...base, outcome: "right", said };
    if (result.score === null) return { ...base, outcome: "refused", said };
    return { ...base, outcome: "wrong", said };
  }
  const expected = row.expected;
  if (expected === null) return { ...base, outcome: result.score === null ? "right" : "wrong", said };
  if (result.score === null) {
    // A range the person must choose within is not a wrong number, but not the score either.
    return { ...base, outcome: "refused", said };
  }
  if (close(result.score, expected)) return { ...base, outcome: "right", said };
  if (result.alternatives.some((a) => close(a.score, expected))) return { ...base, outcome: "named", said };
  return { ...base, outcome: "wrong", said };
}

export function judgeCorpus(docs = loadCorpus()): Judged[] {
  return docs.flatMap((doc) => doc.rows.map((row) => judgeRow(doc, row)));
}
