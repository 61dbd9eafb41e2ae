import { loadWorkbook, WorkbookReadError } from "../../src/adapters/xlsx";
import { DEFAULT_READ_LIMITS, NotZipError, ReadLimitError, scanXlsx } from "../../src/adapters/limits";
import { longCells, mergeBomb, millionRows, smallPackage, zipBomb } from "../fixtures/hostile";

jest.setTimeout(120_000);

async function refusal(data: Uint8Array, limits = DEFAULT_READ_LIMITS): Promise<WorkbookReadError> {
  const e = await loadWorkbook(Buffer.from(data), "恶意.xlsx", limits).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkbookReadError);
  return e as WorkbookReadError;
}

const SHEET = (body: string, after = "") =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${after}</worksheet>`;

describe("reading limits", () => {
  test("a zip bomb (1 GB of sheet XML in 1 MB) stops at the size limit, with the limit named in Chinese", async () => {
    const bomb = zipBomb(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const e = await refusal(bomb);
    expect(e.limit).toBe("size");
    expect(e.message).toBe("无法读取文件“恶意.xlsx”：解压后的内容超过读取上限 200 MB（可能是“压缩炸弹”），已停止读取");
  });

  test("a merge bomb (one merged area over the whole grid) is refused before exceljs expands it", async () => {
    const e = await refusal(mergeBomb());
    expect(e.limit).toBe("merges");
    expect(e.message).toContain("合并单元格覆盖的单元格数超过读取上限 200,000 个");
  });

  test("a million rows are refused at the row limit", async () => {
    const e = await refusal(millionRows(1_000_000));
    expect(e.limit).toBe("rows");
    expect(e.message).toContain("行数超过读取上限 200,000 行");
  });

  test("cells are counted across chunk boundaries (a tag cut between two inflated chunks counts once)", () => {
    const stats = scanXlsx(millionRows(30_000));
    expect(stats.cells).toBe(60_000);
    expect(stats.maxRow).toBe(30_000);
    const e = (() => {
      try {
        scanXlsx(millionRows(30_000), { ...DEFAULT_READ_LIMITS, maxCells: 59_999 });
      } catch (err) {
        return err as ReadLimitError;
      }
    })();
    expect(e).toBeInstanceOf(ReadLimitError);
    expect(e!.limit).toBe("cells");
    expect(e!.message).toBe("单元格数超过读取上限 59,999 个，已停止读取");
  });

  test("merged areas add up over a sheet; a prefixed namespace is counted too", () => {
    const merges = `<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="C1:C10"/></mergeCells>`;
    expect(scanXlsx(smallPackage(SHEET(`<row r="1"><c r="A1"/></row>`, merges))).mergedCells).toBe(14);
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="7"><x:c r="A7"/><x:c r="B7"/></x:row></x:sheetData></x:worksheet>`;
    const stats = scanXlsx(smallPackage(prefixed));
    expect(stats.cells).toBe(2);
    expect(stats.maxRow).toBe(7);
    expect(() => scanXlsx(smallPackage(SHEET("", merges)), { ...DEFAULT_READ_LIMITS, maxMergedCells: 13 })).toThrow("合并单元格覆盖的单元格数超过读取上限 13 个");
  });

  test("the time limit is checked while inflating", async () => {
    const e = await refusal(zipBomb(150), { ...DEFAULT_READ_LIMITS, maxSeconds: 0 });
    expect(e.limit).toBe("time");
    expect(e.message).toContain("读取用时超过上限 0 秒");
  });

  test("100,000-character cells are within the limits and read whole", async () => {
    const wb = await loadWorkbook(Buffer.from(longCells(100_000)), "长文本.xlsx");
    expect(String(wb.worksheets[0].getCell("G2").value).length).toBe(100_000);
  });

  test("bytes that are not a zip are not a limit: the usual Chinese message", async () => {
    expect(() => scanXlsx(new TextEncoder().encode("not a workbook"))).toThrow(NotZipError);
    const e = await refusal(new TextEncoder().encode("not a workbook"));
    expect(e.limit).toBeUndefined();
    expect(e.message).toContain("不是有效的 .xlsx 工作簿");
  });

  test("a real workbook passes with its figures", () => {
    const { readFileSync } = require("fs");
    const stats = scanXlsx(readFileSync(require("path").join(__dirname, "../../examples/000-部门整体绩效自评表.xlsx")));
    expect(stats.cells).toBeGreaterThan(100);
    expect(stats.mergedCells).toBeGreaterThan(0);
    expect(stats.uncompressedBytes).toBeGreaterThan(stats.cells);
  });
});
