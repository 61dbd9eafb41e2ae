import fc from "fast-check";
import { detectTables } from "../../src/sheet";
import type { IndicatorTable } from "../../src/sheet/model";
import type { CellRange, Grid, GridCell } from "../../src/sheet/types";
import { fixtureGrid, loadTableFixtures } from "../fixtures/tables/load";

/**
 * Real layouts varied the ways other offices vary them — columns in another order, the header split over two
 * rows (自评 › 得分) or merged down, a blank column inserted, title rows and a budget table above — must read
 * the same table: the same indicators with the same weights and scores, and the same total.
 */

/** What "the same table" means: every row's level path, weight and reported score, in order, and the total. */
function signature(t: IndicatorTable): string[] {
  const rows = t.rows.map((r) => {
    const b = t.blocks[r.block];
    return `${r.path.join("/")}|${r.ownWeight ?? b.weight}|${b.score}`;
  });
  return [...rows, `total|${t.total?.weight ?? null}|${t.total?.score ?? null}`];
}

/** The table's own rectangle, cut out of the fixture (the 预算执行率 of a budget block above is not in it). */
function cut(grid: Grid, range: CellRange): Grid {
  const cells: (GridCell | undefined)[][] = [];
  for (let r = range.top; r <= range.bottom; r++) cells.push((grid.cells[r] ?? []).slice(range.left, range.right + 1));
  const merges = grid.merges
    .filter((m) => m.top >= range.top && m.bottom <= range.bottom && m.left >= range.left && m.right <= range.right)
    .map((m) => ({ top: m.top - range.top, bottom: m.bottom - range.top, left: m.left - range.left, right: m.right - range.left }));
  return { name: grid.name, rowCount: cells.length, colCount: range.right - range.left + 1, cells, merges };
}

/** Column j of the result is column order[j] of the grid (vertical merges only). */
function permute(grid: Grid, order: number[]): Grid {
  const where = new Map(order.map((old, j) => [old, j]));
  return {
    ...grid,
    cells: grid.cells.map((row) => order.map((old) => row[old])),
    merges: grid.merges.map((m) => ({ ...m, left: where.get(m.left)!, right: where.get(m.left)! })),
  };
}

function insertBlankColumn(grid: Grid, at: number): Grid {
  const shift = (c: number) => (c >= at ? c + 1 : c);
  return {
    ...grid,
    colCount: grid.colCount + 1,
    cells: grid.cells.map((row) => {
      const out = [...row];
      while (out.length < grid.colCount) out.push(undefined);
      out.splice(at, 0, undefined);
      return out;
    }),
    merges: grid.merges.map((m) => ({ ...m, left: shift(m.left), right: shift(m.right) })),
  };
}

function insertRowsAt(grid: Grid, at: number, rows: (GridCell | undefined)[][], merges: CellRange[] = []): Grid {
  const n = rows.length;
  const moved = grid.merges.map((m) => (m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= at ? { ...m, bottom: m.bottom + n } : m));
  return {
    ...grid,
    rowCount: grid.rowCount + n,
    cells: [...grid.cells.slice(0, at), ...rows, ...grid.cells.slice(at)],
    merges: [...moved, ...merges.map((m) => ({ ...m, top: m.top + at, bottom: m.bottom + at }))],
  };
}

/** Header words as other tables split them over two rows. */
const SPLITS: Record<string, [string, string]> = {
  自评得分: ["自评", "得分"],
  得分: ["自评", "得分"],
  实际完成值: ["实际", "完成值"],
  年度指标值: ["年度", "指标值"],
  一级指标: ["一级", "指标"],
  二级指标: ["二级", "指标"],
  三级指标: ["三级", "指标"],
  权重: ["权重", "(%)"],
};

/**
 * A one-row header made two rows: each header cell split (自评 over 得分) when `split`, else written in the
 * upper row and merged down over both.
 */
function twoRowHeader(grid: Grid, headerRow: number, split: boolean): Grid {
  const header = grid.cells[headerRow] ?? [];
  const upper: (GridCell | undefined)[] = [];
  const lower: (GridCell | undefined)[] = [];
  const merges: CellRange[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const v = header[c]?.value;
    const covered = grid.merges.some((m) => m.top <= headerRow && m.bottom >= headerRow && m.left <= c && m.right >= c && (m.top !== headerRow || m.left !== c));
    if (typeof v === "string" && split && SPLITS[v.replace(/\s+/g, "")]) {
      const [a, b] = SPLITS[v.replace(/\s+/g, "")];
      upper.push({ value: a });
      lower.push({ value: b });
    } else {
      upper.push(header[c]);
      lower.push(undefined);
      if (v !== null && v !== undefined && v !== "" && !covered) merges.push({ top: 0, bottom: 1, left: c, right: c });
    }
  }
  const cells = [...grid.cells.slice(0, headerRow), upper, lower, ...grid.cells.slice(headerRow + 1)];
  const moved = grid.merges
    .filter((m) => !(m.top === headerRow && m.bottom === headerRow))
    .map((m) => (m.top > headerRow ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
  return { ...grid, rowCount: grid.rowCount + 1, cells, merges: [...moved, ...merges.map((m) => ({ ...m, top: headerRow, bottom: headerRow + 1 }))] };
}

const text = (value: string | number): GridCell => ({ value });

/** Title rows and the 预算收入/支出 table of seeds/000 above the indicator table. */
function above(grid: Grid, titles: number, budget: boolean): Grid {
  const rows: (GridCell | undefined)[][] = [];
  const merges: CellRange[] = [];
  const titleTexts = ["2022年度项目支出绩效自评表", "单位名称：某县农业农村局", "填报日期：2023年3月"];
  for (let i = 0; i < titles; i++) {
    rows.push([text(titleTexts[i])]);
    if (i === 0 && grid.colCount > 1) merges.push({ top: 0, bottom: 0, left: 0, right: grid.colCount - 1 });
  }
  if (budget) {
    rows.push([text("收入科目"), text("预算数"), text("执行数"), text("支出科目"), text("预算数"), text("执行数")]);
    rows.push([text("财政拨款收入"), text(8383.52), text(8352.09), text("人员经费"), text(402.11), text(444.21)]);
    rows.push([]);
  }
  return insertRowsAt(grid, 0, rows.map((r) => [...r, ...new Array(Math.max(0, grid.colCount - r.length)).fill(undefined)]), merges);
}

interface Base {
  id: string;
  grid: Grid;
  header: { top: number; bottom: number };
  signature: string[];
  /**
   * Columns read by their place, moved as units in their order: names columns headed without a level word
   * (评价指标 | 评价内容 | 指标名称 are levels left to right), a level's names with the 分值 right of them.
   */
  bound: number[][];
}

const LEVEL_WORD = /[一二三1-3]级/;

function boundUnits(t: IndicatorTable): number[][] {
  const paths = t.reading.columns;
  const header = (index: number) => paths.find((c) => c.index === index)?.header ?? "";
  const units: number[][] = [];
  const leafLevel = Math.max(...t.columns.level.map((c, k) => (c === null ? -1 : k)));
  t.columns.level.forEach((col, k) => {
    if (col === null) return;
    const weight = t.columns.levelWeight[k] ?? (k === leafLevel ? t.columns.weight : null);
    const paired = weight !== null && weight === col + 1 && !LEVEL_WORD.test(header(weight));
    if (paired) units.push([col, weight]);
    else if (!LEVEL_WORD.test(header(col))) units.push([col]);
  });
  return units.length > 1 || units.some((u) => u.length > 1) ? units : [];
}

/** The shuffled order with each bound unit moved as one (where its first column landed), the units in their own order. */
function keepBound(order: number[], bound: number[][]): number[] {
  if (bound.length === 0) return order;
  const unitOf = new Map(bound.flatMap((u, i) => u.map((c) => [c, i] as const)));
  const items: { unit: number | null; cols: number[] }[] = [];
  for (const c of order) {
    const unit = unitOf.get(c);
    if (unit === undefined) items.push({ unit: null, cols: [c] });
    else if (c === bound[unit][0]) items.push({ unit, cols: bound[unit] });
  }
  const units = items.filter((x) => x.unit !== null).sort((x, y) => (x.unit as number) - (y.unit as number));
  let k = 0;
  return items.flatMap((x) => (x.unit === null ? x.cols : units[k++].cols));
}

/** Fixtures whose table (cut out) reads fully and has no merge across columns: their columns can be moved. */
const bases: Base[] = loadTableFixtures().flatMap((f) => {
  const [t] = detectTables(fixtureGrid(f));
  if (!t || t.blocks.some((b) => b.weight === null)) return [];
  const grid = cut(fixtureGrid(f), t.range);
  if (grid.merges.some((m) => m.right > m.left)) return [];
  const [again] = detectTables(grid);
  if (!again) return [];
  return [{ id: f.id, grid, header: { top: again.header.top, bottom: again.header.bottom }, signature: signature(again), bound: boundUnits(again) }];
});

test("the property runs on several real layouts", () => {
  expect(bases.length).toBeGreaterThanOrEqual(5);
});

describe.each(bases.map((b) => [b.id, b] as const))("%s", (_id, base) => {
  const oneRowHeader = base.header.top === base.header.bottom;

  test("columns permuted, a blank column inserted, header split or merged, titles and a budget table above: the same table", () => {
    const n = base.grid.colCount;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        fc.option(fc.integer({ min: 0, max: n }), { nil: null }),
        fc.constantFrom("keep", "split", "merged"),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (order, blankAt, headerForm, titles, budget) => {
          let g = permute(base.grid, keepBound(order, base.bound));
          if (oneRowHeader && headerForm !== "keep") g = twoRowHeader(g, base.header.top, headerForm === "split");
          if (blankAt !== null) g = insertBlankColumn(g, blankAt);
          g = above(g, titles, budget);
          const tables = detectTables(g);
          expect(tables).toHaveLength(1);
          expect(signature(tables[0])).toEqual(base.signature);
        },
      ),
      { numRuns: 30, seed: 20261201 },
    );
  });
});
