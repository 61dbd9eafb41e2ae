/**
 * What the Excel and WPS sessions share about a write (填写自评得分 / 标注差异) and its undo: the pane's
 * message, JX's annotation record, and the sheet as JX's own write left it — so the pane can show the
 * findings of the sheet after a write or an undo without reading it again (one read, one write).
 */
import type { Annotation, ApplyResult } from "../../src/adapters/office";
import type { PlanAction } from "../../src/check/types";
import type { Grid, GridCell } from "../../src/sheet/types";
import { parseA1 } from "../../src/sheet/address";
import type { TableOverride } from "../../src/sheet/override";
import { runCheck, type WorkbookCheck } from "./engine";
import type { PaneSettings, SettingsStore } from "./settings";

/** JX's annotations per sheet, kept in the document setting (Excel) or the pane's storage (WPS). */
export type AnnotationBook = Record<string, Annotation[]>;

export const ANNOTATIONS_KEY = "jx.annotations";

export function annotationBook(store: SettingsStore): AnnotationBook {
  const raw = store.get(ANNOTATIONS_KEY);
  return raw && typeof raw === "object" ? { ...(raw as AnnotationBook) } : {};
}

/** A cell annotated twice keeps the fill it had before JX first touched it. */
export function mergeAnnotations(existing: Annotation[], added: Annotation[]): Annotation[] {
  const byCell = new Map(existing.map((a) => [a.cell, a]));
  for (const a of added) {
    const old = byCell.get(a.cell);
    byCell.set(a.cell, old ? { ...a, fillBefore: old.fillBefore, note: a.note ?? old.note, noteText: a.noteText ?? old.noteText } : a);
  }
  return [...byCell.values()];
}

/**
 * "填写自评得分完成：写入得分 3 处，标注 5 个单元格。" and what happened to the notes: an own note kept with JX's
 * part after it, a note left alone, one JX had written already, notes this host cannot write.
 */
export function writeMessage(label: string, own: PlanAction[], applied: ApplyResult, before: AnnotationBook, sheet: string): string {
  const scores = own.filter((a) => a.kind === "set-value" || a.kind === "set-formula").length;
  const fills = own.filter((a) => a.kind === "fill").length;
  const parts = [scores ? `写入得分 ${scores} 处` : "", fills ? `标注 ${fills} 个单元格` : ""].filter(Boolean);
  let message = `${label}完成：${parts.join("，") || "无改动"}。`;
  const jxNoted = new Set((before[sheet] ?? []).filter((a) => a.note).map((a) => a.cell));
  const again = applied.skippedNotes.filter((c) => jxNoted.has(c));
  const theirs = applied.skippedNotes.filter((c) => !jxNoted.has(c));
  const appended = applied.appendedNotes ?? [];
  if (appended.length) {
    const cells = appended.length <= 5 ? appended.join("、") : `${appended.slice(0, 5).join("、")} 等 ${appended.length} 个单元格`;
    message += `${cells} 原有批注保留，JX 的说明加在“【JX校验】”之后。`;
  }
  if (theirs.length) message += `${theirs.join("、")} 已有批注，JX 未改动，说明见任务窗格。`;
  if (again.length) message += `${again.length} 个单元格已有 JX 批注，未重复添加（要更新说明，请先“清除标注”）。`;
  if (applied.droppedNotes) message += `此版本 Excel 不能写批注，${applied.droppedNotes} 条说明只在任务窗格中显示。`;
  return message;
}

/** Said when a write leaves findings JX cannot know without reading the sheet again. */
export const RECHECK_AFTER_FORMULAS = "得分公式由表格程序计算，上一次的校验结果已不适用，已从窗格中移除：请点击“一键校验”重新校验。";

/** Said after an undo when the values before the action are not known (it followed a write of formulas). */
export const RECHECK_AFTER_UNDO = "请点击“一键校验”重新校验，查看撤销后的结果。";

/**
 * The sheet as JX's own write left it, from the read the write was made on: the values written put in (fills
 * and notes do not change what is checked). Null when the write entered formulas, whose results only the
 * host computes: the findings after it are not known without a read.
 */
export function gridAfterWrite(grid: Grid, actions: PlanAction[]): Grid | null {
  const own = actions.filter((a) => a.sheet === grid.name);
  if (own.some((a) => a.kind === "set-formula")) return null;
  const values = own.filter((a): a is Extract<PlanAction, { kind: "set-value" }> => a.kind === "set-value");
  if (values.length === 0) return grid;
  const cells = grid.cells.slice();
  let { rowCount, colCount } = grid;
  for (const a of values) {
    const at = parseA1(a.cell);
    if (!at) return null;
    const row = (cells[at.row] ?? []).slice();
    const old: GridCell | undefined = row[at.col];
    row[at.col] = { value: a.value, numFmt: old?.numFmt ?? null, formula: null };
    cells[at.row] = row;
    rowCount = Math.max(rowCount, at.row + 1);
    colCount = Math.max(colCount, at.col + 1);
  }
  return { ...grid, cells, rowCount, colCount };
}

/**
 * The findings a session holds for the sheet as JX last left it, and the values and settings they were
 * checked on: set by a check, checked again on the values after a write or an undo (no read), or not known.
 */
export class HeldCheck {
  result: WorkbookCheck | null = null;
  /** The values `result` was checked on (null: not known). */
  grid: Grid | null = null;
  private settings: PaneSettings | null = null;

  /** The engine on values the session holds. */
  check(grid: Grid, settings: PaneSettings, tables: TableOverride[]): WorkbookCheck {
    return this.set(runCheck([grid], settings, tables), grid, settings);
  }

  set(result: WorkbookCheck, grid: Grid, settings: PaneSettings): WorkbookCheck {
    this.result = result;
    this.grid = grid;
    this.settings = settings;
    return result;
  }

  /** After a write or an undo: the findings of `grid` (the sheet as JX left it) with the last settings, or none when it is not known. */
  after(grid: Grid | null, tables: TableOverride[]): void {
    if (grid && this.settings) this.check(grid, this.settings, tables);
    else {
      this.result = null;
      this.grid = null;
    }
  }
}
