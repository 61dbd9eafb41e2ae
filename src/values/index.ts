export * from "./types";
export { parseValue, decimalFromNumber } from "./parse";
export { normalizeText, foldWidth } from "./normalize";
export { formatValue, formatNumber, formatPoints } from "./format";
