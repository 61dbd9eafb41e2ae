/**
 * The WPS adapter against the in-memory ET object model: the scenarios of office.test.ts, with calls into
 * the object model counted where the Office tests count syncs.
 */
import { applyPlan, clearAnnotations, cssColor, etColor, readSheet, selectCell, undo, XL_NONE } from "../../src/adapters/wps";
import type { Plan } from "../../src/check/types";
import { CUT_MARK, JX_NOTE_MARK, TEXT_LIMIT, jxNoteText } from "../../src/check/notes";
import { etStandIn, type StandInSheetSpec } from "./et-stand-in";

const table: StandInSheetSpec = {
  name: "自评表",
  top: 2,
  left: 1,
  rows: [
    ["三级指标", "目标值", "实际值", "权重", "自评得分"],
    ["预算完成率", "=100%", 0.95, 4, 4],
    ["资金使用合规性", "健全", "健全", 5, ""],
    ["合计", "", "", "=SUM(E4:E5)", "=SUM(F4:F5)"],
  ],
  texts: ["C4"],
  formulaValues: { E6: 9, F6: 4 },
  numberFormats: { D4: "0%" },
  merged: ["B1:F1", "B8:B9"],
  fills: { F4: "#FFFF00" },
};

const plan: Plan = {
  actions: [
    { kind: "set-value", sheet: "自评表", cell: "F5", value: 5 },
    { kind: "set-formula", sheet: "自评表", cell: "F4", formula: "JX.SCORE(I4,C4,D4,E4)" },
    { kind: "fill", sheet: "自评表", cell: "F4", color: "#F4CCCC", severity: "error" },
    { kind: "fill", sheet: "自评表", cell: "F6", color: "#FFF2CC", severity: "warning" },
    { kind: "note", sheet: "自评表", cell: "F4", text: "JX：应得 2 分" },
    { kind: "note", sheet: "其他表", cell: "A1", text: "不属于本表" },
  ],
};

describe("readSheet", () => {
  test("reads values, formulas, formats, merges and notes at absolute positions, in a bounded number of calls", () => {
    const s = etStandIn([table]);
    const read = readSheet(s.app, null);
    const { grid } = read;
    expect(grid.name).toBe("自评表");
    expect(grid.rowCount).toBe(9);
    expect(grid.colCount).toBe(6);
    expect(grid.cells[0]).toEqual([]);
    expect(grid.cells[2][1]?.value).toBe("三级指标");
    expect(grid.cells[3][3]).toEqual({ value: 0.95, numFmt: "0%", formula: null });
    expect(grid.cells[4][5]).toBeUndefined();
    expect(grid.cells[5][5]).toEqual({ value: 4, numFmt: "General", formula: "SUM(F4:F5)" });
    // "=100%" typed as text is a value, not a formula.
    expect(grid.cells[3][2]).toEqual({ value: "=100%", numFmt: null, formula: null });
    expect(grid.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 5 },
      { top: 7, left: 1, bottom: 8, right: 1 },
    ]);
    expect(read.annotatedCells).toEqual(new Map());
    // Whole-range Value2 and Formula; a format read per numeric column; merges only in rows that have one.
    expect(s.calls()).toBeLessThan(150);
  });

  test("cells that already hold a note are known after the read, with their texts", () => {
    const s = etStandIn([{ ...table, notes: { F4: "领导已确认", B3: "表头说明" } }]);
    const read = readSheet(s.app, null);
    expect(read.annotatedCells).toEqual(new Map([["F4", "领导已确认"], ["B3", "表头说明"]]));
  });

  test("a column whose formats differ is read cell by cell, only for its numbers", () => {
    const s = etStandIn([{ name: "表", rows: [["权重"], [0.1], [0.2], ["文字"]], numberFormats: { A2: "0%", A3: "0.0%" } }]);
    const g = readSheet(s.app, null).grid;
    expect(g.cells[1][0]?.numFmt).toBe("0%");
    expect(g.cells[2][0]?.numFmt).toBe("0.0%");
    expect(g.cells[3][0]?.numFmt).toBeNull();
  });

  test("formula errors read as Excel shows them (as text, so no number format is read for them)", () => {
    const s = etStandIn([{ name: "表", rows: [["=1/0"]], formulaValues: { A1: -2146826281 } }]);
    expect(readSheet(s.app, null).grid.cells[0][0]).toEqual({ value: "#DIV/0!", numFmt: null, formula: "1/0" });
  });

  test("a blank sheet reads as an empty grid", () => {
    const s = etStandIn([{ name: "空表", rows: [[""]] }]);
    const read = readSheet(s.app, null);
    expect(read.grid.cells).toEqual([[]]);
    expect(read.grid.merges).toEqual([]);
  });
});

describe("applyPlan", () => {
  test("writes the plan with screen updating off once, fills in column runs of one colour, the snapshot in the undo record", () => {
    const s = etStandIn([table]);
    const read = readSheet(s.app, null);
    s.resetCalls();
    const result = applyPlan(s.app, plan, read);
    expect(s.screenUpdatingLog).toEqual([false, true]);
    expect(s.writes.find((w) => w.address === "F5" && w.property === "Value2")?.value).toEqual([[5]]);
    expect(s.writes.find((w) => w.address === "F4" && w.property === "Formula")?.value).toEqual([["=JX.SCORE(I4,C4,D4,E4)"]]);
    const fills = s.writes.filter((w) => w.property === "Interior.Color");
    expect(fills.map((w) => [w.address, cssColor(w.value as number)])).toEqual([
      ["F4", "#F4CCCC"],
      ["F6", "#FFF2CC"],
    ]);
    expect(s.commentsAdded).toEqual([{ address: "F4", text: "JX：应得 2 分" }]);
    expect(result.undo.cells).toEqual([
      { cell: "F5", content: { value: null, formula: null } },
      { cell: "F4", content: { value: 4, formula: null }, fill: { color: "#FFFF00" } },
      { cell: "F6", fill: { color: null } },
    ]);
    expect(result.undo.notesAdded).toEqual([{ cell: "F4", api: "note" }]);
    expect(result.annotations.map((a) => [a.cell, a.color, a.fillBefore])).toEqual([
      ["F4", "#F4CCCC", { color: "#FFFF00" }],
      ["F6", "#FFF2CC", { color: null }],
    ]);
    expect(s.calls()).toBeLessThan(80);
  });

  test("an official's own comment is kept: JX's part goes after it under the mark, for one more call", () => {
    const jx = jxNoteText(["应得 2 分"]);
    const p: Plan = { actions: [{ kind: "note", sheet: "自评表", cell: "F4", text: jx }] };
    // The same plan on a cell without a note, to count what the own comment costs.
    const bare = etStandIn([table]);
    const bareRead = readSheet(bare.app, null);
    bare.resetCalls();
    applyPlan(bare.app, p, bareRead);
    const bareCalls = bare.calls();

    const s = etStandIn([{ ...table, notes: { F4: "领导已确认" } }]);
    const read = readSheet(s.app, null);
    s.resetCalls();
    const result = applyPlan(s.app, p, read);
    expect(s.commentsAdded).toEqual([]);
    expect(s.commentsDeleted).toEqual([]);
    expect(s.commentsChanged).toEqual([{ address: "F4", text: `领导已确认\n${jx}` }]);
    expect(s.cell("自评表", "F4")?.note).toBe(`领导已确认\n${JX_NOTE_MARK}\n应得 2 分`);
    expect(result.skippedNotes).toEqual([]);
    expect(result.appendedNotes).toEqual(["F4"]);
    expect(result.undo.notesAdded).toEqual([]);
    expect(result.undo.notesChanged).toEqual([{ ref: { cell: "F4", api: "note" }, before: "领导已确认" }]);
    expect(result.annotations).toEqual([{ cell: "F4", color: "", fillBefore: { color: null }, note: { cell: "F4", api: "note" }, noteText: jx }]);
    // AddComment on the range (2 calls) becomes Comment + Text on it (3 calls, the Comment read one more).
    expect(s.calls() - bareCalls).toBe(1);
  });

  test("a comment already holding JX's part is left (清除标注 first); so is one whose own text leaves no room", () => {
    const jx = jxNoteText(["应得 2 分"]);
    const huge = "甲".repeat(TEXT_LIMIT - 3);
    const s = etStandIn([{ ...table, notes: { F4: `领导已确认\n${jxNoteText(["旧说明"])}`, F5: huge } }]);
    const p: Plan = {
      actions: [
        { kind: "note", sheet: "自评表", cell: "F4", text: jx },
        { kind: "note", sheet: "自评表", cell: "F5", text: jx },
      ],
    };
    const result = applyPlan(s.app, p, readSheet(s.app, null));
    expect(result.skippedNotes).toEqual(["F4", "F5"]);
    expect(result.appendedNotes).toEqual([]);
    expect(s.commentsChanged).toEqual([]);
    expect(s.commentsAdded).toEqual([]);
    expect(s.cell("自评表", "F5")?.note).toBe(huge);
  });

  test("JX's part is cut to the room an own comment of 30,000 characters leaves, marked; a 100,000-character note alone is cut too", () => {
    const own = "乙".repeat(30000);
    const long = jxNoteText(["说".repeat(100000)]);
    const s = etStandIn([{ ...table, notes: { F4: own } }]);
    const p: Plan = {
      actions: [
        { kind: "note", sheet: "自评表", cell: "F4", text: long },
        { kind: "note", sheet: "自评表", cell: "F5", text: long },
      ],
    };
    const result = applyPlan(s.app, p, readSheet(s.app, null));
    const f4 = s.cell("自评表", "F4")!.note!;
    expect(f4.length).toBe(TEXT_LIMIT);
    expect(f4.startsWith(`${own}\n${JX_NOTE_MARK}`)).toBe(true);
    expect(f4.endsWith(CUT_MARK)).toBe(true);
    expect(result.annotations.find((a) => a.cell === "F4")?.noteText).toBe(f4.slice(own.length + 1));
    const f5 = s.cell("自评表", "F5")!.note!;
    expect(f5.length).toBe(TEXT_LIMIT);
    expect(f5.endsWith(CUT_MARK)).toBe(true);
    expect(s.commentsAdded.map((c) => c.address)).toEqual(["F5"]);
  });

  test("on a 10,000-row sheet the calls do not grow with the rows: one Value2 assignment, one fill", () => {
    const rows: (string | number)[][] = [["三级指标", "目标值", "实际值", "权重", "自评得分"]];
    for (let i = 0; i < 10000; i++) rows.push([`指标${i}`, "≥95%", 0.9, 1, ""]);
    const s = etStandIn([{ name: "自评表", rows, numberFormats: Object.fromEntries(rows.slice(1).map((_, i) => [`C${i + 2}`, "0%"])) }]);
    const read = readSheet(s.app, null);
    const readCalls = s.calls();
    expect(read.grid.rowCount).toBe(10001);
    expect(read.grid.cells[10000][2]).toEqual({ value: 0.9, numFmt: "0%", formula: null });
    expect(readCalls).toBeLessThan(60);
    const big: Plan = {
      actions: rows.slice(1).flatMap((_, i) => [
        { kind: "set-value" as const, sheet: "自评表", cell: `E${i + 2}`, value: 0.5 },
        { kind: "fill" as const, sheet: "自评表", cell: `E${i + 2}`, color: "#FFF2CC", severity: "warning" as const },
      ]),
    };
    s.resetCalls();
    const result = applyPlan(s.app, big, read);
    const values = s.writes.filter((w) => w.property === "Value2");
    expect(values.map((w) => w.address)).toEqual(["E2:E10001"]);
    expect(values[0].value).toHaveLength(10000);
    expect(s.writes.filter((w) => w.property === "Interior.Color").map((w) => w.address)).toEqual(["E2:E10001"]);
    expect(result.undo.cells).toHaveLength(10000);
    expect(s.calls()).toBeLessThan(40);
  });
});

describe("many notes and runs", () => {
  test("a 10,000-row sheet with 500 own comments: read and write calls grow with the notes, not the rows; every own text kept", () => {
    const rows: (string | number)[][] = [["三级指标", "目标值", "实际值", "权重", "自评得分"]];
    for (let i = 0; i < 10000; i++) rows.push([`指标${i}`, "≥95%", 0.9, 1, 1]);
    const notes = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`E${i * 20 + 2}`, `批注${i}`]));
    const s = etStandIn([{ name: "自评表", rows, notes }]);
    const read = readSheet(s.app, null);
    const readCalls = s.calls();
    expect(read.annotatedCells.size).toBe(500);
    // The comments: Item, Parent, Address, Text each (plus the collection); the rest as without notes.
    expect(readCalls).toBeLessThan(60 + 500 * 5);
    const jx = jxNoteText(["应得 0.5 分"]);
    const p: Plan = { actions: Array.from({ length: 1000 }, (_, i) => ({ kind: "note" as const, sheet: "自评表", cell: `E${i * 10 + 2}`, text: jx })) };
    s.resetCalls();
    const result = applyPlan(s.app, p, read);
    expect(result.appendedNotes).toHaveLength(500);
    expect(s.commentsAdded).toHaveLength(500);
    expect(s.calls()).toBeLessThan(20 + 1000 * 5);
    for (let i = 0; i < 500; i++) expect(s.cell("自评表", `E${i * 20 + 2}`)?.note).toBe(`批注${i}\n${jx}`);
    expect(s.cell("自评表", "E12")?.note).toBe(jx);
  });

  test("score writes group into runs of consecutive rows per column; a gap or a formula starts a new run", () => {
    const s = etStandIn([table]);
    const p: Plan = {
      actions: [
        { kind: "set-value", sheet: "自评表", cell: "F4", value: 1 },
        { kind: "set-value", sheet: "自评表", cell: "F5", value: 2 },
        { kind: "set-formula", sheet: "自评表", cell: "F6", formula: "SUM(F4:F5)" },
        { kind: "set-value", sheet: "自评表", cell: "F8", value: 3 },
        { kind: "set-value", sheet: "自评表", cell: "E4", value: 4 },
      ],
    };
    applyPlan(s.app, p, readSheet(s.app, null));
    expect(s.writes.map((w) => [w.address, w.property, w.value])).toEqual([
      ["F6", "Formula", [["=SUM(F4:F5)"]]],
      ["E4", "Value2", [[4]]],
      ["F4:F5", "Value2", [[1], [2]]],
      ["F8", "Value2", [[3]]],
    ]);
  });
});

describe("undo and clear", () => {
  test("undo puts back values, formulas, fills and removes the notes JX added", () => {
    const s = etStandIn([table]);
    const { undo: record } = applyPlan(s.app, plan, readSheet(s.app, null));
    s.writes.length = 0;
    undo(s.app, record);
    expect(s.cell("自评表", "F5")?.value).toBeUndefined();
    expect(s.cell("自评表", "F4")).toMatchObject({ value: 4, formula: null, fill: etColor("#FFFF00"), note: null });
    expect(s.cell("自评表", "F6")?.fill).toBeNull();
    expect(s.cell("自评表", "F6")?.formula).toBe("=SUM(F4:F5)");
    expect(s.writes.find((w) => w.address === "F6" && w.property === "Interior.ColorIndex")?.value).toBe(XL_NONE);
    expect(s.commentsDeleted).toEqual(["F4"]);
    // And the sheet reads as it did before JX touched it.
    expect(readSheet(s.app, null).grid).toEqual(readSheet(etStandIn([table]).app, null).grid);
  });

  test("undo of a formula cell re-enters the formula", () => {
    const s = etStandIn([table]);
    const p: Plan = { actions: [{ kind: "set-value", sheet: "自评表", cell: "F6", value: 9 }] };
    const { undo: record } = applyPlan(s.app, p, readSheet(s.app, null));
    expect(s.cell("自评表", "F6")).toMatchObject({ value: 9, formula: null });
    undo(s.app, record);
    expect(s.cell("自评表", "F6")?.formula).toBe("=SUM(F4:F5)");
  });

  test("clear removes only the fills still showing JX's colour and notes still holding JX's text; undo of the clear puts them back", () => {
    const s = etStandIn([{ ...table, fills: { F4: "#FFFF00", F6: "#00FF00" }, notes: { F4: "JX：应得 2 分", F6: "改过的说明" } }]);
    const annotations = [
      { cell: "F4", color: "#FFFF00", fillBefore: { color: null }, note: { cell: "F4", api: "note" as const }, noteText: "JX：应得 2 分" },
      { cell: "F6", color: "#F4CCCC", fillBefore: { color: null }, note: { cell: "F6", api: "note" as const }, noteText: "JX：原文" },
    ];
    const record = clearAnnotations(s.app, "自评表", annotations);
    expect(s.commentsDeleted).toEqual(["F4"]);
    expect(record.notesRemoved).toEqual([{ cell: "F4", text: "JX：应得 2 分" }]);
    expect(record.cells).toEqual([{ cell: "F4", fill: { color: "#FFFF00" } }]);
    expect(s.cell("自评表", "F4")?.fill).toBeNull();
    expect(s.cell("自评表", "F6")?.fill).toBe(etColor("#00FF00"));
    expect(s.cell("自评表", "F6")?.note).toBe("改过的说明");
    undo(s.app, record);
    expect(s.cell("自评表", "F4")).toMatchObject({ fill: etColor("#FFFF00"), note: "JX：应得 2 分" });
  });

  test("an own comment through 标注差异, 清除标注 and 撤销: only JX's part comes and goes, the user's text stays", () => {
    const jx = jxNoteText(["应得 2 分"]);
    const s = etStandIn([{ ...table, notes: { F4: "领导已确认" } }]);
    const p: Plan = {
      actions: [
        { kind: "fill", sheet: "自评表", cell: "F4", color: "#F4CCCC", severity: "error" },
        { kind: "note", sheet: "自评表", cell: "F4", text: jx },
        { kind: "note", sheet: "自评表", cell: "F5", text: jx },
      ],
    };
    const applied = applyPlan(s.app, p, readSheet(s.app, null));
    expect(s.cell("自评表", "F4")?.note).toBe(`领导已确认\n${jx}`);
    expect(s.cell("自评表", "F5")?.note).toBe(jx);

    s.resetCalls();
    const cleared = clearAnnotations(s.app, "自评表", applied.annotations);
    // Two annotated cells: the range, its fill check and reset, its comment read and set / deleted.
    expect(s.calls()).toBeLessThan(30);
    expect(s.cell("自评表", "F4")).toMatchObject({ note: "领导已确认", fill: etColor("#FFFF00") });
    expect(s.cell("自评表", "F5")?.note).toBeNull();
    expect(cleared.notesChanged).toEqual([{ ref: { cell: "F4", api: "note" }, before: `领导已确认\n${jx}` }]);
    expect(cleared.notesRemoved).toEqual([{ cell: "F5", text: jx }]);

    // 撤销 of the clear: JX's part back after the own text, JX's own note back.
    undo(s.app, cleared);
    expect(s.cell("自评表", "F4")).toMatchObject({ note: `领导已确认\n${jx}`, fill: etColor("#F4CCCC") });
    expect(s.cell("自评表", "F5")?.note).toBe(jx);

    // 撤销 of the apply (on a fresh sheet): the own text as it was, JX's note gone.
    const t = etStandIn([{ ...table, notes: { F4: "领导已确认" } }]);
    const again = applyPlan(t.app, p, readSheet(t.app, null));
    undo(t.app, again.undo);
    expect(t.cell("自评表", "F4")).toMatchObject({ note: "领导已确认", fill: etColor("#FFFF00") });
    expect(t.cell("自评表", "F5")?.note).toBeNull();
  });

  test("清除标注 keeps a comment whose JX part a person edited, and an own comment deleted since is not recreated by the clear", () => {
    const jx = jxNoteText(["应得 2 分"]);
    const s = etStandIn([{ ...table, notes: { F4: `领导已确认\n${JX_NOTE_MARK}\n已核对，按 3 分` } }]);
    const record = clearAnnotations(s.app, "自评表", [
      { cell: "F4", color: "", fillBefore: { color: null }, note: { cell: "F4", api: "note" }, noteText: jx },
      { cell: "F5", color: "", fillBefore: { color: null }, note: { cell: "F5", api: "note" }, noteText: jx },
    ]);
    expect(s.cell("自评表", "F4")?.note).toBe(`领导已确认\n${JX_NOTE_MARK}\n已核对，按 3 分`);
    expect(s.cell("自评表", "F5")?.note ?? null).toBeNull();
    expect(record.notesChanged).toEqual([]);
    expect(record.notesRemoved).toEqual([]);
    expect(s.commentsChanged).toEqual([]);
    expect(s.commentsAdded).toEqual([]);
  });

  test("selecting a finding activates its sheet and selects the cell", () => {
    const s = etStandIn([table, { name: "其他", rows: [["x"]] }]);
    selectCell(s.app, "其他", "A1");
    expect(s.selected).toEqual(["其他!A1"]);
    expect(readSheet(s.app, null).grid.name).toBe("其他");
  });
});

test("colours: plan ARGB or CSS hex <-> the object model's BGR integer", () => {
  expect(etColor("FFFFC7CE")).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
  expect(etColor("#ffeb9c")).toBe(0xff + 0xeb * 256 + 0x9c * 65536);
  expect(cssColor(etColor("#12AB34"))).toBe("#12AB34");
  expect(() => etColor("red")).toThrow("无法识别的颜色");
});
