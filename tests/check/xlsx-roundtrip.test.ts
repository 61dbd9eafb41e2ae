import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPlan, checkWorkbook } from "../../src/check";
import { loadWorkbook, readGrids, workbookToGrids, writeCheckedCopy, WorkbookReadError } from "../../src/adapters/xlsx";

const EXAMPLE = join(__dirname, "..", "..", "examples", "000-部门整体绩效自评表.xlsx");
const SHEET = "部门整体绩效自评表";

/** The example plus what real files carry: formulas, a shared style, another sheet. */
async function richInput(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.getWorksheet(SHEET)!;
  ws.getCell("K7").value = { formula: "C7-D7", result: 31.43 };
  ws.getCell("K7").numFmt = "0.00";
  const other = wb.addWorksheet("附表");
  other.getCell("A1").value = 1;
  other.getCell("A2").value = 2;
  other.getCell("A3").value = { formula: "SUM(A1:A2)", result: 3 };
  other.getCell("B1").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
  other.mergeCells("C1:D2");
  other.getCell("C1").value = "合并";
  other.getCell("C1").font = { italic: true, color: { argb: "FF00FF00" } };
  const file = join(dir, "输入.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

function snapshot(cell: ExcelJS.Cell) {
  return JSON.stringify({ value: cell.value, formula: cell.formula ?? null, numFmt: cell.numFmt ?? null, style: cell.style ?? null, note: cell.note ?? null });
}

describe("xlsx adapter", () => {
  test("reads values, formula results, rich text, number formats and merges into a Grid", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-xlsx-"));
    const grids = await readGrids(await richInput(dir));
    expect(grids.map((g) => g.name)).toEqual([SHEET, "附表"]);
    const [main, other] = grids;
    expect(main.cells[25][4]).toMatchObject({ value: 0.954, numFmt: "0.0%" });
    expect(main.cells[6][10]).toMatchObject({ value: 31.43, formula: "C7-D7" });
    expect(other.cells[2][0]).toMatchObject({ value: 3, formula: "SUM(A1:A2)" });
    expect(other.cells[0][1]?.value).toBe("富文本");
    expect(other.merges).toContainEqual({ top: 0, left: 2, bottom: 1, right: 3 });
    expect(main.merges).toContainEqual({ top: 40, left: 8, bottom: 42, right: 8 });
  });

  test("the checked copy changes only the planned cells; the input file is untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-xlsx-"));
    const input = await richInput(dir);
    const before = createHash("sha256").update(readFileSync(input)).digest("hex");
    const wb = await loadWorkbook(input);
    const result = checkWorkbook(workbookToGrids(wb));
    const plan = buildPlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas: "values" });
    const out = join(dir, "输入.checked.xlsx");
    await writeCheckedCopy(wb, plan, result.findings, out, input);
    expect(createHash("sha256").update(readFileSync(input)).digest("hex")).toBe(before);

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(input);
    const checked = new ExcelJS.Workbook();
    await checked.xlsx.readFile(out);
    expect(checked.worksheets.map((w) => w.name)).toEqual([SHEET, "附表", "校验结果"]);

    const touched = new Set(plan.actions.map((a) => `${a.sheet}!${a.cell}`));
    let compared = 0;
    for (const ws of original.worksheets) {
      const copy = checked.getWorksheet(ws.name)!;
      expect((copy as unknown as { _merges: object })._merges).toEqual((ws as unknown as { _merges: object })._merges);
      for (let r = 1; r <= Math.max(ws.rowCount, copy.rowCount); r++) {
        for (let c = 1; c <= Math.max(ws.columnCount, copy.columnCount); c++) {
          const a = ws.getCell(r, c);
          // A merged cell shows its master's value: it is touched when its master is.
          if (touched.has(`${ws.name}!${a.address}`) || touched.has(`${ws.name}!${a.master.address}`)) continue;
          expect(`${ws.name}!${a.address} ${snapshot(copy.getCell(r, c))}`).toBe(`${ws.name}!${a.address} ${snapshot(a)}`);
          compared++;
        }
      }
      for (let c = 1; c <= ws.columnCount; c++) expect(copy.getColumn(c).width).toBe(ws.getColumn(c).width);
    }
    expect(compared).toBeGreaterThan(400);

    const main = checked.getWorksheet(SHEET)!;
    expect(main.getCell("I47").value).toBe(10);
    expect(main.getCell("I50").value).toBe(9.5);
    expect(main.getCell("I50").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFC7CE" } });
    // JX's note: rich text (the 【JX校验】 mark in bold, then the messages).
    const note = main.getCell("I50").note as ExcelJS.Comment;
    expect(note.texts!.map((t) => t.text).join("")).toMatch(/^【JX校验】\n.*按评分规则计算应得5分/);
    // A fill on one cell does not leak to a cell that shared its style.
    expect(main.getCell("I49").fill).toEqual(original.getWorksheet(SHEET)!.getCell("I49").fill);

    const findingsSheet = checked.getWorksheet("校验结果")!;
    // The findings, a blank row, then one 识别情况 row per table saying what was read.
    expect(findingsSheet.rowCount).toBe(result.findings.length + 2 + result.tables.length);
    const readRow = findingsSheet.getRow(result.findings.length + 3);
    expect(readRow.getCell(4).value).toBe("识别情况");
    expect(String(readRow.getCell(8).value)).toMatch(/^自动识别：表头第\d+行；列：一级指标=A（一级指标）.*读取\d+行指标/);
    expect(findingsSheet.getCell("C2").formula).toBe(`HYPERLINK("#'${SHEET}'!I26","I26")`);
    expect(findingsSheet.getCell("C2").result).toBe("I26");
  });

  test("refuses to write over its input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-xlsx-"));
    const input = await richInput(dir);
    const wb = await loadWorkbook(input);
    await expect(writeCheckedCopy(wb, { actions: [] }, [], input, input)).rejects.toThrow("输出文件与输入文件相同");
  });

  test("a file that is not a workbook gives a Chinese error naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-xlsx-"));
    const bad = join(dir, "损坏.xlsx");
    writeFileSync(bad, "这不是工作簿");
    await expect(loadWorkbook(bad)).rejects.toThrow(WorkbookReadError);
    await expect(loadWorkbook(bad)).rejects.toThrow(`无法读取文件“${bad}”`);
    await expect(loadWorkbook(join(dir, "没有.xlsx"))).rejects.toThrow("文件不存在");
    // Chinese only: the zip library's English stays in `detail`.
    const e = (await loadWorkbook(bad).catch((x) => x)) as WorkbookReadError;
    expect(e.message).toBe(`无法读取文件“${bad}”：不是有效的 .xlsx 工作簿（可能是 .xls 旧格式、已损坏或受密码保护）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`);
    expect(e.detail).toMatch(/[a-z]{3,}/i);
    expect(e.message).not.toContain(e.detail!);
  });

  test("an .xls or password-protected workbook (OLE compound file) is named as such", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-xlsx-"));
    const xls = join(dir, "旧格式.xls");
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    // .xls is read now (tests/adapters/xls.test.ts); an OLE file that is no readable workbook is refused in Chinese, naming it.
    const e = (await loadWorkbook(xls).catch((x) => x)) as WorkbookReadError;
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect(e.message).toMatch(new RegExp(`^无法读取文件“${xls.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”：(工作簿受密码保护|不是有效的 \.xls/\.et 工作簿)`));
  });
});

test("the file-free core gives the checked copy as bytes (for the browser page), patched from the input bytes", async () => {
  const { checkedCopyBuffer, workbookToGrids: toGrids } = await import("../../src/adapters/xlsx-core");
  const input = readFileSync(EXAMPLE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  const result = checkWorkbook(toGrids(wb));
  // Loaded by exceljs directly, the workbook does not know its bytes: the copy is made from them.
  expect(() => checkedCopyBuffer(wb, buildPlan(result), result.findings)).toThrow("无法据原文件生成校验副本");
  const bytes = checkedCopyBuffer(new Uint8Array(input), buildPlan(result), result.findings);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  expect(back.worksheets.map((w) => w.name)).toEqual([SHEET, "校验结果"]);
  expect(back.getWorksheet(SHEET)!.getCell("I47").value).toBe(10);
});
