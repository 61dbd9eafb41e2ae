/** ExcelSession on office-addin-mock, over the real example workbook's cells: syncs, writes, undo, clear. */
import { readGrids } from "../../src/adapters/xlsx";
import type { OfficeCapabilities } from "../../src/adapters/office-capabilities";
import type { Grid } from "../../src/sheet/types";
import { ANNOTATIONS_KEY, ExcelSession } from "../../taskpane/state/excelSession";
import { runCheck } from "../../taskpane/state/engine";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../../taskpane/state/settings";
import { gridWithWrites, mockFromGrid } from "./mock-grid";

const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };

function memoryStore(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))) };
}

let grid: Grid;
beforeAll(async () => {
  [grid] = await readGrids(`${__dirname}/../../examples/000-部门整体绩效自评表.xlsx`);
});

test("一键校验 then 标注差异 costs two syncs: the write reuses the check's read", async () => {
  const m = mockFromGrid(grid);
  const store = memoryStore();
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  const result = await session.check(BUILTIN_DEFAULTS);
  expect(result.tables).toHaveLength(1);
  expect(result.findings.length).toBeGreaterThan(0);
  const out = await session.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  expect(m.syncCount()).toBe(2);
  const cells = new Set(result.findings.map((f) => f.cell));
  expect(out.message).toContain(`标注 ${cells.size} 个单元格`);
  expect(m.notesAdded.map((n) => n.address).sort()).toEqual([...cells].sort());
  const book = store.data.get(ANNOTATIONS_KEY) as Record<string, { cell: string }[]>;
  expect(book[grid.name].map((a) => a.cell).sort()).toEqual([...cells].sort());
  expect(session.canUndo).toBe("标注差异");
});

test("a change in the sheet after the check makes the next write read again", async () => {
  const m = mockFromGrid(grid);
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  await session.check(BUILTIN_DEFAULTS);
  await m.changeHandlers[0](); // the official edits a cell
  await session.write(BUILTIN_DEFAULTS, { fillMissing: true, annotate: false }, "填写自评得分");
  expect(m.syncCount()).toBe(3);
});

test("填写自评得分 fills only empty scores unless overwriting was chosen; 撤销 puts the old values back", async () => {
  const m = mockFromGrid(grid);
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  const result = await session.check(BUILTIN_DEFAULTS);
  const missing = result.findings.filter((f) => f.kind === "score-missing");
  const diverging = result.findings.filter((f) => f.kind === "score-diverges" && f.severity === "error");
  expect(missing.length).toBeGreaterThan(0);
  expect(diverging.length).toBeGreaterThan(0);

  await session.write(BUILTIN_DEFAULTS, { fillMissing: true, annotate: false, overwriteDiverging: false }, "填写自评得分");
  const written = m.writes.filter((w) => w.values).map((w) => w.address);
  for (const f of missing) expect(written).toContain(f.cell);
  for (const f of diverging) expect(written).not.toContain(f.cell);

  m.writes.length = 0;
  await session.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: false, overwriteDiverging: true }, "覆盖自评得分");
  const overwritten = diverging[0];
  expect(m.writes.find((w) => w.address === overwritten.cell)?.values).toEqual([[overwritten.computed]]);

  m.writes.length = 0;
  expect(await session.undo()).toBe("已撤销“覆盖自评得分”。");
  expect(m.writes.find((w) => w.address === overwritten.cell)?.values).toEqual([[overwritten.reported]]);
  expect(session.canUndo).toBeNull();
});

test("清除标注 removes only what JX recorded, and 撤销 brings it back", async () => {
  const m = mockFromGrid(grid);
  const store = memoryStore();
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  await session.check(BUILTIN_DEFAULTS);
  await session.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  const book = store.data.get(ANNOTATIONS_KEY) as Record<string, { cell: string; noteText: string }[]>;
  // The workbook as JX left it: its notes in place (the mock starts each session from the file).
  const after = mockFromGrid(grid, { notes: Object.fromEntries(book[grid.name].map((a) => [a.cell, a.noteText])) });
  const again = new ExcelSession((fn) => fn(after.context), ALL, store);
  const message = await again.clear();
  expect(message).toContain(`${book[grid.name].length} 条批注`);
  expect(after.deleted.sort()).toEqual(book[grid.name].map((a) => a.cell).sort());
  expect(store.data.get(ANNOTATIONS_KEY)).toEqual({});
  await again.undo();
  expect(store.data.get(ANNOTATIONS_KEY)).toEqual(book);
  expect(after.notesAdded.map((n) => n.address).sort()).toEqual(book[grid.name].map((a) => a.cell).sort());
});

test("标注差异 twice does not stack notes: JX's own notes are recognised and left for 清除标注", async () => {
  const first = mockFromGrid(grid);
  const store = memoryStore();
  await new ExcelSession((fn) => fn(first.context), ALL, store).check(BUILTIN_DEFAULTS);
  const s1 = new ExcelSession((fn) => fn(first.context), ALL, store);
  await s1.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  const book = store.data.get(ANNOTATIONS_KEY) as Record<string, { cell: string; noteText: string }[]>;
  const after = mockFromGrid(grid, { notes: Object.fromEntries(book[grid.name].map((a) => [a.cell, a.noteText])) });
  const s2 = new ExcelSession((fn) => fn(after.context), ALL, store);
  const out = await s2.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  expect(after.notesAdded).toEqual([]);
  expect(out.message).toContain(`${book[grid.name].length} 个单元格已有 JX 批注，未重复添加`);
  expect(out.message).not.toContain("已有批注，JX 未改动");
  // read, locate existing notes (items, then their cells), write
  expect(after.syncCount()).toBe(4);
});

test("an official's own note on a finding cell is kept: JX's part after it, and 清除标注 gives the official's text back", async () => {
  const probe = mockFromGrid(grid);
  const findings = (await new ExcelSession((fn) => fn(probe.context), ALL, memoryStore()).check(BUILTIN_DEFAULTS)).findings;
  const cell = findings[0].cell;
  const own = "领导已确认，不再调整";
  const m = mockFromGrid(grid, { notes: { [cell]: own } });
  const store = memoryStore();
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  await session.check(BUILTIN_DEFAULTS);
  const out = await session.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  // read (1), locate the existing note (items with their texts, then their cells: 2), write (1)
  expect(m.syncCount()).toBe(4);
  expect(m.notesAdded.map((n) => n.address)).not.toContain(cell);
  expect(m.contentSet).toHaveLength(1);
  expect(m.contentSet[0].key).toBe(cell);
  expect(m.contentSet[0].text.startsWith(`${own}\n【JX校验】\n`)).toBe(true);
  expect(out.message).toContain(`${cell} 原有批注保留`);

  const book = store.data.get(ANNOTATIONS_KEY) as Record<string, { cell: string; noteText: string }[]>;
  const notes = Object.fromEntries(book[grid.name].map((a) => [a.cell, a.noteText]));
  notes[cell] = m.contentSet[0].text;
  const after = mockFromGrid(grid, { notes });
  const again = new ExcelSession((fn) => fn(after.context), ALL, store);
  await again.clear();
  expect(after.contentSet).toEqual([{ key: cell, text: own }]);
  expect(after.deleted).not.toContain(cell);
  expect(after.deleted.length).toBe(book[grid.name].filter((a) => a.noteText).length - 1);
});

test("the change handler is registered once per session, not at every check", async () => {
  const m = mockFromGrid(grid);
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  await session.check(BUILTIN_DEFAULTS);
  await session.check(BUILTIN_DEFAULTS);
  expect(m.changeHandlers).toHaveLength(1);
});

test("after 填写自评得分 the session holds the findings of the sheet as written, and after 撤销 those of the sheet put back: no read for either", async () => {
  const m = mockFromGrid(grid);
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  const before = await session.check(BUILTIN_DEFAULTS);
  const missing = before.findings.filter((f) => f.kind === "score-missing");
  expect(missing.length).toBeGreaterThan(0);
  const out = await session.write(BUILTIN_DEFAULTS, { fillMissing: true, annotate: false, overwriteDiverging: false }, "填写自评得分");
  expect(m.syncCount()).toBe(2); // one read, one write
  // What a new read of the sheet would give: the values the mock received, put into the cells.
  const written = runCheck([gridWithWrites(grid, m.writes)], BUILTIN_DEFAULTS);
  expect(session.result?.findings).toEqual(written.findings);
  expect(session.result?.findings.filter((f) => f.kind === "score-missing").length).toBeLessThan(missing.length);
  expect(out.message).not.toMatch(/一键校验/);

  expect(await session.undo()).toBe("已撤销“填写自评得分”。");
  expect(m.syncCount()).toBe(4); // the undo's own two (its notes looked up, then the write): no read
  expect(session.result?.findings).toEqual(before.findings);
});

test("after 填写自评得分 with =JX formulas the findings are not known without a read: none are held, the message says to check again", async () => {
  const m = mockFromGrid(grid);
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  const before = await session.check(BUILTIN_DEFAULTS);
  const out = await session.write(BUILTIN_DEFAULTS, { fillMissing: true, annotate: false, overwriteDiverging: true, formulas: "jx" }, "填写自评得分");
  expect(m.writes.some((w) => w.formulas)).toBe(true);
  expect(session.result).toBeNull();
  expect(out.message).toMatch(/上一次的校验结果已不适用.*请点击“一键校验”重新校验/);
  // 撤销 puts back the values read before the write: their findings again.
  expect(await session.undo()).toBe("已撤销“填写自评得分”。");
  expect(session.result?.findings).toEqual(before.findings);
  expect(m.syncCount()).toBe(4);
});

test("标注差异 and 清除标注 change no value: the findings held stay those of the check", async () => {
  const m = mockFromGrid(grid);
  const session = new ExcelSession((fn) => fn(m.context), ALL, memoryStore());
  const before = await session.check(BUILTIN_DEFAULTS);
  await session.write(BUILTIN_DEFAULTS, { fillMissing: false, annotate: true }, "标注差异");
  expect(session.result?.findings).toEqual(before.findings);
  await session.clear();
  expect(session.result?.findings).toEqual(before.findings);
  await session.undo();
  expect(session.result?.findings).toEqual(before.findings);
});
