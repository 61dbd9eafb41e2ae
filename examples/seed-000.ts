/** The indicator rows of seeds/000 kept as data (seed-000-indicators.json), read by the demo and the tests. */
import { readFileSync } from "fs";
import { join } from "path";

export interface SeedRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  rule: string;
  /** The score the department reported; null where the table left it blank. */
  reported: number | null;
}

export interface SeedTable {
  source: string;
  reportedTotal: number;
  rows: SeedRow[];
}

export function loadSeed000(): SeedTable {
  return JSON.parse(readFileSync(join(__dirname, "seed-000-indicators.json"), "utf8")) as SeedTable;
}
