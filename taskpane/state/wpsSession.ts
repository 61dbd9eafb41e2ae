/**
 * What the pane does inside WPS 表格, over src/adapters/wps.ts: the same actions and messages as the Excel
 * session. WPS gives the pane no change events, so every write reads the sheet again first (read once,
 * write once per action); 撤销 puts back the snapshot the last action recorded.
 */
import { activeSheetName, applyPlan, clearAnnotations, readSheet, selectCell, selectionAddress, undo as undoRecord, type EtApplication, type UndoRecord, type WpsSheetRead } from "../../src/adapters/wps";
import { parseRangeA1 } from "../../src/sheet/address";
import type { Finding, TableSummary } from "../../src/check/types";
import type { Grid } from "../../src/sheet/types";
import { makePlan, type PlanOptions, type WorkbookCheck } from "./engine";
import type { TemplateBuilder, WriteOutcome } from "./excelSession";
import type { PaneSettings, SettingsStore } from "./settings";
import type { TableOverride } from "../../src/sheet/override";
import { checkSelected, type SelectionCheck } from "./selection";
import { TABLES_KEY, sanitizeOverrides } from "./tables";
import { ANNOTATIONS_KEY, RECHECK_AFTER_FORMULAS, RECHECK_AFTER_UNDO, HeldCheck, annotationBook, gridAfterWrite, mergeAnnotations, writeMessage, type AnnotationBook } from "./writes";

export const WPS_NO_TEMPLATE_INSERT = "在 WPS 中暂不能把标准模板插入当前工作簿。请在浏览器版页面下载模板，或用 jx template 命令生成模板文件，再在 WPS 中打开。";

/** The 标准模板 tab's hint in WPS, where 插入标准模板 cannot insert (the Excel hint speaks of sheets inserted and 撤销). */
export const WPS_TEMPLATE_HINT = "WPS 中暂不能把模板插入当前工作簿：请在浏览器版页面下载标准模板，或用 jx template 命令生成模板文件，再在 WPS 中打开填写。";

/** Settings and JX's annotation record per workbook, in the pane's localStorage (WPS has no document settings for add-ins). */
export function workbookStore(storage: Storage, workbook: () => string): SettingsStore {
  const key = (k: string) => `${workbook()}|${k}`;
  return {
    get: (k) => {
      const text = storage.getItem(key(k));
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    },
    set: async (k, v) => storage.setItem(key(k), JSON.stringify(v)),
  };
}

export class WpsSession {
  private read: WpsSheetRead | null = null;
  private last: { label: string; record: UndoRecord; annotationsBefore: AnnotationBook; gridBefore: Grid | null } | null = null;
  /** The findings of the sheet as JX's last action left it (see ExcelSession.result); null when not known. */
  get result(): WorkbookCheck | null {
    return this.held.result;
  }
  private readonly held = new HeldCheck();

  constructor(
    private readonly app: () => EtApplication,
    private readonly store: SettingsStore,
  ) {}

  get canUndo(): string | null {
    return this.last?.label ?? null;
  }

  /** The user's corrections of the reading, kept per workbook with the pane's other records. */
  get tables(): TableOverride[] {
    return sanitizeOverrides(this.store.get(TABLES_KEY));
  }

  async check(settings: PaneSettings, tables = this.tables): Promise<WorkbookCheck> {
    this.read = readSheet(this.app(), null);
    return this.held.check(this.read.grid, settings, tables);
  }



  /**
   * 识别所选区域: the selection's address and the sheet read (the same calls as a check, and one for the
   * selection); the range read as a table. When that gives a table the correction is kept with the workbook.
   */
  async checkSelection(settings: PaneSettings): Promise<SelectionCheck> {
    const app = this.app();
    const selection = selectionAddress(app);
    this.read = readSheet(app, null);
    const { keep, ...out } = checkSelected(this.read.grid, selection, settings, this.tables);
    if (keep) await this.store.set(TABLES_KEY, keep);
    this.held.set(out.result, this.read.grid, settings);
    return out;
  }

  /** The 标准模板 tab's hint here; the tab's button is disabled (nothing to insert into). */
  readonly templateHint = WPS_TEMPLATE_HINT;
  readonly canInsertTemplates = false;
  /** Settings and corrections live in the pane's storage on this computer, per workbook (workbookStore), not in the file. */
  readonly keptWhere = "在本机按工作簿保存";

  /** A correction from the mapping editor: checked again (WPS tells no changes, so read again), kept when `keep`. */
  async applyTables(settings: PaneSettings, tables: TableOverride[], keep: boolean): Promise<WorkbookCheck> {
    if (keep) await this.store.set(TABLES_KEY, tables);
    return this.check(settings, tables);
  }

  markStale(): void {
    this.read = null;
  }

  async write(settings: PaneSettings, options: Partial<PlanOptions>, label: string): Promise<WriteOutcome> {
    const result = await this.check(settings);
    const read = this.read as WpsSheetRead;
    const plan = makePlan(result, options);
    const own = plan.actions.filter((a) => a.sheet === read.grid.name);
    if (own.length === 0) return { message: `${label}：没有需要写入的内容。`, skippedNotes: [] };
    const before = this.annotationBook();
    const applied = applyPlan(this.app(), plan, read);
    const book = this.annotationBook();
    book[read.grid.name] = mergeAnnotations(book[read.grid.name] ?? [], applied.annotations);
    await this.store.set(ANNOTATIONS_KEY, book);
    this.last = { label, record: applied.undo, annotationsBefore: before, gridBefore: read.grid };
    // The findings of the sheet as written, from the read the write was made on (no more calls).
    const after = gridAfterWrite(read.grid, own);
    this.held.after(after, this.tables);
    const message = writeMessage(label, own, applied, before, read.grid.name);
    return { message: after ? message : `${message}${RECHECK_AFTER_FORMULAS}`, skippedNotes: applied.skippedNotes };
  }

  async clear(): Promise<string> {
    const sheet = activeSheetName(this.app());
    const book = this.annotationBook();
    const mine = book[sheet] ?? [];
    if (mine.length === 0) return "当前工作表没有 JX 添加的标注。";
    const before = { ...book };
    const record = clearAnnotations(this.app(), sheet, mine);
    delete book[sheet];
    await this.store.set(ANNOTATIONS_KEY, book);
    // Fills and notes only: the values, and so the findings, are as they were.
    this.last = { label: "清除标注", record, annotationsBefore: before, gridBefore: this.held.grid };
    const kept = record.notesChanged?.length ? `，${record.notesChanged.length} 条原有批注只去掉了 JX 的说明` : "";
    return `已清除 JX 标注：${record.cells.length} 处填充色，${record.notesRemoved.length} 条批注${kept}。`;
  }

  async undo(): Promise<string> {
    const last = this.last;
    if (!last) return "没有可撤销的 JX 操作。";
    undoRecord(this.app(), last.record);
    await this.store.set(ANNOTATIONS_KEY, last.annotationsBefore);
    this.last = null;
    // The cells are back as they were before the action: so are the findings (checked again, no read).
    this.held.after(last.gridBefore, this.tables);
    return last.gridBefore ? `已撤销“${last.label}”。` : `已撤销“${last.label}”。${RECHECK_AFTER_UNDO}`;
  }

  async insertTemplate(_build: TemplateBuilder): Promise<string> {
    throw new Error(WPS_NO_TEMPLATE_INSERT);
  }

  async select(finding: Pick<Finding, "sheet" | "cell">): Promise<void> {
    selectCell(this.app(), finding.sheet, finding.cell);
  }

  async selectTable(table: TableSummary): Promise<void> {
    selectCell(this.app(), table.sheet, parseRangeA1(table.range) ? table.range : "A1");
  }

  private annotationBook(): AnnotationBook {
    return annotationBook(this.store);
  }
}
