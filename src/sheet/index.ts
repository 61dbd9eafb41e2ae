export { detectTables } from "./detect";
export { a1, columnLetters, rangeA1, parseA1, parseRangeA1 } from "./address";
export { numberFromCell, splitWeightFromName } from "./weights";
export { normalizeLabel } from "./text";
export type * from "./model";
export type { Grid, GridCell, CellRange, CellValue } from "./types";
export { ROLE_NAMES, parseColumnsSpec, parseTableSpec, roleFromName, applyColumns, columnsAsLetters } from "./override";
export type { TableOverride, OverrideRole } from "./override";
export { VOCABULARY } from "./vocabulary";
