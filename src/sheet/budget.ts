/** The 项目资金 block of the national 项目支出绩效自评表: 全年预算数, 全年执行数, 分值, 执行率, 得分. */
import { a1 } from "./address";
import { budgetRole, weightInScoreHeader } from "./headers";
import { MergeIndex } from "./merges";
import { cellText } from "./text";
import { numberFromCell } from "./weights";
import type { CellValue, Grid } from "./types";
import type { CellRef } from "./model";

export interface BudgetExecution {
  row: number;
  budget: CellValue;
  budgetCell: CellRef;
  spent: CellValue;
  spentCell: CellRef;
  weight: number | null;
  /** The 分值 cell, or the score header holding the weight (得分(20分*执行率)). */
  weightCell: CellRef;
  score: number | null;
  scoreRaw: CellValue;
  scoreCell: CellRef;
  labelCell: CellRef | null;
}

function ref(row: number, col: number): CellRef {
  return { row, col, address: a1(row, col) };
}

/** An amount: 4753.66, "4753.66", "4753.66万元". */
function amount(value: CellValue): number | null {
  const n = numberFromCell(value);
  if (n !== null || typeof value !== "string") return n;
  const m = /^\s*([+-]?\d+(?:\.\d+)?)\s*(万元|元|亿元|千元)?\s*$/.exec(value.replace(/[,，]/g, ""));
  return m ? Number(m[1]) : null;
}

export function findBudgetExecution(grid: Grid, merges: MergeIndex): BudgetExecution[] {
  const found: BudgetExecution[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const cols: Partial<Record<"budget" | "initialBudget" | "spent" | "weight" | "score" | "rate", number>> = {};
    for (let c = 0; c < grid.colCount; c++) {
      if (!merges.isOrigin(r, c)) continue;
      const role = budgetRole(grid.cells[r]?.[c]?.value ?? null);
      if (role && cols[role] === undefined) cols[role] = c;
    }
    // 全年预算数 wins over 年初预算数, which counts only where the table has no other.
    cols.budget = cols.budget ?? cols.initialBudget;
    // No 分值 column: the weight may be written in the score header, 得分(20分*执行率).
    const headerWeight = cols.score !== undefined ? weightInScoreHeader(grid.cells[r]?.[cols.score]?.value ?? null) : null;
    if (cols.budget === undefined || cols.spent === undefined || (cols.weight === undefined && headerWeight === null) || cols.score === undefined) continue;
    const dataRow = r + 1;
    if (dataRow >= grid.rowCount) continue;
    let budget = merges.cell(dataRow, cols.budget)?.value ?? null;
    let spent = merges.cell(dataRow, cols.spent)?.value ?? null;
    let budgetCell = ref(dataRow, cols.budget);
    let spentCell = ref(dataRow, cols.spent);
    if (amount(budget) === null || amount(spent) === null) {
      // Amounts left blank (or unreadable) beside a printed 执行率: the rate is the actual, scored against 100%
      // as a bare 执行率 row is (an assumption the explanation names).
      const rate = cols.rate !== undefined ? merges.cell(dataRow, cols.rate)?.value ?? null : null;
      if (cols.rate === undefined || typeof rate !== "string" || !/^\s*\d+(\.\d+)?\s*[%％]\s*$/.test(rate)) continue;
      budget = null;
      spent = rate;
      budgetCell = ref(dataRow, cols.rate);
      spentCell = ref(dataRow, cols.rate);
    }
    const scoreRaw = merges.cell(dataRow, cols.score)?.value ?? null;
    let labelCell: CellRef | null = null;
    for (let c = 0; c < cols.budget; c++) {
      if (cellText(grid.cells[dataRow]?.[c]?.value ?? null).trim()) labelCell = ref(dataRow, c);
    }
    found.push({
      row: dataRow,
      budget,
      budgetCell,
      spent,
      spentCell,
      weight: cols.weight !== undefined ? numberFromCell(merges.cell(dataRow, cols.weight)?.value ?? null) : headerWeight,
      weightCell: cols.weight !== undefined ? ref(dataRow, cols.weight) : ref(r, cols.score),
      score: numberFromCell(scoreRaw),
      scoreRaw,
      scoreCell: ref(dataRow, cols.score),
      labelCell,
    });
  }
  return found;
}
