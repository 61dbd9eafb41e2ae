/** What the in-host pane (ExcelPane) needs from a host session: Excel (excelSession.ts) or WPS (wpsSession.ts). */
import type { ExcelSession } from "./excelSession";

export type PaneSession = Pick<ExcelSession, "check" | "write" | "clear" | "undo" | "insertTemplate" | "select" | "selectTable" | "canUndo" | "markStale">;
