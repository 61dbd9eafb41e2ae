import { applyPlan, clearAnnotations, findAnnotatedCells, officeColor, readSheet, undo } from "../../src/adapters/office";
import { capabilityWarnings, detectCapabilities, type OfficeCapabilities } from "../../src/adapters/office-capabilities";
import type { Plan } from "../../src/check/types";
import { CUT_MARK, JX_NOTE_MARK, TEXT_LIMIT, jxNoteText } from "../../src/check/notes";
import { mockExcel } from "./office-mock";

const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };

const table = {
  name: "自评表",
  top: 2,
  left: 1,
  rows: [
    ["三级指标", "目标值", "实际值", "权重", "自评得分"],
    ["预算完成率", "=100%", 0.95, 4, 4],
    ["资金使用合规性", "健全", "健全", 5, ""],
    ["合计", "", "", "=SUM(E4:E5)", "=SUM(F4:F5)"],
  ] as (string | number)[][],
  formulaValues: { E6: 9, F6: 4 },
  numberFormats: { D4: "0%" },
  merged: "自评表!B1:F1, 自评表!B8:B9",
  fills: { F4: "#FFFF00" },
};

describe("readSheet", () => {
  test("reads values, formulas, formats, merges and fills in one sync, at absolute positions", async () => {
    const m = mockExcel(table);
    const read = await readSheet(m.context, null, ALL);
    expect(m.syncCount()).toBe(1);
    const { grid } = read;
    expect(grid.name).toBe("自评表");
    expect(grid.rowCount).toBe(6);
    expect(grid.colCount).toBe(6);
    expect(grid.cells[0]).toEqual([]);
    expect(grid.cells[2][1]?.value).toBe("三级指标");
    expect(grid.cells[3][3]).toEqual({ value: 0.95, numFmt: "0%", formula: null });
    expect(grid.cells[4][5]).toBeUndefined();
    expect(grid.cells[5][5]).toEqual({ value: 4, numFmt: "General", formula: "SUM(F4:F5)" });
    // "=100%" typed as text is a value, not a formula.
    expect(grid.cells[3][2]).toEqual({ value: "=100%", numFmt: "General", formula: null });
    expect(grid.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 5 },
      { top: 7, left: 1, bottom: 8, right: 1 },
    ]);
    expect(read.fills.get("F4")).toEqual({ color: "#FFFF00" });
    expect(read.fills.get("F5")).toEqual({ color: null });
    expect(read.annotatedCells).toEqual(new Map());
  });

  test("without ExcelApi 1.13 it reads no merged areas, and says why", async () => {
    const m = mockExcel(table);
    const read = await readSheet(m.context, null, { ...ALL, mergedAreas: false, insertWorksheets: false });
    expect(read.grid.merges).toEqual([]);
    expect(m.syncCount()).toBe(1);
    const warnings = capabilityWarnings({ ...ALL, mergedAreas: false });
    expect(warnings.join("")).toContain("合并单元格");
  });

  test("registers a change handler in the same sync so the pane can tell its read is stale", async () => {
    const m = mockExcel(table);
    let changed = 0;
    await readSheet(m.context, null, ALL, () => (changed += 1));
    expect(m.syncCount()).toBe(1);
    expect(m.changeHandlers).toHaveLength(1);
    await m.changeHandlers[0]();
    expect(changed).toBe(1);
  });

  test("a sheet with notes: annotated cells are unknown until findAnnotatedCells looks (two more syncs), with their texts", async () => {
    const m = mockExcel({ ...table, notes: { F4: "领导已确认" } });
    const read = await readSheet(m.context, null, ALL);
    expect(read.annotatedCells).toBeNull();
    const cells = await findAnnotatedCells(m.context, "自评表", ALL);
    expect(cells).toEqual(new Map([["F4", { text: "领导已确认" }]]));
    expect(m.syncCount()).toBe(3);
    // Comments (Excel before notes): the id too, to write to the comment later.
    const c = mockExcel({ ...table, comments: { F6: "请复核" } });
    expect(await findAnnotatedCells(c.context, "自评表", { ...ALL, notes: false })).toEqual(new Map([["F6", { text: "请复核", id: "k1" }]]));
  });
});

const plan: Plan = {
  actions: [
    { kind: "set-value", sheet: "自评表", cell: "F5", value: 5 },
    { kind: "set-formula", sheet: "自评表", cell: "F4", formula: 'JX.SCORE(I4,C4,D4,E4)' },
    { kind: "fill", sheet: "自评表", cell: "F4", color: "#F4CCCC", severity: "error" },
    { kind: "fill", sheet: "自评表", cell: "F6", color: "#FFF2CC", severity: "warning" },
    { kind: "note", sheet: "自评表", cell: "F4", text: "JX：应得 2 分" },
    { kind: "note", sheet: "其他表", cell: "A1", text: "不属于本表" },
  ],
};

describe("applyPlan", () => {
  test("writes the whole plan in one sync, fills in one setCellProperties, screen updating suspended once", async () => {
    const m = mockExcel(table);
    const read = await readSheet(m.context, null, ALL);
    const result = await applyPlan(m.context, plan, read, ALL);
    expect(m.syncCount()).toBe(2);
    expect(m.suspendCalls()).toBe(1);
    expect(m.writes.find((w) => w.address === "F5")?.values).toEqual([[5]]);
    expect(m.writes.find((w) => w.address === "F4" && w.formulas)?.formulas).toEqual([["=JX.SCORE(I4,C4,D4,E4)"]]);
    const bulk = m.writes.filter((w) => w.cellProperties);
    expect(bulk).toHaveLength(1);
    expect(bulk[0].address).toBe("F4:F6");
    expect(bulk[0].cellProperties).toEqual([[{ format: { fill: { color: "#F4CCCC" } } }], [{}], [{ format: { fill: { color: "#FFF2CC" } } }]]);
    expect(m.notesAdded).toEqual([{ address: "F4", text: "JX：应得 2 分" }]);
    // The undo record holds what the read saw, for exactly the cells touched.
    expect(result.undo.cells).toEqual([
      { cell: "F5", content: { value: null, formula: null } },
      { cell: "F4", content: { value: 4, formula: null }, fill: { color: "#FFFF00" } },
      { cell: "F6", fill: { color: null } },
    ]);
    expect(result.undo.notesAdded).toEqual([{ cell: "F4", api: "note" }]);
    expect(result.annotations.map((a) => a.cell)).toEqual(["F4", "F6"]);
  });

  test("keeps a note an official wrote: JX's part after it under the mark, in the same one write sync", async () => {
    const m = mockExcel({ ...table, notes: { F4: "领导已确认" } });
    const read = await readSheet(m.context, null, ALL);
    read.annotatedCells = await findAnnotatedCells(m.context, "自评表", ALL);
    const before = m.syncCount();
    const jx = jxNoteText(["应得 2 分"]);
    const result = await applyPlan(m.context, { actions: [{ kind: "note", sheet: "自评表", cell: "F4", text: jx }] }, read, ALL);
    expect(m.syncCount() - before).toBe(1);
    expect(m.notesAdded).toEqual([]);
    expect(m.contentSet).toEqual([{ key: "F4", text: `领导已确认\n${jx}` }]);
    expect(result.skippedNotes).toEqual([]);
    expect(result.appendedNotes).toEqual(["F4"]);
    expect(result.annotations).toEqual([{ cell: "F4", color: "", fillBefore: { color: "#FFFF00" }, note: { cell: "F4", api: "note" }, noteText: jx }]);
    // 撤销 puts the official's text back (and deletes nothing).
    expect(result.undo.notesAdded).toEqual([]);
    expect(result.undo.notesChanged).toEqual([{ ref: { cell: "F4", api: "note" }, before: "领导已确认" }]);
    const after = mockExcel({ ...table, notes: { F4: `领导已确认\n${jx}` } });
    await undo(after.context, result.undo, ALL);
    expect(after.contentSet).toEqual([{ key: "F4", text: "领导已确认" }]);
    expect(after.deleted).toEqual([]);
    expect(after.syncCount()).toBe(2);
  });

  test("a note already holding a JX part is left (清除标注 first); on comments the part goes into the existing comment", async () => {
    const m = mockExcel({ ...table, notes: { F4: `领导已确认\n${JX_NOTE_MARK}\n旧说明` } });
    const read = await readSheet(m.context, null, ALL);
    read.annotatedCells = await findAnnotatedCells(m.context, "自评表", ALL);
    const result = await applyPlan(m.context, plan, read, ALL);
    expect(m.contentSet).toEqual([]);
    expect(result.skippedNotes).toEqual(["F4"]);

    const caps = { ...ALL, notes: false };
    const c = mockExcel({ ...table, comments: { F4: "请复核" } });
    const cread = await readSheet(c.context, null, caps);
    cread.annotatedCells = await findAnnotatedCells(c.context, "自评表", caps);
    const jx = jxNoteText(["应得 2 分"]);
    const cres = await applyPlan(c.context, { actions: [{ kind: "note", sheet: "自评表", cell: "F4", text: jx }] }, cread, caps);
    expect(c.commentsAdded).toEqual([]);
    expect(c.contentSet).toEqual([{ key: "k1", text: `请复核\n${jx}` }]);
    expect(cres.undo.notesChanged).toEqual([{ ref: { cell: "F4", api: "comment", id: "k1" }, before: "请复核" }]);
  });

  test("a 100,000-character note is cut to Excel's 32,767 characters, marked; an own note is never cut", async () => {
    const long = jxNoteText([`无法识别评分规则：${"甲".repeat(100_000)}`]);
    const action = (cell: string) => ({ kind: "note" as const, sheet: "自评表", cell, text: long });
    const own30k = "乙".repeat(30_000);
    const ownFull = "丙".repeat(TEXT_LIMIT - 5);
    const m = mockExcel({ ...table, notes: { F4: own30k, F6: ownFull } });
    const read = await readSheet(m.context, null, ALL);
    read.annotatedCells = await findAnnotatedCells(m.context, "自评表", ALL);
    const result = await applyPlan(m.context, { actions: [action("F5"), action("F4"), action("F6")] }, read, ALL);
    // A new note: JX's text, cut.
    expect(m.notesAdded).toHaveLength(1);
    const added = m.notesAdded[0].text;
    expect(added.length).toBe(TEXT_LIMIT);
    expect(added.startsWith(`${JX_NOTE_MARK}\n无法识别评分规则：甲甲`)).toBe(true);
    expect(added.endsWith(CUT_MARK)).toBe(true);
    // After an own note of 30,000 characters: the own text whole, JX's part in the room left.
    expect(m.contentSet).toHaveLength(1);
    const appended = m.contentSet[0].text;
    expect(appended.length).toBe(TEXT_LIMIT);
    expect(appended.startsWith(`${own30k}\n${JX_NOTE_MARK}`)).toBe(true);
    expect(appended.endsWith(CUT_MARK)).toBe(true);
    // An own note with no room left: untouched, the explanation stays in the pane.
    expect(result.skippedNotes).toEqual(["F6"]);
    // What 清除标注 will compare against is the part as written.
    expect(result.annotations.find((a) => a.cell === "F4")?.noteText).toBe(appended.slice(own30k.length + 1));
  });

  test("falls back to comments (ExcelApi 1.10) without notes, and drops notes with neither", async () => {
    const m = mockExcel(table);
    const caps = { ...ALL, notes: false };
    const read = await readSheet(m.context, null, caps);
    const result = await applyPlan(m.context, plan, read, caps);
    expect(m.commentsAdded).toEqual([{ address: "F4", text: "JX：应得 2 分" }]);
    expect(result.undo.notesAdded).toEqual([{ cell: "F4", api: "comment", id: "c1" }]);

    const bare = mockExcel(table);
    const none = { ...ALL, notes: false, comments: false };
    const r2 = await applyPlan(bare.context, plan, await readSheet(bare.context, null, none), none);
    expect(r2.droppedNotes).toBe(1);
    expect(bare.commentsAdded).toEqual([]);
  });

  test("on a 10,000-row sheet a check costs one read sync and one write sync", async () => {
    const rows: (string | number)[][] = [["三级指标", "目标值", "实际值", "权重", "自评得分"]];
    for (let i = 0; i < 10000; i++) rows.push([`指标${i}`, "≥95%", 0.9, 1, ""]);
    const m = mockExcel({ name: "自评表", rows });
    const read = await readSheet(m.context, null, ALL);
    const big: Plan = {
      actions: rows.slice(1).flatMap((_, i) => [
        { kind: "set-value" as const, sheet: "自评表", cell: `E${i + 2}`, value: 0.5 },
        { kind: "fill" as const, sheet: "自评表", cell: `E${i + 2}`, color: "#FFF2CC", severity: "warning" as const },
      ]),
    };
    await applyPlan(m.context, big, read, ALL);
    expect(read.grid.rowCount).toBe(10001);
    expect(m.syncCount()).toBe(2);
    // 10,000 scores in one column: one range assignment.
    const valueWrites = m.writes.filter((w) => w.values);
    expect(valueWrites.map((w) => w.address)).toEqual(["E2:E10001"]);
    expect(valueWrites[0].values).toHaveLength(10000);
    expect(m.writes.filter((w) => w.cellProperties)).toHaveLength(1);
  });
});

describe("undo and clear", () => {
  test("undo puts back values, formulas, fills and removes the notes JX added", async () => {
    const m = mockExcel(table);
    const read = await readSheet(m.context, null, ALL);
    const { undo: record } = await applyPlan(m.context, plan, read, ALL);
    // The workbook as JX left it: its note sits in F4.
    const after = mockExcel({ ...table, notes: { F4: "JX：应得 2 分" } });
    await undo(after.context, record, ALL);
    expect(after.syncCount()).toBe(2);
    expect(after.writes.find((w) => w.address === "F5")?.values).toEqual([[""]]);
    expect(after.writes.find((w) => w.address === "F4" && w.values)?.values).toEqual([[4]]);
    expect(after.writes.find((w) => w.address === "F6")?.fillCleared).toBe(true);
    expect(after.writes.find((w) => w.address === "F6")?.values).toBeUndefined();
    const bulk = after.writes.filter((w) => w.cellProperties);
    expect(bulk[0].cellProperties).toEqual([[{ format: { fill: { color: "#FFFF00" } } }]]);
    expect(after.deleted).toEqual(["F4"]);
  });

  test("clear takes JX's part off an official's note, keeping the official's text; 撤销 puts it back", async () => {
    const jx = jxNoteText(["应得 2 分"]);
    const m = mockExcel({ ...table, notes: { F4: `领导已确认\n${jx}`, F6: `后来补写的说明\n${jx}`, F5: `自己的话\n${JX_NOTE_MARK}\n被改过` } });
    const annotations = ["F4", "F5", "F6"].map((cell) => ({ cell, color: "", fillBefore: { color: null }, note: { cell, api: "note" as const }, noteText: jx }));
    const record = await clearAnnotations(m.context, "自评表", annotations, ALL);
    expect(m.syncCount()).toBe(2);
    // F4, F6: own text kept, JX's part gone; F5: JX's part edited by a person, kept whole.
    expect(m.contentSet).toEqual([
      { key: "F4", text: "领导已确认" },
      { key: "F6", text: "后来补写的说明" },
    ]);
    expect(m.deleted).toEqual([]);
    expect(record.notesRemoved).toEqual([]);
    expect(record.notesChanged).toEqual([
      { ref: { cell: "F4", api: "note" }, before: `领导已确认\n${jx}` },
      { ref: { cell: "F6", api: "note" }, before: `后来补写的说明\n${jx}` },
    ]);
    const cleared = mockExcel({ ...table, notes: { F4: "领导已确认", F6: "后来补写的说明" } });
    await undo(cleared.context, record, ALL);
    expect(cleared.contentSet).toEqual([
      { key: "F4", text: `领导已确认\n${jx}` },
      { key: "F6", text: `后来补写的说明\n${jx}` },
    ]);
  });

  test("clear removes only the fills still showing JX's colour and notes still holding JX's text", async () => {
    const m = mockExcel({ ...table, notes: { F4: "JX：应得 2 分", F6: "改过的说明" } });
    const annotations = [
      { cell: "F4", color: "#FFFF00", fillBefore: { color: null }, note: { cell: "F4", api: "note" as const }, noteText: "JX：应得 2 分" },
      { cell: "F6", color: "#F4CCCC", fillBefore: { color: null }, note: { cell: "F6", api: "note" as const }, noteText: "JX：原文" },
    ];
    const record = await clearAnnotations(m.context, "自评表", annotations, ALL);
    expect(m.deleted).toEqual(["F4"]);
    expect(record.notesRemoved).toEqual([{ cell: "F4", text: "JX：应得 2 分" }]);
    expect(m.syncCount()).toBe(2);
  });

  test("requirement sets are checked by version", () => {
    const caps = detectCapabilities((_n, v) => Number(v?.split(".")[1]) <= 10);
    expect(caps).toEqual({ events: true, cellProperties: true, mergedAreas: false, insertWorksheets: false, comments: true, notes: false });
    expect(capabilityWarnings(caps).join("\n")).toContain("ExcelApi 1.10");
  });
});

describe("small parts", () => {
  test("plan colours (exceljs ARGB or CSS hex) become Office.js colours", () => {
    expect(officeColor("FFFFC7CE")).toBe("#FFC7CE");
    expect(officeColor("#ffeb9c")).toBe("#FFEB9C");
    expect(officeColor("red")).toBe("red");
  });
});

test("a blank sheet reads as an empty grid in one sync", async () => {
  const m = mockExcel({ name: "空表", rows: [[""]] });
  const read = await readSheet(m.context, null, ALL);
  expect(m.syncCount()).toBe(1);
  expect(read.grid.cells).toEqual([[]]);
  expect(read.grid.merges).toEqual([]);
});

test("score writes group into runs of consecutive rows per column; a gap or a formula starts a new run", async () => {
  const m = mockExcel(table);
  const read = await readSheet(m.context, null, ALL);
  const p: Plan = {
    actions: [
      { kind: "set-value", sheet: "自评表", cell: "F5", value: 5 },
      { kind: "set-value", sheet: "自评表", cell: "F4", value: 2 },
      { kind: "set-value", sheet: "自评表", cell: "F7", value: 1 },
      { kind: "set-formula", sheet: "自评表", cell: "F8", formula: "SUM(F4:F7)" },
      { kind: "set-value", sheet: "自评表", cell: "G4", value: "优" },
    ],
  };
  await applyPlan(m.context, p, read, ALL);
  const written = m.writes.filter((w) => w.values || w.formulas).map((w) => [w.address, w.values ?? w.formulas]);
  expect(written).toEqual([
    ["F4:F5", [[2], [5]]],
    ["F7", [[1]]],
    ["F8", [["=SUM(F4:F7)"]]],
    ["G4", [["优"]]],
  ]);
});
