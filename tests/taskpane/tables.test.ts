/** The mapping editor's state: a reading turned into an override and back, on the real tables. */
import { readGrids } from "../../src/adapters/xlsx";
import { parseRangeA1 } from "../../src/sheet/address";
import { BUILTIN_DEFAULTS } from "../../taskpane/state/settings";
import { runCheck } from "../../taskpane/state/engine";
import { editableFromRange, editableFromSummary, overrideFor, readingSummary, replaceOverride, sanitizeOverrides } from "../../taskpane/state/tables";
import { fixtureGrid, loadTableFixtures } from "../fixtures/tables/load";
import type { Grid } from "../../src/sheet/types";

const roles = (cols: { column: string; role: string }[]) => cols.map((c) => `${c.column}=${c.role}`).join(",");

describe("an unchanged reading given back as an override reads the same table", () => {
  for (const f of loadTableFixtures()) {
    test(f.id, () => {
      const grid = fixtureGrid(f);
      const before = runCheck([grid], BUILTIN_DEFAULTS);
      for (const t of before.tables) {
        const e = editableFromSummary(t)!;
        expect(e).not.toBeNull();
        const after = runCheck([grid], BUILTIN_DEFAULTS, [overrideFor(e)]);
        const same = after.tables.find((x) => x.range.split(":")[0] === t.range.split(":")[0])!;
        expect(same).toBeDefined();
        expect(same.reading!.source).toBe("override");
        expect(roles(editableFromSummary(same)!.columns)).toBe(roles(e.columns));
        expect(same.indicators).toBe(t.indicators);
        expect(same.weightSum).toBe(t.weightSum);
      }
    });
  }
});

let example: Grid;
beforeAll(async () => {
  [example] = await readGrids(`${__dirname}/../../examples/000-部门整体绩效自评表.xlsx`);
});

test("a role given to one column takes it from the column that had it; 忽略 takes a column out", () => {
  const r = runCheck([example], BUILTIN_DEFAULTS);
  const e = editableFromSummary(r.tables[0])!;
  const weight = e.columns.find((c) => c.role === "weight")!;
  const score = e.columns.find((c) => c.role === "score")!;
  const o = overrideFor(e, new Map([[score.index, "weight"]]));
  expect(o.columns!.weight).toBe(score.column);
  expect(o.columns!.ignore).toContain(weight.column);
  expect(o.columns!.score).toBeUndefined();
  const after = runCheck([example], BUILTIN_DEFAULTS, [overrideFor(e, new Map([[weight.index, "ignore"]]))]);
  expect(after.findings.some((f) => f.kind === "table-unchecked" && /未识别到权重列/.test(f.message))).toBe(true);
  expect(r.findings.some((f) => f.kind === "table-unchecked")).toBe(false);
});

test("a chosen range becomes an editable table with the header's guesses, and reads once roles are given", () => {
  const grid: Grid = {
    name: "表1",
    rowCount: 4,
    colCount: 3,
    merges: [],
    cells: [
      [{ value: "项目", numFmt: null, formula: null }, { value: "满额", numFmt: null, formula: null }, { value: "所得", numFmt: null, formula: null }],
      [{ value: "资金到位率", numFmt: null, formula: null }, { value: 60, numFmt: null, formula: null }, { value: 50, numFmt: null, formula: null }],
      [{ value: "群众满意度", numFmt: null, formula: null }, { value: 40, numFmt: null, formula: null }, { value: 45, numFmt: null, formula: null }],
      [],
    ],
  };
  expect(runCheck([grid], BUILTIN_DEFAULTS).tables).toHaveLength(0);
  const e = editableFromRange(grid, parseRangeA1("A1:C3")!);
  expect(e.columns.map((c) => `${c.column}:${c.header}:${c.role}`)).toEqual(["A:项目:ignore", "B:满额:ignore", "C:所得:ignore"]);
  const o = overrideFor(e, new Map([[0, "level3"], [1, "weight"], [2, "score"]]));
  const r = runCheck([grid], BUILTIN_DEFAULTS, [o]);
  expect(r.tables).toHaveLength(1);
  expect(r.tables[0].indicators).toBe(2);
  expect(r.findings.some((f) => f.kind === "score-exceeds-weight" && f.cell === "C3")).toBe(true);
});

test("overrides: one per table replaced, others kept; stored values checked", () => {
  const a = { sheet: "S", range: "A1:C9", columns: { weight: "B" } };
  const b = { sheet: "S", range: "A20:C30", columns: { weight: "C" } };
  const list = replaceOverride([a, b], "S", "A2:D9", { sheet: "S", range: "A2:D9" });
  expect(list).toEqual([b, { sheet: "S", range: "A2:D9" }]);
  expect(replaceOverride(list, "S", "A20:C30", null)).toEqual([{ sheet: "S", range: "A2:D9" }]);
  expect(sanitizeOverrides([{ sheet: "S", range: "A1:C9", headerRows: { top: 0, bottom: 1 }, columns: { weight: "B", bogus: "C", score: "c1", ignore: ["D", 3] } }, { sheet: "S", range: "nope" }, 5])).toEqual([
    { sheet: "S", range: "A1:C9", headerRows: { top: 0, bottom: 1 }, columns: { weight: "B", ignore: ["D"] } },
  ]);
  expect(sanitizeOverrides("x")).toEqual([]);
});

describe("readingSummary: the folded editor's one line", () => {
  const table = (roles: Record<string, string>, source: "detected" | "override" | "selection" = "detected") => ({
    sheet: "表1",
    range: "A5:K40",
    header: { top: 4, bottom: 4 },
    source,
    columns: Object.entries(roles).map(([column, role]) => ({ index: column.charCodeAt(0) - 65, column, header: "", role })),
  });
  const read = { rowsRead: 27, rowsWithWeight: 27 };
  test("adjacent name columns as a run, the rest by letter", () => {
    expect(readingSummary(table({ A: "level1", B: "level2", C: "level3", D: "target", F: "weight", H: "rule", I: "score" }), read)).toBe(
      "已识别：名称 A–C，权重 F，评分规则 H，自评得分 I；读取 27 行",
    );
  });
  test("per-level weight columns, a verified score, under a correction", () => {
    expect(readingSummary(table({ A: "level1", B: "level1Weight", C: "level2", D: "level2Weight", E: "score", F: "verified" }, "override"), read)).toBe(
      "按更正读取：名称 A、C，权重 B、D，自评得分 E，核查得分 F；读取 27 行",
    );
  });
  test("what is missing is said; weights only in the names are not missing", () => {
    expect(readingSummary(table({ A: "level3", B: "ignore" }), { rowsRead: 4, rowsWithWeight: 0 })).toBe("已识别：名称 A，未识别权重列，未识别自评得分列；读取 4 行");
    expect(readingSummary(table({ A: "level3", B: "score" }), { rowsRead: 4, rowsWithWeight: 4 })).toBe("已识别：名称 A，权重写在名称中，自评得分 B；读取 4 行");
    expect(readingSummary(table({ A: "ignore" }, "selection"))).toBe("所选区域未能读作指标表：请为各列指定角色");
  });
});
