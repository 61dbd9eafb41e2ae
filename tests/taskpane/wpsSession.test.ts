/**
 * The WPS session over the ET stand-in (which keeps what is written): the findings it holds after
 * 填写自评得分 and 撤销 are those a new read of the sheet gives, without that read; 识别所选区域 over the
 * selection (Application.Selection).
 */
import { join } from "path";
import { readSheet, type EtApplication } from "../../src/adapters/wps";
import { readGrids } from "../../src/adapters/xlsx";
import type { Grid } from "../../src/sheet/types";
import { runCheck } from "../../taskpane/state/engine";
import { SELECT_A_RANGE } from "../../taskpane/state/selection";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../../taskpane/state/settings";
import { TABLES_KEY } from "../../taskpane/state/tables";
import { WpsSession } from "../../taskpane/state/wpsSession";
import { etStandIn } from "../adapters/et-stand-in";
import { specFromGrid } from "../e2e/wps-stand-in";
import { UNKNOWN_HEADERS } from "./mock-grid";

function memoryStore(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))) };
}

/** The stand-in's application with a selection: a range's address, or something that is no range. */
function withSelection(app: EtApplication, selection: unknown): EtApplication {
  return new Proxy(app, { get: (t, k) => (k === "Selection" ? selection : Reflect.get(t, k)) });
}

let grid: Grid;
beforeAll(async () => {
  [grid] = await readGrids(join(__dirname, "..", "..", "examples", "000-部门整体绩效自评表.xlsx"));
});

test("after 填写自评得分 and 撤销 the findings held are those of the sheet, without reading it again", async () => {
  const s = etStandIn([specFromGrid(grid)]);
  const session = new WpsSession(() => s.app, memoryStore());
  const before = await session.check(BUILTIN_DEFAULTS);
  expect(before.findings.some((f) => f.kind === "score-missing")).toBe(true);
  s.resetCalls();
  await session.write(BUILTIN_DEFAULTS, { fillMissing: true, annotate: false, overwriteDiverging: false, formulas: "values" }, "填写自评得分");
  const writeCalls = s.calls();
  const sheetNow = () => runCheck([readSheet(s.app, null).grid], BUILTIN_DEFAULTS).findings;
  const held = session.result?.findings;
  const written = sheetNow();
  expect(written.some((f) => f.kind === "score-missing")).toBe(false);
  expect(held).toEqual(written);

  s.resetCalls();
  await session.undo();
  const undoCalls = s.calls();
  expect(session.result?.findings).toEqual(sheetNow());
  expect(session.result?.findings).toEqual(before.findings);
  // The session read the sheet once for the write (WPS tells no changes) and not again after it or the undo.
  const oneRead = (() => {
    s.resetCalls();
    readSheet(s.app, null);
    return s.calls();
  })();
  expect(writeCalls).toBeGreaterThanOrEqual(oneRead);
  expect(undoCalls).toBeLessThan(oneRead);
});

test("识别所选区域 in WPS: the selected range read as a table, kept once it reads; a range that does not read gets its columns for roles", async () => {
  const s = etStandIn([specFromGrid(grid)]);
  const store = memoryStore();
  let selection: unknown = { Address: () => "$A$23:$I$52" };
  const session = new WpsSession(() => withSelection(s.app, selection), store);
  const found = await session.checkSelection(BUILTIN_DEFAULTS);
  expect(found.found).toBe(0);
  expect(found.result.tables[0].range).toBe("A23:I52");
  expect(store.data.get(TABLES_KEY)).toEqual([{ sheet: grid.name, range: "A23:I52" }]);
  expect(session.result).toBe(found.result);

  // A chart selected (no Address), or one cell: the pane asks for the table's range.
  selection = { Name: "图表 1" };
  await expect(session.checkSelection(BUILTIN_DEFAULTS)).rejects.toThrow(SELECT_A_RANGE);
  selection = { Address: () => "B3" };
  await expect(session.checkSelection(BUILTIN_DEFAULTS)).rejects.toThrow(SELECT_A_RANGE);

  const u = etStandIn([specFromGrid(UNKNOWN_HEADERS)]);
  const store2 = memoryStore();
  const session2 = new WpsSession(() => withSelection(u.app, { Address: () => "A2:C4" }), store2);
  const out = await session2.checkSelection(BUILTIN_DEFAULTS);
  expect(out.found).toBeNull();
  expect(out.candidate?.columns.map((c) => c.column)).toEqual(["A", "B", "C"]);
  expect(store2.data.get(TABLES_KEY)).toBeUndefined();
});
