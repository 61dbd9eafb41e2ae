/** 插入标准模板 inside Excel on office-addin-mock: sync counts, free sheet names, =JX re-entry, 撤销. */
import ExcelJS from "exceljs";
import type { OfficeCapabilities } from "../../src/adapters/office-capabilities";
import { freeSheetName, insertTemplateSheets } from "../../src/adapters/office-template";
import { findTemplate } from "../../src/templates";
import { ExcelSession } from "../../taskpane/state/excelSession";
import type { SettingsStore } from "../../taskpane/state/settings";
import { templateForInsert } from "../../taskpane/state/templateFile";
import { mockWorkbook } from "./workbook-mock";

const ALL: OfficeCapabilities = { events: true, cellProperties: true, mergedAreas: true, insertWorksheets: true, comments: true, notes: true };
const store: SettingsStore = { get: () => undefined, set: async () => undefined };
const DEPT_SELF = findTemplate("dept-self")!.name;

async function sheetsOf(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, "base64") as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

test("the insert itself is one sync: sheets at the end, table sheet activated, no formula re-entry for native formulas", async () => {
  const t = await templateForInsert({ id: "dept-self", formulas: "native", example: false }, ["Sheet1"]);
  const m = mockWorkbook(["Sheet1"], [t.tableSheet, t.notesSheet]);
  const ids = await insertTemplateSheets(m.context, t, ALL);
  expect(m.syncCount()).toBe(1);
  expect(ids).toHaveLength(2);
  expect(m.inserted[0].options).toEqual({ positionType: "End" });
  expect(m.log).toEqual(["insert", `activate:${DEPT_SELF}`]);
  expect(m.names()).toEqual(["Sheet1", DEPT_SELF, "说明"]);
});

test("with JX formulas the score column is entered again in the same sync, between unprotect and protect", async () => {
  const t = await templateForInsert({ id: "dept-self", formulas: "jx", example: true }, []);
  const m = mockWorkbook([], [t.tableSheet, t.notesSheet]);
  await insertTemplateSheets(m.context, t, ALL);
  expect(m.syncCount()).toBe(1);
  const def = findTemplate("dept-self")!;
  expect(m.formulas).toHaveLength(1);
  const [write] = m.formulas;
  const cells = write.formulas as string[][];
  expect(cells).toHaveLength(def.rows.length);
  for (const [f] of cells) expect(f).toMatch(/^=IF\([A-Z]+\d+="","",JX\.SCORE\(/);
  // What is re-entered is what the file holds in that range.
  const wb = await sheetsOf(t.base64);
  const ws = wb.getWorksheet(t.tableSheet)!;
  const [from, to] = write.address.split(":");
  const col = from.replace(/\d+/, "");
  const top = Number(from.replace(/\D+/, ""));
  expect(to).toBe(`${col}${top + def.rows.length - 1}`);
  cells.forEach(([f], i) => expect(`=${ws.getCell(`${col}${top + i}`).formula}`).toBe(f));
  expect(m.log[0]).toBe("insert");
  expect(m.log[1]).toBe(`unprotect:${DEPT_SELF}`);
  expect(m.log[2]).toBe(`formulas:${DEPT_SELF}!${write.address}`);
  expect(m.log[3]).toMatch(new RegExp(`^protect:${DEPT_SELF}:.*"allowFormatColumns":true`));
  expect(m.log[4]).toBe(`activate:${DEPT_SELF}`);
});

test("without ExcelApi 1.13 nothing is queued and the message is Chinese", async () => {
  const t = await templateForInsert({ id: "project", formulas: "native", example: false }, []);
  const m = mockWorkbook([], [t.tableSheet, t.notesSheet]);
  await expect(insertTemplateSheets(m.context, t, { ...ALL, insertWorksheets: false })).rejects.toThrow("需要 ExcelApi 1.13");
  expect(m.syncCount()).toBe(0);
  const session = new ExcelSession((fn) => fn(m.context), { ...ALL, insertWorksheets: false }, store);
  await expect(session.insertTemplate((taken) => templateForInsert({ id: "project", formulas: "native", example: false }, taken))).rejects.toThrow("浏览器版页面下载模板");
  expect(m.syncCount()).toBe(0);
});

test("names already in the workbook (any case) get a number; the file is built under the free names", async () => {
  expect(freeSheetName("说明", ["说明", "说明（2）"])).toBe("说明（3）");
  expect(freeSheetName("Sheet", ["SHEET"])).toBe("Sheet（2）");
  const long = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一";
  expect(long).toHaveLength(31);
  expect(freeSheetName(long, [long])).toBe(`${long.slice(0, 28)}（2）`);

  const taken = ["说明", DEPT_SELF];
  const t = await templateForInsert({ id: "dept-self", formulas: "native", example: false }, taken);
  expect(t.tableSheet).toBe(`${DEPT_SELF}（2）`);
  expect(t.notesSheet).toBe("说明（2）");
  expect(t.renamed).toBe(true);
  const wb = await sheetsOf(t.base64);
  expect(wb.worksheets.map((w) => w.name)).toEqual([t.tableSheet, t.notesSheet]);
});

test("session: one sync reads the names, one inserts; 撤销 deletes the inserted sheets (by id, after a rename too)", async () => {
  const build = (taken: string[]) => templateForInsert({ id: "verify", formulas: "native", example: true }, taken);
  const probe = await build(["说明"]);
  const m = mockWorkbook(["说明"], [probe.tableSheet, probe.notesSheet]);
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  const message = await session.insertTemplate(build);
  expect(m.syncCount()).toBe(2);
  expect(message).toContain(`“${probe.tableSheet}”和“说明（2）”`);
  expect(message).toContain("已有同名工作表");
  expect(message).toContain("撤销");
  expect(session.canUndo).toBe("插入标准模板");

  m.rename(probe.tableSheet, "我的自评表");
  const undone = await session.undo();
  expect(m.syncCount()).toBe(4);
  expect(undone).toBe("已撤销“插入标准模板”：删除了工作表 “我的自评表”、“说明（2）”。");
  expect(m.names()).toEqual(["说明"]);
  expect(session.canUndo).toBeNull();
});

test("撤销 after the official deleted the inserted sheets says there is nothing to delete", async () => {
  const build = (taken: string[]) => templateForInsert({ id: "project", formulas: "native", example: false }, taken);
  const probe = await build([]);
  const m = mockWorkbook([], [probe.tableSheet, probe.notesSheet]);
  const session = new ExcelSession((fn) => fn(m.context), ALL, store);
  await session.insertTemplate(build);
  const before = m.log.length;
  // The official removes both sheets by hand.
  for (const name of [probe.tableSheet, probe.notesSheet]) (m.context.workbook.worksheets.getItemOrNullObject(name) as unknown as { delete: () => void }).delete();
  expect(m.log.length).toBe(before + 2);
  expect(await session.undo()).toBe("插入的工作表已不在工作簿中，无需撤销。");
});
