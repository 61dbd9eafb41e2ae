/**
 * What the pane does inside Excel, without React: check the active sheet, write scores, annotate, clear
 * and undo. A check is one read sync; a write reuses that read (and its undo snapshot) when the sheet has
 * not changed since, so check + write is two syncs. After any change — the official's or JX's own — the
 * next write reads again first.
 */
import {
  applyPlan,
  clearAnnotations,
  findAnnotatedCells,
  readSheet,
  selectCell,
  undo as undoRecord,
  type ApplyResult,
  type OfficeSheetRead,
  type UndoRecord,
} from "../../src/adapters/office";
import type { OfficeCapabilities } from "../../src/adapters/office-capabilities";
import { NO_INSERT_MESSAGE, deleteSheets, insertTemplateSheets, sheetNames, type TemplateSheets } from "../../src/adapters/office-template";
import { parseRangeA1 } from "../../src/sheet/address";
import type { TableOverride } from "../../src/sheet/override";
import type { Finding, TableSummary } from "../../src/check/types";
import type { Grid } from "../../src/sheet/types";
import { makePlan, type PlanOptions, type WorkbookCheck } from "./engine";
import type { PaneSettings, SettingsStore } from "./settings";
import { SELECT_A_RANGE, checkSelected, type SelectionCheck } from "./selection";
import { TABLES_KEY, sanitizeOverrides } from "./tables";
import { ANNOTATIONS_KEY, RECHECK_AFTER_FORMULAS, RECHECK_AFTER_UNDO, HeldCheck, annotationBook, gridAfterWrite, mergeAnnotations, writeMessage, type AnnotationBook } from "./writes";

export { ANNOTATIONS_KEY };

export type ExcelRun = <T>(fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

type LastAction =
  | {
      kind: "cells";
      label: string;
      record: UndoRecord;
      /** The annotation record before the action, restored by 撤销. */
      annotationsBefore: AnnotationBook;
      /** The sheet's values before the action, which 撤销 puts back: the findings after 撤销 are checked on it. */
      gridBefore: Grid | null;
    }
  /** 插入标准模板: 撤销 deletes the inserted sheets (ids survive a rename). */
  | { kind: "sheets"; label: string; sheetIds: string[] };

/** Builds a template for insertion under names free in the workbook (taskpane/state/templateFile.ts). */
export type TemplateBuilder = (
  taken: string[],
) => Promise<TemplateSheets & { notesSheet: string; renamed: boolean }>;

export interface WriteOutcome {
  /** Chinese summary for the pane. */
  message: string;
  skippedNotes: string[];
}

export { SELECT_A_RANGE, type SelectionCheck };

export class ExcelSession {
  private read: OfficeSheetRead | null = null;
  private stale = true;
  /** Whether the change handler is registered (once per session, at the first read). */
  private watching = false;
  private last: LastAction | null = null;
  /**
   * The findings of the sheet as it is after JX's last action: the last check, then re-checked without a read
   * after a write (the values written put in) and after 撤销 (the values before it); null when a write entered
   * formulas, whose results only Excel knows (the pane then asks for 一键校验).
   */
  get result(): WorkbookCheck | null {
    return this.held.result;
  }
  private readonly held = new HeldCheck();

  constructor(
    private readonly run: ExcelRun,
    private readonly caps: OfficeCapabilities,
    private readonly store: SettingsStore,
  ) {}

  get canUndo(): string | null {
    return this.last?.label ?? null;
  }

  /** The user's corrections of the reading, kept with the workbook (document settings). */
  get tables(): TableOverride[] {
    return sanitizeOverrides(this.store.get(TABLES_KEY));
  }

  /** 识别指标表 / 一键校验: one read sync of the active sheet, then the engine (with the kept corrections). */
  async check(settings: PaneSettings, tables = this.tables): Promise<WorkbookCheck> {
    await this.readActive(false);
    return this.held.check((this.read as OfficeSheetRead).grid, settings, tables);
  }



  private async readActive(withSelection: boolean): Promise<OfficeSheetRead> {
    const watch = this.watching ? undefined : () => this.markStale();
    const read = await this.run((ctx) => readSheet(ctx, null, this.caps, watch, withSelection));
    this.watching = true;
    this.read = read;
    this.stale = false;
    return read;
  }

  /**
   * 识别所选区域: the sheet and the selected range in one read sync; the range read as a table (its header
   * searched inside it). When that gives a table the correction is kept with the workbook.
   */
  async checkSelection(settings: PaneSettings): Promise<SelectionCheck> {
    let read: OfficeSheetRead;
    try {
      read = await this.readActive(true);
    } catch (e) {
      // Excel refuses getSelectedRange when a chart or shape is selected.
      if (/selection|选择|选定/i.test(String((e as Error)?.message ?? e))) throw new Error(SELECT_A_RANGE);
      throw e;
    }
    const { keep, ...out } = checkSelected(read.grid, read.selection ?? null, settings, this.tables);
    if (keep) await this.store.set(TABLES_KEY, keep);
    this.held.set(out.result, read.grid, settings);
    return out;
  }

  /**
   * A correction from the mapping editor: the sheet checked again with `tables` — on the last read when the
   * sheet has not changed since (no sync) — and, when `keep`, the corrections kept with the workbook.
   */
  async applyTables(settings: PaneSettings, tables: TableOverride[], keep: boolean): Promise<WorkbookCheck> {
    if (keep) await this.store.set(TABLES_KEY, tables);
    const canWatch = this.caps.events && this.caps.cellProperties;
    if (this.stale || !this.read || !canWatch) return this.check(settings, tables);
    return this.held.check(this.read.grid, settings, tables);
  }

  markStale(): void {
    this.stale = true;
  }

  /** 填写自评得分 / 标注差异: the plan for the current check, applied in one sync. */
  async write(settings: PaneSettings, options: Partial<PlanOptions>, label: string): Promise<WriteOutcome> {
    // Without change events (before ExcelApi 1.9) a read cannot be known fresh: read again.
    const canWatch = this.caps.events && this.caps.cellProperties;
    if (this.stale || !this.read || !this.result || !canWatch) await this.check(settings);
    const read = this.read as OfficeSheetRead;
    const plan = makePlan(this.result as WorkbookCheck, options);
    const own = plan.actions.filter((a) => a.sheet === read.grid.name);
    if (own.length === 0) return { message: `${label}：没有需要写入的内容。`, skippedNotes: [] };
    if (read.annotatedCells === null && own.some((a) => a.kind === "note")) {
      read.annotatedCells = await this.run((ctx) => findAnnotatedCells(ctx, read.grid.name, this.caps));
    }
    const before = this.annotationBook();
    const applied: ApplyResult = await this.run((ctx) => applyPlan(ctx, plan, read, this.caps));
    this.stale = true; // our own writes changed the sheet
    const book = this.annotationBook();
    book[read.grid.name] = mergeAnnotations(book[read.grid.name] ?? [], applied.annotations);
    await this.store.set(ANNOTATIONS_KEY, book);
    this.last = { kind: "cells", label, record: applied.undo, annotationsBefore: before, gridBefore: read.grid };
    // The findings of the sheet as written, from the read the write was made on (no sync).
    const after = gridAfterWrite(read.grid, own);
    this.held.after(after, this.tables);
    const message = writeMessage(label, own, applied, before, read.grid.name);
    return { message: after ? message : `${message}${RECHECK_AFTER_FORMULAS}`, skippedNotes: applied.skippedNotes };
  }

  /** 清除标注: removes what JX recorded adding on the active sheet, nothing else. */
  async clear(): Promise<string> {
    const sheet = this.read?.grid.name ?? (await this.run(activeSheetName));
    const book = this.annotationBook();
    const mine = book[sheet] ?? [];
    if (mine.length === 0) return "当前工作表没有 JX 添加的标注。";
    const before = { ...book };
    const record = await this.run((ctx) => clearAnnotations(ctx, sheet, mine, this.caps));
    this.stale = true;
    delete book[sheet];
    await this.store.set(ANNOTATIONS_KEY, book);
    // Fills and notes only: the values, and so the findings, are as they were.
    this.last = { kind: "cells", label: "清除标注", record, annotationsBefore: before, gridBefore: this.held.grid };
    return `已清除 JX 标注：${record.cells.length} 处填充色，${record.notesRemoved.length} 条批注。`;
  }

  /** 撤销: puts back exactly what the last JX action changed. */
  async undo(): Promise<string> {
    const last = this.last;
    if (!last) return "没有可撤销的 JX 操作。";
    if (last.kind === "sheets") {
      const deleted = await this.run((ctx) => deleteSheets(ctx, last.sheetIds));
      this.stale = true;
      this.last = null;
      return deleted.length ? `已撤销“${last.label}”：删除了工作表 ${deleted.map((n) => `“${n}”`).join("、")}。` : `插入的工作表已不在工作簿中，无需撤销。`;
    }
    await this.run((ctx) => undoRecord(ctx, last.record, this.caps));
    this.stale = true;
    await this.store.set(ANNOTATIONS_KEY, last.annotationsBefore);
    this.last = null;
    // The cells are back as they were before the action: so are the findings (checked again, no sync).
    this.held.after(last.gridBefore, this.tables);
    return last.gridBefore ? `已撤销“${last.label}”。` : `已撤销“${last.label}”。${RECHECK_AFTER_UNDO}`;
  }

  /**
   * 插入标准模板: reads the sheet names (one sync), builds the template under free names, inserts it (one
   * sync). 撤销 then deletes the inserted sheets — with whatever was typed into them since.
   */
  async insertTemplate(build: TemplateBuilder): Promise<string> {
    if (!this.caps.insertWorksheets) throw new Error(NO_INSERT_MESSAGE);
    const taken = await this.run(sheetNames);
    const t = await build(taken);
    const sheetIds = await this.run((ctx) => insertTemplateSheets(ctx, t, this.caps));
    this.stale = true;
    this.last = { kind: "sheets", label: "插入标准模板", sheetIds };
    const names = `“${t.tableSheet}”和“${t.notesSheet}”`;
    let message = `已在工作簿末尾插入工作表 ${names}。`;
    if (t.renamed) message += "因工作簿中已有同名工作表，新工作表名称后加了序号。";
    if (t.reenter.length) message += "得分列的 =JX.SCORE 公式已重新输入一次，以便 Excel 使用 JX 加载项计算。";
    message += "点击“撤销”会删除这两个工作表，连同其中已填写的内容。";
    return message;
  }

  async select(finding: Pick<Finding, "sheet" | "cell">): Promise<void> {
    await this.run((ctx) => selectCell(ctx, finding.sheet, finding.cell));
  }

  /** Selects a table's whole range. */
  async selectTable(table: TableSummary): Promise<void> {
    const range = parseRangeA1(table.range);
    await this.run((ctx) => selectCell(ctx, table.sheet, range ? table.range : "A1"));
  }

  private annotationBook(): AnnotationBook {
    return annotationBook(this.store);
  }
}

async function activeSheetName(ctx: Excel.RequestContext): Promise<string> {
  const sheet = ctx.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  await ctx.sync();
  return sheet.name;
}
