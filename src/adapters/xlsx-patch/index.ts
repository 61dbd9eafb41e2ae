/**
 * The checked copy as a patch of the input package. Only what JX writes changes: the sheet XML of the cells
 * it writes, styles it adds, the comments/VML parts of its notes, the new 校验结果 sheet and the workbook,
 * relationship and content-type entries these need. Every other zip entry (charts, pivot tables and their
 * caches, external links, images, custom properties, printer settings…) is written back byte for byte.
 * No file system: the command line and the browser page use the same code.
 */
import type { Finding, Plan } from "../../check/types";
import { FINDINGS_SHEET_NAME } from "../../check/findings-sheet";
import { NotesPatch, type NoteOutcome } from "./comments";
import { findingsSheetXml } from "./findings-sheet";
import { CT, REL, XlsxPackage, sheetEntries, workbookPart } from "./package";
import { SheetPatch } from "./sheet";
import { StylesPatch } from "./styles";
import { NS, PatchError, child, children, insertInOrder, make, root } from "./xml";

export { PatchError } from "./xml";

const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
] as const;

export interface PatchReport {
  /** Zip entries changed or added, in zip order. */
  changedParts: string[];
  /** Cells where the plan asked for a value or formula but the cell holds a formula: left as it was. */
  formulasKept: string[];
  /** Cells with a threaded comment: JX's note not added (the finding is in 校验结果). */
  threadedComments: string[];
  /** Cells whose own note leaves no room within Excel's 32,767 characters: JX's note not added (the finding is in 校验结果). */
  fullNotes: string[];
  /** Sheets the plan named that the package does not have. */
  missingSheets: string[];
  /** Name of the added findings sheet (校验结果, or 校验结果(2) when taken). */
  findingsSheet: string;
}

function freeSheetName(taken: string[], base: string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}(${i})`.toLowerCase())) return `${base}(${i})`;
}

export function patchPackage(input: Uint8Array, plan: Plan, findings: Finding[]): { bytes: Uint8Array; report: PatchReport } {
  const pkg = new XlsxPackage(input);
  const wbPart = workbookPart(pkg);
  const sheets = sheetEntries(pkg, wbPart);
  const styles = new StylesPatch(pkg, wbPart);
  const report: PatchReport = { changedParts: [], formulasKept: [], threadedComments: [], fullNotes: [], missingSheets: [], findingsSheet: "" };
  let formulasWritten = false;

  const bySheet = new Map<string, Plan["actions"]>();
  for (const a of plan.actions) bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), a]);
  for (const [name, actions] of bySheet) {
    const entry = sheets.find((s) => s.name === name);
    if (!entry) {
      report.missingSheets.push(name);
      continue;
    }
    const sheet = new SheetPatch(pkg, entry.part);
    let notes: NotesPatch | null = null;
    for (const a of actions) {
      switch (a.kind) {
        case "set-value":
          if (sheet.setValue(a.cell, a.value) === "formula-kept") report.formulasKept.push(`${name}!${a.cell}`);
          break;
        case "set-formula":
          if (sheet.setFormula(a.cell, a.formula) === "formula-kept") report.formulasKept.push(`${name}!${a.cell}`);
          else formulasWritten = true;
          break;
        case "fill":
          sheet.setStyle(a.cell, styles.withFill(sheet.styleOf(a.cell), a.color.length === 6 ? `FF${a.color}` : a.color.replace(/^#/, "")));
          break;
        case "note": {
          notes ??= new NotesPatch(pkg, sheet);
          const outcome: NoteOutcome = notes.add(a.cell, a.text);
          if (outcome === "threaded") report.threadedComments.push(`${name}!${a.cell}`);
          if (outcome === "full") report.fullNotes.push(`${name}!${a.cell}`);
          break;
        }
      }
    }
  }

  // The 校验结果 sheet, last in the tab order (sheet indices of defined names and views stay valid).
  const sheetPart = pkg.freeName("xl/worksheets/sheet", ".xml");
  pkg.setText(sheetPart, findingsSheetXml(findings, styles, plan.tables));
  pkg.addContentType(sheetPart, CT.worksheet);
  const relId = pkg.addRelationship(wbPart, REL.worksheet, sheetPart);
  const wbDoc = pkg.xml(wbPart)!;
  const wb = root(wbDoc);
  let sheetsEl = child(wb, "sheets");
  if (!sheetsEl) {
    sheetsEl = make(wbDoc, wb, "sheets");
    insertInOrder(wb, sheetsEl, WORKBOOK_ORDER);
  }
  const all = children(sheetsEl, "sheet");
  const name = freeSheetName(
    all.map((s) => s.getAttribute("name") ?? ""),
    FINDINGS_SHEET_NAME,
  );
  const sheetId = Math.max(0, ...all.map((s) => Number(s.getAttribute("sheetId")) || 0)) + 1;
  const el = make(wbDoc, wb, "sheet", { name, sheetId: String(sheetId) });
  const prefix = wb.lookupPrefix(NS.rel);
  if (prefix) el.setAttributeNS(NS.rel, `${prefix}:id`, relId);
  else {
    wb.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:r", NS.rel);
    el.setAttributeNS(NS.rel, "r:id", relId);
  }
  sheetsEl.appendChild(el);
  report.findingsSheet = name;

  if (formulasWritten) {
    // Formulas JX wrote carry no cached result: ask the host to calculate when the copy is opened.
    let calc = child(wb, "calcPr");
    if (!calc) {
      calc = make(wbDoc, wb, "calcPr", { calcId: "191029" });
      insertInOrder(wb, calc, WORKBOOK_ORDER);
    }
    calc.setAttribute("fullCalcOnLoad", "1");
  }
  pkg.touch(wbPart);

  const bytes = pkg.save();
  report.changedParts = pkg.names().filter((n) => pkg.changedParts().includes(n));
  return { bytes, report };
}

/** The checked copy's bytes: the input package with the plan's writes and the 校验结果 sheet. */
export function checkedCopyBytes(input: Uint8Array, plan: Plan, findings: Finding[]): Uint8Array {
  return patchPackage(input, plan, findings).bytes;
}

export function isPatchError(e: unknown): e is PatchError {
  return e instanceof PatchError;
}
