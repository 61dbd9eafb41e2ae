export { detectTables } from "./detect";
export { a1, columnLetters, rangeA1, parseA1, parseRangeA1 } from "./address";
export { numberFromCell, splitWeightFromName } from "./weights";
export { normalizeLabel } from "./text";
export type * from "./model";
export type { Grid, GridCell, CellRange, CellValue } from "./types";
