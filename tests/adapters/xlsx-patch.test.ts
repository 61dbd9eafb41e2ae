/**
 * The checked copy is a patch of the input package: every entry JX does not need to change stays byte for
 * byte; the copy opens in LibreOffice with the same values; own notes are kept beside JX's.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { strFromU8 } from "fflate";
import { buildPlan, checkWorkbook } from "../../src/check";
import { checkedCopyWithReport, workbookToGrids } from "../../src/adapters/xlsx-core";
import { loadWorkbook } from "../../src/adapters/xlsx";
import { CUT_MARK, JX_NOTE_MARK, TEXT_LIMIT, jxNoteText } from "../../src/check/notes";
import { patchPackage } from "../../src/adapters/xlsx-patch";
import { longCells } from "../fixtures/hostile";
import { strToU8, zipSync } from "fflate";
import { EXAMPLE, MAIN_SHEET, OWN_NOTE, entries, richPackage } from "./fixtures/rich-package";

async function check(bytes: Uint8Array, formulas: "values" | "jx" = "values") {
  const wb = await loadWorkbook(Buffer.from(bytes));
  const result = checkWorkbook(workbookToGrids(wb));
  const plan = buildPlan(result, { fillMissing: true, annotate: true, overwriteDiverging: false, formulas });
  const { bytes: out, report } = checkedCopyWithReport(bytes, plan, result.findings);
  return { result, plan, out, report };
}

/** Entry names whose uncompressed bytes differ (or that are new); fails when an entry disappears. */
function changedEntries(before: Uint8Array, after: Uint8Array): string[] {
  const a = entries(before);
  const b = entries(after);
  for (const name of Object.keys(a)) expect(Object.keys(b)).toContain(name);
  return Object.keys(b).filter((n) => !a[n] || Buffer.compare(Buffer.from(a[n]), Buffer.from(b[n])) !== 0);
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const ALLOWED = new Set(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml"]);

describe("checked copy as a package patch", () => {
  test("on a workbook with chart, image, pivot, external link, validation, formats, names, protection, rich text: only JX's parts change", async () => {
    const input = richPackage();
    const { out, report, plan } = await check(input);
    expect(plan.actions.length).toBeGreaterThan(5);
    const changed = changedEntries(input, out).sort();
    expect(changed).toEqual(
      ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"].sort(),
    );
    expect(report.changedParts.sort()).toEqual(changed);
    const kept = Object.keys(entries(input)).filter((n) => !changed.includes(n));
    for (const part of ["xl/charts/chart1.xml", "xl/media/image1.png", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "xl/pivotTables/pivotTable1.xml", "xl/externalLinks/externalLink1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "docProps/custom.xml", "xl/printerSettings/printerSettings1.bin", "xl/threadedComments/threadedComment1.xml", "xl/worksheets/_rels/sheet1.xml.rels"]) {
      expect(kept).toContain(part);
    }

    // What the main sheet carried besides cells is still there, unchanged.
    const before = strFromU8(entries(input)["xl/worksheets/sheet1.xml"]);
    const after = strFromU8(entries(out)["xl/worksheets/sheet1.xml"]);
    for (const tag of ["sheetProtection", "conditionalFormatting", "dataValidations", "mergeCells", "pageSetup", "legacyDrawing", "cols"]) {
      const re = new RegExp(`<${tag}[ >][\\s\\S]*?(</${tag}>|/>)`);
      expect(after.match(re)?.[0]).toBe(before.match(re)?.[0]);
    }
    // Existing workbook entries kept; the new sheet appended last.
    const wb = strFromU8(entries(out)["xl/workbook.xml"]);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">'${MAIN_SHEET}'!$A$1:$I$54</definedName>`);
    expect(wb).toContain('<externalReference r:id="rId11"/>');
    expect(wb).toMatch(/<sheet sheetId="2" name="附表" r:id="rId10"\/><sheet name="校验结果" sheetId="3" r:id="rId\d+"\/><\/sheets>/);
    // styles.xml: only appended entries (the old ones are a prefix of the new lists).
    const s0 = strFromU8(entries(input)["xl/styles.xml"]);
    const s1 = strFromU8(entries(out)["xl/styles.xml"]);
    const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
    expect(xfs(s1).startsWith(xfs(s0))).toBe(true);
  });

  test("values and notes in the copy; a cell's own note kept before JX's; a threaded comment left alone", async () => {
    const { out, report, result } = await check(richPackage());
    const wb = await open(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([MAIN_SHEET, "附表", "校验结果"]);
    const ws = wb.getWorksheet(MAIN_SHEET)!;
    expect(ws.getCell("I47").value).toBe(10);
    expect(ws.getCell("I50").value).toBe(9.5);
    expect(ws.getCell("I50").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFC7CE" } });
    // A fill on one cell does not leak to a cell that shared its style.
    const orig = (await open(richPackage())).getWorksheet(MAIN_SHEET)!;
    expect(ws.getCell("I49").fill).toEqual(orig.getCell("I49").fill);
    expect(ws.getCell("I24").style.border).toEqual(orig.getCell("I24").style.border);
    const noteText = (n: ExcelJS.Cell["note"]) => (typeof n === "string" ? n : (n as ExcelJS.Comment).texts!.map((t) => t.text).join(""));
    const i50 = noteText(ws.getCell("I50").note);
    expect(i50.startsWith(`张会计:\n${OWN_NOTE}\n${JX_NOTE_MARK}\n`)).toBe(true);
    expect(i50).toContain("按评分规则计算应得5分");
    expect(noteText(ws.getCell("I26").note).startsWith(JX_NOTE_MARK)).toBe(true);
    expect(report.threadedComments).toEqual([`${MAIN_SHEET}!I36`]);
    expect(noteText(ws.getCell("I36").note)).not.toContain(JX_NOTE_MARK);
    const other = wb.getWorksheet("附表")!;
    expect(other.getCell("B3").value).toMatchObject({ formula: "SUM(B1:B2)", result: 3 });
    const sheet = wb.getWorksheet("校验结果")!;
    // The findings, a blank row, then one 识别情况 row per table saying what was read.
    expect(sheet.rowCount).toBe(result.findings.length + 2 + result.tables.length);
    const readRow = sheet.getRow(result.findings.length + 3);
    expect(readRow.getCell(4).value).toBe("识别情况");
    expect(String(readRow.getCell(8).value)).toMatch(/^自动识别：表头第\d+行；列：一级指标=A（一级指标）.*读取\d+行指标/);
    expect(sheet.getCell("C2").formula).toBe(`HYPERLINK("#'${MAIN_SHEET}'!I26","I26")`);
  });

  test("checking the copy again replaces JX's part of a note, never the user's", async () => {
    const first = await check(richPackage());
    const second = await check(first.out);
    const ws = (await open(second.out)).getWorksheet(MAIN_SHEET)!;
    const n = ws.getCell("I50").note as ExcelJS.Comment;
    const text = n.texts!.map((t) => t.text).join("");
    expect(text.split(JX_NOTE_MARK)).toHaveLength(2);
    expect(text.startsWith(`张会计:\n${OWN_NOTE}\n`)).toBe(true);
    expect((await open(second.out)).worksheets.map((w) => w.name)).toEqual([MAIN_SHEET, "附表", "校验结果", "校验结果(2)"]);
  });

  test("a score cell holding a formula is never replaced, even when asked to overwrite", async () => {
    const input = richPackage();
    const wb = await loadWorkbook(Buffer.from(input));
    const result = checkWorkbook(workbookToGrids(wb));
    const plan = { actions: [{ kind: "set-value" as const, sheet: "附表", cell: "B3", value: 99 }, { kind: "set-formula" as const, sheet: "附表", cell: "B3", formula: "1+1" }] };
    const { bytes: out, report } = checkedCopyWithReport(input, plan, result.findings);
    expect(report.formulasKept).toEqual(["附表!B3", "附表!B3"]);
    expect(changedEntries(input, out)).not.toContain("xl/worksheets/sheet2.xml");
  });

  test("formulas JX writes carry no cached value and ask for a calculation on open", async () => {
    const input = new Uint8Array(readFileSync(EXAMPLE));
    const before = strFromU8(entries(input)["xl/workbook.xml"]);
    expect(before).not.toContain("fullCalcOnLoad");
    const plan = { actions: [{ kind: "set-formula" as const, sheet: MAIN_SHEET, cell: "I47", formula: 'JX.SCORE(H47,D47,E47,F47)' }, { kind: "set-formula" as const, sheet: MAIN_SHEET, cell: "K60", formula: "SUM(I24:I50)" }] };
    const { bytes: out } = checkedCopyWithReport(input, plan, []);
    const sheet = strFromU8(entries(out)["xl/worksheets/sheet1.xml"]);
    expect(sheet).toMatch(/<c r="I47"[^>]*><f>JX\.SCORE\(H47,D47,E47,F47\)<\/f><\/c>/);
    // A cell in a row that did not exist: the row is created in order, the dimension widened.
    expect(sheet).toMatch(/<row r="60"><c r="K60"><f>SUM\(I24:I50\)<\/f><\/c><\/row><\/sheetData>/);
    expect(sheet).toContain('<dimension ref="A1:K60"/>');
    expect(strFromU8(entries(out)["xl/workbook.xml"])).toContain('fullCalcOnLoad="1"');
  });
});

/** LibreOffice headless, with its own profile (recalculate on load), so runs do not share a lock. */
function soffice(dir: string, args: string[]): void {
  const profile = join(dir, "profile");
  const user = join(profile, "user");
  execFileSync("mkdir", ["-p", user]);
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
  );
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { cwd: dir, timeout: 120_000, stdio: "pipe" });
}

describe("LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "jx-patch-lo-"));

  test("opens the copy and recalculates the same values; a LibreOffice-saved input is patched the same way", async () => {
    const input = richPackage();
    const { out } = await check(input);
    writeFileSync(join(dir, "输入.xlsx"), input);
    writeFileSync(join(dir, "副本.xlsx"), out);
    soffice(dir, ["--convert-to", "xlsx", "--outdir", join(dir, "lo"), join(dir, "输入.xlsx"), join(dir, "副本.xlsx")]);
    expect(existsSync(join(dir, "lo", "副本.xlsx"))).toBe(true);
    const original = await open(readFileSync(join(dir, "lo", "输入.xlsx")));
    const copy = await open(readFileSync(join(dir, "lo", "副本.xlsx")));
    expect(copy.worksheets.map((w) => w.name)).toEqual([MAIN_SHEET, "附表", "校验结果"]);
    const touched = new Set((await check(input)).plan.actions.map((a) => `${a.sheet}!${a.cell}`));
    let compared = 0;
    for (const ws of original.worksheets) {
      const c = copy.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          // A merged cell shows its master's value (LibreOffice writes it out too).
          if (touched.has(`${ws.name}!${cell.address}`) || cell.master !== cell) return;
          expect(`${ws.name}!${cell.address}=${JSON.stringify(c.getCell(r, col).value)}`).toBe(`${ws.name}!${cell.address}=${JSON.stringify(cell.value)}`);
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(300);
    // The 校验结果 links calculate to their cell addresses.
    expect(copy.getWorksheet("校验结果")!.getCell("C2").result).toBe("I26");

    // The LibreOffice-saved file as an input: again only JX's parts change.
    const loSaved = new Uint8Array(readFileSync(join(dir, "lo", "输入.xlsx")));
    const again = await check(loSaved);
    const changed = changedEntries(loSaved, again.out);
    for (const name of changed) expect(ALLOWED.has(name) || /^xl\/worksheets\/sheet\d+\.xml$|^xl\/comments\d*\.xml$|vmlDrawing\d*\.vml$|^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name)).toBe(true);
    const kept = Object.keys(entries(loSaved)).filter((n) => !changed.includes(n));
    expect(kept).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/media/image1.png", "xl/externalLinks/externalLink1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "docProps/custom.xml"]));
    const sheet = (await open(again.out)).getWorksheet(MAIN_SHEET)!;
    expect(sheet.getCell("I47").value).toBe(10);
    const i50 = sheet.getCell("I50").note as ExcelJS.Comment;
    const text = i50.texts!.map((t) => t.text).join("");
    expect(text).toContain(OWN_NOTE);
    expect(text.indexOf(OWN_NOTE)).toBeLessThan(text.indexOf(JX_NOTE_MARK));
  }, 180_000);
});

describe("texts within Excel's 32,767 characters", () => {
  const noteText = (n: ExcelJS.Cell["note"]) => (typeof n === "string" ? n : (n as ExcelJS.Comment).texts!.map((t) => t.text).join(""));
  /** The rich package with its own note on I50 replaced by `text`. */
  function withOwnNote(text: string): Uint8Array {
    const files = entries(richPackage());
    const comments = strFromU8(files["xl/comments1.xml"]);
    expect(comments).toContain(OWN_NOTE);
    files["xl/comments1.xml"] = strToU8(comments.replace(OWN_NOTE, text));
    return zipSync(files);
  }

  test("a 100,000-character cell: the notes and the 校验结果 texts of the copy are cut at 32,767, marked", async () => {
    const { out, result } = await check(longCells(100_000));
    const long = result.findings.filter((f) => f.message.length > TEXT_LIMIT);
    expect(long.length).toBeGreaterThan(0); // the finding quotes the 100,000-character rule
    const wb = await open(out);
    const ws = wb.worksheets[0];
    const notes: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (c.note && notes.push(noteText(c.note)))));
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(notes.some((n) => n.length === TEXT_LIMIT && n.startsWith(JX_NOTE_MARK) && n.endsWith(CUT_MARK))).toBe(true);
    const texts: string[] = [];
    wb.getWorksheet("校验结果")!.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(texts.some((t) => t.endsWith(CUT_MARK))).toBe(true);
  });

  test("after an own note JX's part takes the room left; an own note with no room is left whole and reported", () => {
    const jx = jxNoteText([`无法识别评分规则：${"甲".repeat(100_000)}`]);
    const plan = { actions: [{ kind: "note" as const, sheet: MAIN_SHEET, cell: "I50", text: jx }] };
    const own = "乙".repeat(30_000);
    const { bytes, report } = patchPackage(withOwnNote(own), plan, []);
    const xml = strFromU8(entries(bytes)["xl/comments1.xml"]);
    const texts = [...xml.matchAll(/<comment ref="I50"[\s\S]*?<\/comment>/g)][0][0];
    const text = [...texts.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).join("");
    expect(text.length).toBe(TEXT_LIMIT);
    expect(text).toContain(`${own}\n${JX_NOTE_MARK}`);
    expect(text.endsWith(CUT_MARK)).toBe(true);
    expect(report.fullNotes).toEqual([]);

    const full = "丙".repeat(TEXT_LIMIT - 5);
    const input = withOwnNote(full);
    const again = patchPackage(input, plan, []);
    expect(again.report.fullNotes).toEqual([`${MAIN_SHEET}!I50`]);
    expect(strFromU8(entries(again.bytes)["xl/comments1.xml"])).toBe(strFromU8(entries(input)["xl/comments1.xml"]));
  });
});
