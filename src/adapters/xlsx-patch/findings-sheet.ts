/** The 校验结果 sheet as a new worksheet part: one row per finding, its 单元格 a HYPERLINK to the cell. */
import { columnLetters } from "../../sheet/address";
import { FINDINGS_SHEET_HEADER, findingsSheetRows, internalLink, readingSheetRows } from "../../check/findings-sheet";
import { SEVERITY_COLORS } from "../../check/labels";
import { noFindingsText } from "../../check/reading";
import type { Finding, TableSummary } from "../../check/types";
import { TEXT_LIMIT, cutText } from "../../check/notes";
import type { StylesPatch } from "./styles";
import { NS, XML_DECL, escapeXml, xmlSafe } from "./xml";

/** Excel's limit for the text of one cell (the same cut as in notes: src/check/notes.ts). */
export const CELL_TEXT_LIMIT = TEXT_LIMIT;

export function cellText(text: string): string {
  return cutText(xmlSafe(text), CELL_TEXT_LIMIT);
}

const WIDTHS = [6, 20, 8, 16, 8, 10, 10, 80];

function cell(ref: string, value: string | number | null, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null) return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cellText(value))}</t></is></c>`;
}

export function findingsSheetXml(findings: Finding[], styles: StylesPatch, tables: TableSummary[] = []): string {
  const bold = styles.format({ bold: true });
  const link = styles.format({ link: true });
  const wrap = styles.format({ wrapTop: true });
  const rows: string[] = [];
  rows.push(`<row r="1">${FINDINGS_SHEET_HEADER.map((h, c) => cell(`${columnLetters(c)}1`, h, bold)).join("")}</row>`);
  if (findings.length === 0) rows.push(`<row r="2">${cell("B2", noFindingsText(tables).text, 0)}</row>`);
  findingsSheetRows(findings).forEach((row, i) => {
    const r = i + 2;
    const cells = row.values.map((v, c) => {
      const ref = `${columnLetters(c)}${r}`;
      if (c === 2) {
        const target = `#${internalLink(row.link.sheet, row.link.cell)}`.replace(/"/g, '""');
        const f = `HYPERLINK("${target}","${row.link.cell}")`;
        return `<c r="${ref}" s="${link}" t="str"><f>${escapeXml(xmlSafe(f))}</f><v>${escapeXml(row.link.cell)}</v></c>`;
      }
      if (c === 4) return cell(ref, v, styles.format({ fill: SEVERITY_COLORS[findings[i].severity] }));
      if (c === 7) return cell(ref, v, wrap);
      return cell(ref, v, 0);
    });
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  });
  // What was read, table by table, two rows under the findings.
  let last = Math.max(2, findings.length + 1);
  const readings = readingSheetRows(tables);
  readings.forEach((row, i) => {
    const r = last + 2 + i;
    const target = `#${internalLink(row.link.sheet, row.link.cell)}`.replace(/"/g, '""');
    const cells = row.values.map((v, c) =>
      c === 2
        ? `<c r="C${r}" s="${link}" t="str"><f>${escapeXml(xmlSafe(`HYPERLINK("${target}","${row.link.cell}")`))}</f><v>${escapeXml(row.link.cell)}</v></c>`
        : cell(`${columnLetters(c)}${r}`, v, c === 7 ? wrap : c === 3 ? bold : 0),
    );
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
    if (i === readings.length - 1) last = r;
  });
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    XML_DECL +
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<dimension ref="A1:H${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}
