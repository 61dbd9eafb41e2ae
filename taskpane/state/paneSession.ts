/** What the in-host pane (ExcelPane) needs from a host session: Excel (excelSession.ts) or WPS (wpsSession.ts). */
import type { ExcelSession } from "./excelSession";

export type PaneSession = Pick<ExcelSession, "check" | "write" | "clear" | "undo" | "insertTemplate" | "select" | "selectTable" | "canUndo" | "markStale" | "tables" | "applyTables" | "result"> &
  /** 识别所选区域: where the host tells the pane its selection (Excel, WPS). */
  Partial<Pick<ExcelSession, "checkSelection">> & {
    /** The 标准模板 tab's hint where it differs from Excel's (WPS cannot insert a template). */
    readonly templateHint?: string;
    /** False where the host cannot insert a template (WPS): the tab's button is disabled, its hint says what to do. */
    readonly canInsertTemplates?: boolean;
    /** Where settings and corrections are kept, where it is not the workbook ("随工作簿保存"). */
    readonly keptWhere?: string;
  };
