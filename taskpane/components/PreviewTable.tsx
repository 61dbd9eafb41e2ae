/** A preview of one indicator table with its findings' cells highlighted by severity. */
import { useEffect, useRef } from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Tooltip, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { KIND_LABELS, SEVERITY_LABELS } from "../../src/check/labels";
import type { Finding, Severity, TableSummary } from "../../src/check/types";
import { a1, columnLetters, parseRangeA1 } from "../../src/sheet/address";
import type { CellValue, Grid } from "../../src/sheet/types";

const ROW_HEAD_WIDTH = "3.5em";

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "auto", minWidth: "max-content" },
  // One line per cell so rows stay short in a narrow pane; the full text is in the title / tooltip.
  cell: { maxWidth: "10em", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  error: { backgroundColor: tokens.colorPaletteRedBackground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  // Row numbers and the indicator's name stay in view while the table scrolls sideways to a finding's cell.
  rowHead: { color: tokens.colorNeutralForeground3, position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, width: ROW_HEAD_WIDTH, minWidth: ROW_HEAD_WIDTH, maxWidth: ROW_HEAD_WIDTH, boxSizing: "border-box" },
  name: { position: "sticky", left: ROW_HEAD_WIDTH, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, maxWidth: "8em", boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}` },
  // A name the row takes from its level above (a block whose level-3 cell is empty): set apart as not in the cell.
  inherited: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  // A missing score the checked copy fills: its value, set apart from what the official wrote.
  filled: { fontStyle: "italic", color: tokens.colorBrandForeground1 },
});

/** More rows than this are cut: the preview is for reading, the checked copy has everything. */
export const PREVIEW_ROW_LIMIT = 200;

function show(v: CellValue | undefined, fmt: string | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && fmt && fmt.includes("%")) return `${+(v * 100).toFixed(4)}%`;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface PreviewTableProps {
  grid: Grid;
  table: TableSummary;
  findings: Finding[];
  /** A1 address to scroll to and focus (the finding the official clicked). */
  focusCell?: string | null;
  /** 0-based column of the indicator names (the deepest level): kept in view beside the row numbers. */
  nameColumn?: number | null;
  /** Each indicator row's name as the engine read it (0-based sheet row -> name), shown where the name cell is empty. */
  rowNames?: ReadonlyMap<number, string>;
}

export function PreviewTable({ grid, table, findings, focusCell, nameColumn = null, rowNames }: PreviewTableProps) {
  const styles = useStyles();
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = wrap.current;
    if (!focusCell || !box) return;
    const el = box.querySelector<HTMLElement>(`[data-cell="${focusCell}"]`);
    if (!el) return;
    el.scrollIntoView({ block: "center", inline: "center" });
    // Centred in a 320px pane the cell can sit under the sticky row number and name: move it out from under them.
    const sticky = [...box.querySelectorAll<HTMLElement>("tbody tr:first-child [data-sticky]")].reduce((w, c) => Math.max(w, c.getBoundingClientRect().right), box.getBoundingClientRect().left);
    const covered = sticky - el.getBoundingClientRect().left;
    if (covered > 0 && !el.hasAttribute("data-sticky")) box.scrollLeft -= covered + 4;
    el.focus({ preventScroll: true });
  }, [focusCell]);
  const range = parseRangeA1(table.range);
  if (!range) return null;
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) if (f.sheet === grid.name) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  const bottom = Math.min(range.bottom, range.top + PREVIEW_ROW_LIMIT - 1);
  const cols = Array.from({ length: range.right - range.left + 1 }, (_, i) => range.left + i);
  const rows = Array.from({ length: bottom - range.top + 1 }, (_, i) => range.top + i);
  return (
    <div className={styles.wrap} ref={wrap}>
      <Table size="extra-small" className={styles.table} aria-label={`预览 ${table.sheet} ${table.range}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell aria-label="行号" />
            {cols.map((c) => (
              <TableHeaderCell key={c} className={c === nameColumn ? styles.name : undefined}>
                {columnLetters(c)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r}>
              <TableCell className={styles.rowHead} data-sticky="">
                {r + 1}
              </TableCell>
              {cols.map((c) => {
                const address = a1(r, c);
                const cell = grid.cells[r]?.[c];
                const hits = byCell.get(address);
                // An empty score the checked copy fills (score-missing with a computed value): shown as it will be.
                const fill = cell?.value === null || cell?.value === undefined ? hits?.find((f) => f.kind === "score-missing" && f.computed !== null) : undefined;
                const own = show(cell?.value, cell?.numFmt);
                const inherited = c === nameColumn && !own ? rowNames?.get(r) : undefined;
                const text = fill ? String(fill.computed) : (inherited ?? own);
                const sticky = c === nameColumn ? { "data-sticky": "" } : {};
                const base = mergeClasses(styles.cell, c === nameColumn && styles.name, fill && styles.filled, inherited !== undefined && styles.inherited);
                if (!hits)
                  return (
                    <TableCell key={c} className={base} title={text || undefined} {...sticky}>
                      {text}
                    </TableCell>
                  );
                const worst = hits.reduce((s, f) => (RANK[f.severity] > RANK[s] ? f.severity : s), "info" as Severity);
                const tip = [...(fill ? [`校验副本中将填入 ${text} 分`] : []), ...hits.map((f) => `${SEVERITY_LABELS[f.severity]}·${KIND_LABELS[f.kind]}：${f.message}`)].join("\n");
                return (
                  <Tooltip key={c} content={tip} relationship="description">
                    <TableCell className={mergeClasses(base, styles[worst])} tabIndex={0} data-severity={worst} data-cell={address} data-filled={fill ? "" : undefined} {...sticky}>
                      {text}
                    </TableCell>
                  </Tooltip>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {bottom < range.bottom ? <p>{`仅预览前 ${PREVIEW_ROW_LIMIT} 行；下载的校验副本包含全部内容。`}</p> : null}
    </div>
  );
}
