/**
 * Which Excel API sets this host offers, checked at run time, and the Chinese message shown when a
 * feature degrades. Excel 2016 perpetual stops at ExcelApi 1.2-1.4; notes need Microsoft 365 (1.18).
 */
export interface OfficeCapabilities {
  /** getCellProperties / setCellProperties, special cells, suspendScreenUpdatingUntilNextSync. */
  cellProperties: boolean;
  /** Worksheet change events (ExcelApi 1.7; the workbook-wide collection event needs 1.9): tell the pane its read is stale. */
  events: boolean;
  /** getMergedAreasOrNullObject, insertWorksheetsFromBase64. */
  mergedAreas: boolean;
  insertWorksheets: boolean;
  /** Workbook comments (1.10): the fallback for notes. */
  comments: boolean;
  /** Notes (批注, ExcelApi 1.18). */
  notes: boolean;
}

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): OfficeCapabilities {
  const at = (v: string) => isSetSupported("ExcelApi", v);
  return {
    events: at("1.7"),
    cellProperties: at("1.9"),
    mergedAreas: at("1.13"),
    insertWorksheets: at("1.13"),
    comments: at("1.10"),
    notes: at("1.18"),
  };
}

/** The host's own requirement check; all false outside Office. */
export function hostCapabilities(): OfficeCapabilities {
  const req = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return detectCapabilities((name, v) => (req ? req.isSetSupported(name, v) : false));
}

/** Chinese notes for the pane about what this Excel cannot do. */
export function capabilityWarnings(c: OfficeCapabilities): string[] {
  const out: string[] = [];
  if (!c.cellProperties) out.push("此版本 Excel 不支持 ExcelApi 1.9：无法批量读取和设置填充色，标注差异与撤销填充不可用，请升级到 Microsoft 365 或使用浏览器版检查文件。");
  if (!c.mergedAreas) out.push("此版本 Excel 不支持 ExcelApi 1.13：无法读取合并单元格，合并的指标名称可能识别不全；也无法从文件插入工作表。");
  if (!c.notes && c.comments) out.push("此版本 Excel 不支持批注（ExcelApi 1.18）：差异说明将写成批注式“注释”（ExcelApi 1.10）。");
  if (!c.notes && !c.comments) out.push("此版本 Excel 不支持批注和注释（需要 ExcelApi 1.10 以上）：差异说明只在任务窗格中显示，不写入单元格。");
  return out;
}
