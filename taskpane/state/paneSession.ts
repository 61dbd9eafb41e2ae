/** What the in-host pane (ExcelPane) needs from a host session: Excel (excelSession.ts) or WPS (wpsSession.ts). */
import type { ExcelSession } from "./excelSession";

export type PaneSession = Pick<ExcelSession, "check" | "write" | "clear" | "undo" | "insertTemplate" | "select" | "selectTable" | "canUndo" | "markStale" | "tables" | "applyTables"> &
  /** 识别所选区域: where the host tells the pane its selection (Excel; not WPS yet). */
  Partial<Pick<ExcelSession, "checkSelection">>;
