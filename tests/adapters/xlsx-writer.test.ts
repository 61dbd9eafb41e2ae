/**
 * src/adapters/xlsx-writer.ts (and the 校验汇总 on it, summary-xlsx.ts): a workbook made from nothing, row by
 * row. Read back by exceljs, by jx's own grid reader and by LibreOffice; the same parts whichever deflate
 * made them.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { collectingSink, XlsxWriter, type XlsxWriterOptions } from "../../src/adapters/xlsx-writer";
import { backgroundEntry } from "../../src/adapters/zip-entry";
import { readXlsxGrids } from "../../src/adapters/xlsx-grid-reader";
import { SummaryXlsx } from "../../src/adapters/summary-xlsx";
import { buildSummary } from "../../src/check/summary";
import { checkWorkbook } from "../../src/check";
import { seed000, specToGrid } from "../../examples/specs";
import { CUT_MARK, TEXT_LIMIT } from "../../src/check/notes";

jest.setTimeout(180_000);

const NOW = new Date("2026-12-02T08:00:00Z");
const LONG = "很长的说明".repeat(8000); // 40,000 characters: over Excel's 32,767 a cell

/** Texts XML and Excel treat specially, each in a cell of its own. */
const TEXTS = [
  `A&B <c> "引号" '单引号'`,
  "控制\u0001字符\u000B去掉",
  "_x0041_ 不是 A",
  "孤立\uD800代理",
  "  首尾空格  ",
  "多行\n第二行",
  "𠀀 扩展区汉字",
  LONG,
];

async function workbook(options: XlsxWriterOptions = {}): Promise<Uint8Array> {
  const out = collectingSink();
  const w = new XlsxWriter(out.sink, [
    { name: "甲", columns: [{ width: 12 }, { width: 30, numFmt: "0.00" }], frozen: { rows: 1, columns: 1 } },
    { name: "乙'表", columns: [{ width: 8 }] },
  ], { now: NOW, ...options });
  const bold = w.style({ bold: true, fill: "FFD9E1F2", alignment: { horizontal: "center", vertical: "center", wrapText: true } });
  const money = w.style({ numFmt: "+0.00;-0.00;0.00", fill: "FFFFC7CE" });
  const link = w.style({ link: true, alignment: { vertical: "top", wrapText: true } });
  w.row(0, [{ value: "名称", style: bold }, { value: "数值", style: bold }]);
  w.row(1, [{ value: "第二张表先写一行", style: 0 }]);
  TEXTS.forEach((t, i) => w.row(0, [{ value: t, style: 0 }, { value: i - 2.5, style: money }]));
  w.row(0, [{ value: "链接", style: link, link: "县/甲 文件.checked.xlsx#'第 1 表'!I26" }, { value: null, style: money }]);
  w.row(1, [{ value: 7, style: 0 }]);
  await w.finish([0]);
  return out.bytes();
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe("XlsxWriter", () => {
  test("values, styles, links, panes and the filter, as exceljs reads them back", async () => {
    const wb = await open(await workbook());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["甲", "乙'表"]);
    const ws = wb.getWorksheet("甲")!;
    expect(ws.rowCount).toBe(TEXTS.length + 2);
    expect(ws.getCell("A2").value).toBe(`A&B <c> "引号" '单引号'`);
    expect(ws.getCell("A3").value).toBe("控制字符去掉");
    expect(ws.getCell("A5").value).toBe("孤立\uFFFD代理");
    expect(ws.getCell("A6").value).toBe("  首尾空格  ");
    expect(ws.getCell("A7").value).toBe("多行\n第二行");
    expect(ws.getCell("A8").value).toBe("𠀀 扩展区汉字");
    const long = ws.getCell("A9").value as string;
    expect(long.length).toBe(TEXT_LIMIT);
    expect(long.endsWith(CUT_MARK)).toBe(true);
    expect(ws.getCell("B2").value).toBe(-2.5);
    expect(ws.getCell("B9").value).toBe(4.5);
    expect(ws.getCell("B2").numFmt).toBe("+0.00;-0.00;0.00");
    expect(ws.getCell("B2").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").alignment).toEqual({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(ws.getCell("A10").value).toEqual({ text: "链接", hyperlink: "县/甲 文件.checked.xlsx#'第 1 表'!I26" });
    expect(ws.getCell("A10").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
    expect(ws.getCell("B10").value).toBeNull();
    expect(ws.getCell("B10").numFmt).toBe("+0.00;-0.00;0.00"); // an empty cell keeps its style (its fill)
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getColumn(2).numFmt).toBe("0.00");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" });
    expect(ws.autoFilter).toBe("A1:B10");
    const other = wb.getWorksheet("乙'表")!;
    expect([other.getCell("A1").value, other.getCell("A2").value]).toEqual(["第二张表先写一行", 7]);
    expect(other.autoFilter).toBeUndefined();
    expect(wb.creator).toBe("JX");
  });

  test("an _xHHHH_ in a text is escaped, as Excel and LibreOffice read such a sequence as a character", async () => {
    const sheet = strFromU8(unzipSync(await workbook())["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("_x005F_x0041_ 不是 A");
  });

  test("jx's own grid reader reads the same texts and numbers", async () => {
    const [grid] = readXlsxGrids(await workbook());
    expect(grid.name).toBe("甲");
    const cell = (r: number, c: number) => grid.cells[r]?.[c]?.value ?? null;
    expect(cell(1, 0)).toBe(`A&B <c> "引号" '单引号'`);
    expect(cell(1, 1)).toBe(-2.5);
    expect(cell(9, 0)).toBe("链接");
  });

  test("deflated by a zlib stream or by fflate: the same parts", async () => {
    const a = unzipSync(await workbook());
    const b = unzipSync(await workbook({ entry: backgroundEntry }));
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect([name, strFromU8(b[name])]).toEqual([name, strFromU8(a[name])]);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels", "docProps/core.xml"]));
  });

  test("rows after the end, or a second end, are refused; an unfinished workbook has no bytes", async () => {
    const out = collectingSink();
    const w = new XlsxWriter(out.sink, [{ name: "甲", columns: [{ width: 8 }] }]);
    w.row(0, [{ value: 1, style: 0 }]);
    expect(() => out.bytes()).toThrow();
    await w.finish();
    expect(() => w.row(0, [{ value: 2, style: 0 }])).toThrow();
    expect(() => w.finish()).toThrow();
    expect((await open(out.bytes())).getWorksheet("甲")!.getCell("A1").value).toBe(1);
  });
});

describe("within Excel's limits (made small here)", () => {
  test("a sheet's rows past its last are left out with a closing row saying how many; links past the maximum left off; both told", async () => {
    const check = checkWorkbook([specToGrid(seed000.sheets[0])]);
    const files = ["甲", "乙", "丙"].map((n) => ({ file: `${n}.xlsx`, link: `${n}.checked.xlsx`, tables: check.tables, findings: check.findings, unit: null, tableKind: null }));
    const summary = buildSummary(files);
    const out = collectingSink();
    const xlsx = new SummaryXlsx(out.sink, { limits: { rows: 10, links: 2 } });
    xlsx.addSummary(summary);
    await xlsx.finish();
    const total = summary.findings.rows.length;
    expect(total).toBeGreaterThan(9);
    const wb = await open(out.bytes());
    const details = wb.getWorksheet("问题明细")!;
    expect(details.rowCount).toBe(10);
    expect(details.getCell("I10").value).toBe(`另有 ${total - 8} 行未列出：超过 Excel 一张工作表的行数上限（10 行）；全部内容见 jx check --json 的输出，或把文件夹分成几批检查`);
    expect(details.getCell("A9").value).toBe(8);
    expect((details.getCell("J2").value as ExcelJS.CellHyperlinkValue).hyperlink).toMatch(/^甲\.checked\.xlsx#/);
    expect(details.getCell("J4").value).toBe("打开"); // past the 2 links: the text, unlinked
    const files0 = wb.getWorksheet("汇总")!;
    expect(files0.rowCount).toBe(4);
    expect((files0.getCell("B3").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("乙.checked.xlsx");
    expect(files0.getCell("B4").value).toBe("丙.xlsx");
    expect(xlsx.notices()).toEqual([
      "校验汇总“汇总”工作表中有 1 个单元格未加链接：超过 Excel 一张工作表的超链接上限（2 个）；可把文件夹分成几批检查",
      `校验汇总“问题明细”工作表另有 ${total - 8} 行未列出：超过 Excel 一张工作表的行数上限（10 行）；全部内容见 jx check --json 的输出，或把文件夹分成几批检查`,
      "校验汇总“问题明细”工作表中有 6 个单元格未加链接：超过 Excel 一张工作表的超链接上限（2 个）；可把文件夹分成几批检查",
    ]);
  });

  test("the writer itself refuses a row past a sheet's last", () => {
    const w = new XlsxWriter(collectingSink().sink, [{ name: "甲", columns: [{ width: 8 }] }], { limits: { rows: 2, links: 1 } });
    w.row(0, [{ value: 1, style: 0 }]);
    w.row(0, [{ value: 2, style: 0 }]);
    expect(() => w.row(0, [{ value: 3, style: 0 }])).toThrow("已有 2 行，达到 Excel 的上限");
  });
});

describe("LibreOffice", () => {
  test("opens the 校验汇总 and reads the same values in both sheets", async () => {
    const check = checkWorkbook([specToGrid(seed000.sheets[0])]);
    const summary = buildSummary([
      { file: "县/甲.xlsx", link: "县/甲.checked.xlsx", tables: check.tables, findings: check.findings, unit: "某县某局", tableKind: "部门整体支出绩效自评表" },
      { file: "坏_x0041_.xlsx", link: "坏_x0041_.xlsx", tables: [], findings: [], error: "无法检查文件“坏_x0041_.xlsx”：不是工作簿" },
    ]);
    const out = collectingSink();
    const xlsx = new SummaryXlsx(out.sink, { entry: backgroundEntry });
    xlsx.addSummary(summary);
    expect(xlsx.rows).toEqual({ files: 2, findings: check.findings.length });
    await xlsx.finish();
    const dir = mkdtempSync(join(tmpdir(), "jx-writer-lo-"));
    writeFileSync(join(dir, "汇总.xlsx"), out.bytes());
    execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", join(dir, "lo"), join(dir, "汇总.xlsx")], { timeout: 120_000, stdio: "pipe" });
    const [ours, lo] = [await open(out.bytes()), await open(new Uint8Array(readFileSync(join(dir, "lo", "汇总.xlsx"))))];
    // exceljs does not decode _xHHHH_ (LibreOffice does): what LibreOffice read is compared as typed.
    const typed = (t: string) => t.replace(/_x005F_/g, "_");
    const text = (v: ExcelJS.CellValue): unknown => {
      if (v && typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
      if (v && typeof v === "object" && "hyperlink" in v) return typed(v.text);
      return typeof v === "string" ? typed(v) : (v ?? null);
    };
    let compared = 0;
    for (const ws of ours.worksheets) {
      const back = lo.getWorksheet(ws.name)!;
      expect(back.rowCount).toBe(ws.rowCount);
      for (let r = 1; r <= ws.rowCount; r++)
        for (let c = 1; c <= ws.columnCount; c++) {
          const ref = `${ws.name}!${ws.getCell(r, c).address}`;
          expect([ref, text(back.getCell(r, c).value)]).toEqual([ref, text(ws.getCell(r, c).value)]);
          if (ref === "汇总!B3") expect((back.getCell(r, c).value as ExcelJS.CellHyperlinkValue).text).toBe("坏_x0041_.xlsx");
          compared++;
        }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
