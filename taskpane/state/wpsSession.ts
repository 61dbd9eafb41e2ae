/**
 * What the pane does inside WPS 表格, over src/adapters/wps.ts: the same actions and messages as the Excel
 * session. WPS gives the pane no change events, so every write reads the sheet again first (read once,
 * write once per action); 撤销 puts back the snapshot the last action recorded.
 */
import { activeSheetName, applyPlan, clearAnnotations, readSheet, selectCell, undo as undoRecord, type Annotation, type EtApplication, type UndoRecord, type WpsSheetRead } from "../../src/adapters/wps";
import { parseRangeA1 } from "../../src/sheet/address";
import type { Finding, TableSummary } from "../../src/check/types";
import { makePlan, runCheck, type PlanOptions, type WorkbookCheck } from "./engine";
import { ANNOTATIONS_KEY, type TemplateBuilder, type WriteOutcome } from "./excelSession";
import type { PaneSettings, SettingsStore } from "./settings";
import type { TableOverride } from "../../src/sheet/override";
import { TABLES_KEY, sanitizeOverrides } from "./tables";

type AnnotationBook = Record<string, Annotation[]>;

export const WPS_NO_TEMPLATE_INSERT = "在 WPS 中暂不能把标准模板插入当前工作簿。请在浏览器版页面下载模板，或用 jx template 命令生成模板文件，再在 WPS 中打开。";

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
  private last: { label: string; record: UndoRecord; annotationsBefore: AnnotationBook } | null = null;
  result: WorkbookCheck | null = null;

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
    this.result = runCheck([this.read.grid], settings, tables);
    return this.result;
  }

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
    this.last = { label, record: applied.undo, annotationsBefore: before };
    const scores = own.filter((a) => a.kind === "set-value" || a.kind === "set-formula").length;
    const fills = own.filter((a) => a.kind === "fill").length;
    const parts = [scores ? `写入得分 ${scores} 处` : "", fills ? `标注 ${fills} 个单元格` : ""].filter(Boolean);
    let message = `${label}完成：${parts.join("，") || "无改动"}。`;
    const jxNoted = new Set((before[read.grid.name] ?? []).filter((a) => a.note).map((a) => a.cell));
    const again = applied.skippedNotes.filter((c) => jxNoted.has(c));
    const theirs = applied.skippedNotes.filter((c) => !jxNoted.has(c));
    const appended = applied.appendedNotes ?? [];
    if (appended.length) {
      const cells = appended.length <= 5 ? appended.join("、") : `${appended.slice(0, 5).join("、")} 等 ${appended.length} 个单元格`;
      message += `${cells} 原有批注保留，JX 的说明加在“【JX校验】”之后。`;
    }
    if (theirs.length) message += `${theirs.join("、")} 已有批注，JX 未改动，说明见任务窗格。`;
    if (again.length) message += `${again.length} 个单元格已有 JX 批注，未重复添加（要更新说明，请先“清除标注”）。`;
    return { message, skippedNotes: applied.skippedNotes };
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
    this.last = { label: "清除标注", record, annotationsBefore: before };
    const kept = record.notesChanged?.length ? `，${record.notesChanged.length} 条原有批注只去掉了 JX 的说明` : "";
    return `已清除 JX 标注：${record.cells.length} 处填充色，${record.notesRemoved.length} 条批注${kept}。`;
  }

  async undo(): Promise<string> {
    const last = this.last;
    if (!last) return "没有可撤销的 JX 操作。";
    undoRecord(this.app(), last.record);
    await this.store.set(ANNOTATIONS_KEY, last.annotationsBefore);
    this.last = null;
    return `已撤销“${last.label}”。`;
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
    const raw = this.store.get(ANNOTATIONS_KEY);
    return raw && typeof raw === "object" ? { ...(raw as AnnotationBook) } : {};
  }
}

function mergeAnnotations(existing: Annotation[], added: Annotation[]): Annotation[] {
  const byCell = new Map(existing.map((a) => [a.cell, a]));
  for (const a of added) {
    const old = byCell.get(a.cell);
    byCell.set(a.cell, old ? { ...a, fillBefore: old.fillBefore, note: a.note ?? old.note, noteText: a.noteText ?? old.noteText } : a);
  }
  return [...byCell.values()];
}
