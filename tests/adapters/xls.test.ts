/**
 * .xls/.et reading (src/adapters/xls.ts): the committed examples saved as .xls by LibreOffice give the same
 * grids and the same findings as the .xlsx they came from; fills, notes, formulas, dates and hidden sheets
 * survive into the Grid and into the .xlsx the checked copy is made from; encrypted files and files over a
 * reading limit are refused with their own Chinese messages.
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ENCRYPTED_REASON, LegacyReadError, hasStream, isLegacyWorkbookName, legacyToXlsx, readLegacyWorkbook } from "../../src/adapters/xls";
import { DEFAULT_READ_LIMITS, ReadLimitError } from "../../src/adapters/limits";
import { loadWorkbook, readGrids, workbookToGrids, WorkbookReadError } from "../../src/adapters/xlsx";
import { checkWorkbook } from "../../src/check";
import type { Grid } from "../../src/sheet/types";
import { saveAsXls } from "./libreoffice-xls";

const EXAMPLES = join(__dirname, "..", "..", "examples");
const NAMES = ["000-部门整体绩效自评表", "001-指标体系评分表", "项目支出绩效自评表-国家格式"];

let dir: string;
let xls: Record<string, Buffer>;

/** A small workbook with what the reader must carry: a fill, a note, a formula, a date, a merge, a hidden sheet. */
async function probeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表一");
  ws.getCell("A1").value = "指标";
  ws.getCell("B1").value = 0.955;
  ws.getCell("B1").numFmt = "0.0%";
  ws.getCell("C1").value = { formula: "B1*2", result: 1.91 } as ExcelJS.CellFormulaValue;
  ws.getCell("D1").value = new Date(Date.UTC(2021, 5, 30));
  ws.getCell("D1").numFmt = "yyyy-mm-dd";
  ws.getCell("E1").value = true;
  ws.getCell("A2").value = "红";
  ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
  ws.getCell("B2").value = { formula: "SUM(B1:C1)", result: 2.865 } as ExcelJS.CellFormulaValue;
  ws.getCell("F3").value = 3;
  ws.getCell("F3").note = "领导已确认";
  ws.mergeCells("A4:C5");
  ws.getCell("A4").value = "合并";
  ws.getColumn(1).width = 30;
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "hidden";
  hidden.getCell("A1").value = 1;
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "jx-xls-test-"));
  await probeWorkbook(join(dir, "probe.xlsx"));
  xls = saveAsXls([...NAMES.map((n) => join(EXAMPLES, `${n}.xlsx`)), join(dir, "probe.xlsx")]);
  for (const [name, bytes] of Object.entries(xls)) writeFileSync(join(dir, `${name}.xls`), bytes);
}, 200000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** LibreOffice escapes literal characters in number formats it writes (yyyy\-mm\-dd). */
const unescapeFormat = (f: string | null | undefined) => (f ? f.replace(/\\(.)/g, "$1") : f ?? null);

function sameCells(a: Grid, b: Grid): void {
  expect([b.name, b.rowCount, b.colCount]).toEqual([a.name, a.rowCount, a.colCount]);
  const sort = (m: Grid["merges"]) => [...m].sort((x, y) => x.top - y.top || x.left - y.left);
  expect(sort(b.merges)).toEqual(sort(a.merges));
  for (let r = 0; r < a.rowCount; r++) {
    for (let c = 0; c < a.colCount; c++) {
      const x = a.cells[r]?.[c];
      const y = b.cells[r]?.[c];
      expect([r, c, y?.value ?? null, y?.formula ?? null, unescapeFormat(y?.numFmt)]).toEqual([r, c, x?.value ?? null, x?.formula ?? null, unescapeFormat(x?.numFmt)]);
    }
  }
}

describe.each(NAMES)("example %s saved as .xls by LibreOffice", (name) => {
  test("reads into the same grid as the .xlsx", async () => {
    const fromXlsx = await readGrids(join(EXAMPLES, `${name}.xlsx`));
    const fromXls = readLegacyWorkbook(xls[name]).grids;
    expect(fromXls).toHaveLength(fromXlsx.length);
    fromXlsx.forEach((g, i) => sameCells(g, fromXls[i]));
  });

  test("gives the same tables and findings as the .xlsx, read directly and through loadWorkbook (jx check, browser page)", async () => {
    const expected = checkWorkbook(await readGrids(join(EXAMPLES, `${name}.xlsx`)));
    expect(expected.tables.length).toBeGreaterThan(0);
    expect(checkWorkbook(readLegacyWorkbook(xls[name]).grids)).toEqual(expected);
    const viaLoad = workbookToGrids(await loadWorkbook(join(dir, `${name}.xls`)));
    expect(checkWorkbook(viaLoad)).toEqual(expected);
  });
});

test("seeds/000 as .xls: the three wrong scores, the missing block score and the wrong total are found", () => {
  const result = checkWorkbook(readLegacyWorkbook(xls["000-部门整体绩效自评表"]).grids);
  const kinds = result.findings.map((f) => f.kind).sort();
  expect(kinds).toEqual(expect.arrayContaining(["score-diverges", "score-exceeds-weight", "score-missing", "total-diverges"]));
});

describe("what the reader carries", () => {
  test("values, dates, formulas, number formats, merges, fills, notes and hidden sheets", () => {
    const wb = readLegacyWorkbook(xls.probe);
    expect(wb.sheets.map((s) => [s.grid.name, s.hidden])).toEqual([
      ["表一", false],
      ["隐藏", true],
    ]);
    const g = wb.grids[0];
    expect(g.cells[0][0]).toEqual({ value: "指标", numFmt: null, formula: null });
    expect(g.cells[0][1]).toEqual({ value: 0.955, numFmt: "0.0%", formula: null });
    expect(g.cells[0][2]).toEqual({ value: 1.91, numFmt: null, formula: "B1*2" });
    expect(g.cells[0][3]?.value).toEqual(new Date(Date.UTC(2021, 5, 30)));
    // LibreOffice writes TRUE as the formula TRUE(): it reads back as the constant.
    expect(g.cells[0][4]).toEqual({ value: true, numFmt: null, formula: null });
    expect(g.cells[1][1]?.formula).toBe("SUM(B1:C1)");
    expect(g.merges).toEqual([{ top: 3, left: 0, bottom: 4, right: 2 }]);
    expect([...wb.sheets[0].fills]).toEqual([["A2", "FFFFC7CE"]]);
  });

  test("the .xlsx the checked copy starts from keeps formulas, fills, notes, merges, widths and the hidden sheet", async () => {
    const bytes = await legacyToXlsx(xls.probe);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("表一")!;
    expect(ws.getCell("C1").value).toEqual({ formula: "B1*2", result: 1.91 });
    expect(ws.getCell("A2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("F3").note).toBe("领导已确认");
    expect(ws.getCell("B1").numFmt).toBe("0.0%");
    expect(ws.getCell("B3").isMerged).toBe(false);
    expect(ws.getCell("B4").isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
    expect(wb.getWorksheet("隐藏")!.state).toBe("hidden");
    // And read as an .xlsx, it is the grid the .xls gave.
    sameCells(readLegacyWorkbook(xls.probe).grids[0], workbookToGrids(wb)[0]);
  });
});

describe("files it refuses, each with its own message", () => {
  /** A real .xls with a FILEPASS record (BIFF encryption) after the workbook's BOF record. */
  function encryptedXls(): Buffer {
    const cfb = XLSX.CFB.read(xls.probe, { type: "buffer" });
    const entry = XLSX.CFB.find(cfb, "Workbook")!;
    const stream = Buffer.from(entry.content as Uint8Array);
    const bof = 4 + stream.readUInt16LE(2);
    entry.content = Buffer.concat([stream.subarray(0, bof), Buffer.from([0x2f, 0x00, 0x06, 0x00, 0, 0, 0, 0, 0, 0]), stream.subarray(bof)]);
    entry.size = entry.content.length;
    return XLSX.CFB.write(cfb, { type: "buffer", fileType: "cfb" }) as Buffer;
  }

  /** A password-protected .xlsx: an OLE document holding EncryptionInfo and EncryptedPackage streams. */
  function encryptedXlsx(): Buffer {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", Buffer.alloc(4096));
    return XLSX.CFB.write(cfb, { type: "buffer", fileType: "cfb" }) as Buffer;
  }

  test("an encrypted .xls says it is password-protected", async () => {
    expect(() => readLegacyWorkbook(encryptedXls())).toThrow(ENCRYPTED_REASON);
    const file = join(dir, "加密.xls");
    writeFileSync(file, encryptedXls());
    await expect(loadWorkbook(file)).rejects.toThrow(new WorkbookReadError(file, ENCRYPTED_REASON).message);
  });

  test("an encrypted .xlsx (an OLE document) says so too, before SheetJS parses anything", async () => {
    const bytes = encryptedXlsx();
    expect(hasStream(bytes, "EncryptionInfo")).toBe(true);
    expect(hasStream(xls.probe, "EncryptionInfo")).toBe(false);
    expect(hasStream(xls.probe, "Workbook")).toBe(true);
    const file = join(dir, "加密.xlsx");
    writeFileSync(file, bytes);
    await expect(loadWorkbook(file)).rejects.toThrow("受密码保护");
  });

  test("bytes that are no workbook: a clear message, the library's words kept apart", () => {
    let error: unknown;
    try {
      readLegacyWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LegacyReadError);
    expect((error as Error).message).toContain("不是有效的 .xls/.et 工作簿");
    expect((error as LegacyReadError).detail).toBeTruthy();
  });

  test("reading limits apply: rows, cells, merged cells, size", () => {
    const tight = (over: Partial<typeof DEFAULT_READ_LIMITS>) => ({ ...DEFAULT_READ_LIMITS, ...over });
    const seed = xls["000-部门整体绩效自评表"];
    const limitOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ReadLimitError ? e.limit : `other: ${(e as Error).message}`;
      }
      return "none";
    };
    expect(limitOf(() => readLegacyWorkbook(seed, tight({ maxRows: 20 })))).toBe("rows");
    expect(limitOf(() => readLegacyWorkbook(seed, tight({ maxCells: 50 })))).toBe("cells");
    expect(limitOf(() => readLegacyWorkbook(seed, tight({ maxMergedCells: 10 })))).toBe("merges");
    expect(limitOf(() => readLegacyWorkbook(seed, tight({ maxUncompressedBytes: 1000 })))).toBe("size");
    expect(limitOf(() => readLegacyWorkbook(seed))).toBe("none");
  });
});

test("an .xlsx renamed to .xls is read as the .xlsx it is; .et and .xls names go to the legacy reader", async () => {
  const file = join(dir, "其实是xlsx.xls");
  const { readFileSync } = await import("fs");
  writeFileSync(file, readFileSync(join(EXAMPLES, `${NAMES[0]}.xlsx`)));
  expect(checkWorkbook(workbookToGrids(await loadWorkbook(file)))).toEqual(checkWorkbook(await readGrids(join(EXAMPLES, `${NAMES[0]}.xlsx`))));
  // A WPS .et is an OLE document read the same way: here the .xls bytes under an .et name.
  const et = join(dir, "自评表.et");
  writeFileSync(et, xls[NAMES[0]]);
  expect(checkWorkbook(workbookToGrids(await loadWorkbook(et)))).toEqual(checkWorkbook(await readGrids(join(EXAMPLES, `${NAMES[0]}.xlsx`))));
  expect(["a.xls", "b.ET", "c.ett", "d.xlt"].every(isLegacyWorkbookName)).toBe(true);
  expect(isLegacyWorkbookName("e.xlsx")).toBe(false);
});
