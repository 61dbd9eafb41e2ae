/**
 * The one-pass reader (xlsx-grid-reader.ts) against exceljs + workbookToGrids: the same Grid[] for every
 * workbook in the repository, every template (with and without --example, both formula modes), the rich
 * package, LibreOffice re-saves of the examples, the hostile files within limits and targeted cases
 * (rich text, dates incl. 1904, shared formulas, inline strings, hyperlinks, merges, hidden sheets); and the
 * same read limits as scanXlsx on the hostile ones.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { workbookToGrids } from "../../src/adapters/xlsx-core";
import { readXlsxGrids, FastReadUnsupported } from "../../src/adapters/xlsx-grid-reader";
import { ReadLimitError, scanXlsx, DEFAULT_READ_LIMITS } from "../../src/adapters/limits";
import { buildTemplate, TEMPLATES } from "../../src/templates";
import { richPackage } from "./fixtures/rich-package";
import { longCells, mergeBomb, millionRows, smallPackage, zipBomb } from "../fixtures/hostile";
import { EXAMPLES } from "../../examples/specs";
import { specToWorkbook } from "../../examples/specs/to-workbook";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");

async function viaExceljs(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbookToGrids(wb);
}

async function same(bytes: Uint8Array, label: string): Promise<"fast" | "fallback"> {
  const expected = await viaExceljs(bytes);
  let got;
  try {
    got = readXlsxGrids(bytes);
  } catch (e) {
    if (e instanceof FastReadUnsupported) return "fallback";
    throw new Error(`${label}: ${(e as Error).message}`);
  }
  try {
    expect(got).toStrictEqual(expected);
  } catch (e) {
    throw new Error(`${label}: ${(e as Error).message}`);
  }
  return "fast";
}

function xlsxUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? xlsxUnder(join(dir, e.name)) : /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$") ? [join(dir, e.name)] : [],
  );
}

describe("xlsx-grid-reader gives exceljs's grids", () => {
  test("every .xlsx in the repository (examples/, test output, the demo folder)", async () => {
    const files = [...xlsxUnder(join(ROOT, "examples")), ...xlsxUnder(join(ROOT, "test-output")), ...xlsxUnder(join(ROOT, "演示校验副本"))];
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(await same(new Uint8Array(readFileSync(f)), f)).toBe("fast");
  });

  test("every template, with and without --example, both formula modes", async () => {
    for (const t of TEMPLATES) {
      for (const example of [false, true]) {
        for (const formulas of ["native", "jx"] as const) {
          const bytes = await buildTemplate(t.id, { formulas, example });
          expect(await same(new Uint8Array(bytes), `${t.id} ${formulas} ${example}`)).toBe("fast");
        }
      }
    }
  });

  test("the example specs as built, and the rich package (notes, charts, images)", async () => {
    for (const spec of EXAMPLES) {
      const bytes = new Uint8Array(await specToWorkbook(spec).xlsx.writeBuffer());
      expect(await same(bytes, spec.file)).toBe("fast");
    }
    // Own notes make exceljs look comments up: read fast when the parts are there.
    for (const ownNotes of [true, false]) expect(await same(richPackage({ ownNotes }), `rich ${ownNotes}`)).toBe("fast");
  });

  test("LibreOffice re-saves of the examples", async () => {
    let soffice = true;
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore" });
    } catch {
      soffice = false;
    }
    if (!soffice) return console.warn("soffice not installed: LibreOffice re-saves not compared");
    const out = mkdtempSync(join(tmpdir(), "jx-lo-"));
    const inputs = xlsxUnder(join(ROOT, "examples"));
    execFileSync("soffice", ["--headless", "--convert-to", "xlsx", "--outdir", out, ...inputs], { stdio: "ignore", timeout: 150_000 });
    const made = xlsxUnder(out);
    expect(made.length).toBe(inputs.length);
    for (const f of made) expect(await same(new Uint8Array(readFileSync(f)), `LibreOffice ${f}`)).toBe("fast");
  });

  test("hostile files within the limits", async () => {
    expect(await same(longCells(), "long cells")).toBe("fast");
    expect(await same(millionRows(2000), "2,000 rows")).toBe("fast");
  });
});

describe("read limits as scanXlsx", () => {
  const limitOf = (f: () => unknown) => {
    try {
      f();
      return "none";
    } catch (e) {
      return e instanceof ReadLimitError ? `${e.limit}: ${e.message}` : `other: ${(e as Error).message}`;
    }
  };
  test.each([
    ["zip bomb", () => zipBomb(40)],
    ["merge bomb", mergeBomb],
    ["300,000 rows", () => millionRows(300_000)],
  ])("%s", (_label, make) => {
    const bytes = make();
    // The size limit lowered to 30 MB so the zip bomb stays quick; the others meet their own limit first.
    const limits = { ...DEFAULT_READ_LIMITS, maxUncompressedBytes: 30 * 1024 * 1024 };
    const expected = limitOf(() => scanXlsx(bytes, limits));
    expect(expected).not.toBe("none");
    expect(limitOf(() => readXlsxGrids(bytes, limits))).toBe(expected);
  });
  test("smaller limits: cells, rows, entries and size refused the same", () => {
    const bytes = millionRows(3000);
    for (const limits of [
      { ...DEFAULT_READ_LIMITS, maxCells: 5000 },
      { ...DEFAULT_READ_LIMITS, maxRows: 2999 },
      { ...DEFAULT_READ_LIMITS, maxEntries: 3 },
      { ...DEFAULT_READ_LIMITS, maxUncompressedBytes: 50_000 },
    ]) {
      const expected = limitOf(() => scanXlsx(bytes, limits));
      expect(expected).not.toBe("none");
      expect(limitOf(() => readXlsxGrids(bytes, limits))).toBe(expected);
    }
  });
});

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="22"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;
const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>一级指标</t></si><si><r><rPr><b/><sz val="11"/></rPr><t>产出</t></r><r><t xml:space="preserve"> 指标 </t></r></si><si><t>a_x000D_b &amp; &lt;c&gt;</t><rPh sb="0" eb="1"><t>ピン</t></rPh></si><si/><si><t></t></si></sst>`;
const WB1904 = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>`;

describe("targeted cases", () => {
  const sheet = (rows: string, tail = "") => `${HEAD}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
  const CELLS = sheet(
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &amp; _x0041_</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本_x0041_</t></r></is></c><c r="C2" t="str"><v>a&amp;amp;b</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>` +
      `<row r="3"><c r="A3" s="1"><v>45000</v></c><c r="B3" s="2"><v>45000.75</v></c><c r="C3" s="3"><v>0.923</v></c><c r="D3" s="4"><v>0.5</v></c><c r="E3" s="5"><v>45000.5</v></c><c r="F3" s="0"><v>7</v></c><c r="G3" s="9"><v>8</v></c></row>` +
      `<row r="4"><c r="A4"><f>SUM(A3:B3)</f><v>0</v></c><c r="B4"><f t="shared" ref="B4:D4" si="0">A4+1</f><v>1</v></c><c r="C4"><f t="shared" si="0"/><v>2</v></c><c r="D4" s="1"><f t="shared" si="0"/><v>45000</v></c><c r="E4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="F4"><f>1/0</f></c><c r="G4" t="e"><f>NA()</f><v>#N/A</v></c></row>` +
      `<row r="5"><c r="A5" s="3"/><c r="B5"/></row><row r="6"><c r="A6"><v>1</v></c><c r="B6"><v>2</v></c><c r="C6"><v>3</v></c></row><row r="8"><c r="A8" s="2"/></row>` +
      `<row r="9"><c r="A9" t="s"><v>0</v></c><c r="B9"><f>HYPERLINK("x","y")</f><v>5</v></c><c r="C9" s="1"/></row>`,
    `<mergeCells count="2"><mergeCell ref="A6:B7"/><mergeCell ref="D10:E12"/></mergeCells><hyperlinks><hyperlink ref="A9" r:id="rId1"/><hyperlink ref="B9" r:id="rId2"/><hyperlink ref="C9" r:id="rId3"/><hyperlink ref="C6" location="'自评表'!A1"/></hyperlinks>`,
  );
  const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a" TargetMode="External"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/b" TargetMode="External"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/c" TargetMode="External"/></Relationships>`;
  const parts = { "xl/styles.xml": STYLES, "xl/sharedStrings.xml": SST, "xl/worksheets/_rels/sheet1.xml.rels": RELS };

  test("strings, rich text, inline strings, numbers, booleans, errors, dates, formats, formulas, hyperlinks, merges", async () => {
    expect(await same(smallPackage(CELLS, parts), "cells")).toBe("fast");
    const grid = readXlsxGrids(smallPackage(CELLS, parts))[0];
    expect(grid.cells[0][1]?.value).toBe("产出 指标 ");
    expect(grid.cells[2][0]?.value).toBeInstanceOf(Date);
    expect(grid.cells[3][0]).toEqual({ value: 0, numFmt: null, formula: "SUM(A3:B3)" });
    expect(grid.cells[3][2]?.formula).toBe("B4+1");
    expect(grid.cells[8][1]).toEqual({ value: 5, numFmt: null, formula: null }); // a hyperlink's formula is lost in exceljs
    expect(grid.rowCount).toBe(12);
  });
  test("1904 dates", async () => {
    expect(await same(smallPackage(CELLS, { ...parts, "xl/workbook.xml": WB1904 }), "1904")).toBe("fast");
    const [a, b] = [readXlsxGrids(smallPackage(CELLS, parts))[0], readXlsxGrids(smallPackage(CELLS, { ...parts, "xl/workbook.xml": WB1904 }))[0]];
    expect(((b.cells[2][0]!.value as Date).getTime() - (a.cells[2][0]!.value as Date).getTime()) / 86_400_000).toBe(1462);
  });
  test("without sharedStrings or styles parts", async () => {
    expect(await same(smallPackage(CELLS, { "xl/worksheets/_rels/sheet1.xml.rels": RELS }), "bare")).toBe("fast");
  });
  test("hidden and veryHidden sheets, order by position, a chartsheet skipped", async () => {
    const wb = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="乙" sheetId="5" r:id="rId2"/><sheet name="图" sheetId="2" r:id="rId4"/><sheet name="甲&amp;amp;" sheetId="1" r:id="rId1" state="hidden"/><sheet name="丙" sheetId="3" r:id="rId3" state="veryHidden"/></sheets></workbook>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="x/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="x/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`;
    const one = (v: number) => sheet(`<row r="1"><c r="A1"><v>${v}</v></c></row>`);
    const bytes = smallPackage(one(1), { "xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels, "xl/worksheets/sheet2.xml": one(2), "xl/worksheets/sheet3.xml": one(3), "xl/chartsheets/sheet1.xml": "<chartsheet/>" });
    expect(await same(bytes, "sheets")).toBe("fast");
    expect(readXlsxGrids(bytes).map((g) => g.name)).toEqual(["乙", "甲&"]);
  });
  test("what exceljs reads its own way is left to exceljs", async () => {
    const overlapping = smallPackage(sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`));
    expect(() => readXlsxGrids(overlapping)).toThrow(FastReadUnsupported);
    await expect(viaExceljs(overlapping)).rejects.toThrow(/merge/);
    const noR = smallPackage(sheet(`<row r="1"><c><v>1</v></c></row>`));
    expect(() => readXlsxGrids(noR)).toThrow(FastReadUnsupported);
    const cdata = smallPackage(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]>y</t></is></c></row>`));
    expect(await same(cdata, "cdata")).toBe("fast");
  });
  test("not a zip: NotZipError as scanXlsx", () => {
    expect(() => readXlsxGrids(strToU8("not a zip"))).toThrow(/zip/);
    expect(() => readXlsxGrids(zipSync({ "a.txt": strToU8("x") }))).toThrow(FastReadUnsupported);
  });
});
