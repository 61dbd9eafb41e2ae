/**
 * An Excel workbook on office-addin-mock for 插入标准模板: named sheets, insertWorksheetsFromBase64 (its
 * result readable only after the sync, as in Excel), sheet protection, formula writes and deletion, each
 * recorded in order.
 */
import type { OfficeMockObject as MockObject } from "office-addin-mock";

// Same reason as tests/adapters/office-mock.ts: office-addin-manifest ships ESM jest cannot load.
if (typeof jest !== "undefined") {
  jest.mock(require.resolve("office-addin-manifest", { paths: [require.resolve("office-addin-mock")] }), () => ({
    OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
  }));
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { OfficeMockObject } = require("office-addin-mock") as { OfficeMockObject: typeof MockObject };

export interface WorkbookMock {
  context: Excel.RequestContext;
  syncCount: () => number;
  /** What happened, in order: "insert", "unprotect:S", "formulas:S!A1:A3", "protect:S", "activate:S", "delete:S". */
  log: string[];
  inserted: { base64: string; options: unknown }[];
  formulas: { sheet: string; address: string; formulas: unknown }[];
  /** Sheet names now in the workbook. */
  names: () => string[];
  /** The official renames a sheet. */
  rename: (from: string, to: string) => void;
}

/** `insertedNames` are the sheet names the next insert adds (what the base64 file holds). */
export function mockWorkbook(existing: string[], insertedNames: string[]): WorkbookMock {
  let syncs = 0;
  const log: string[] = [];
  const inserted: WorkbookMock["inserted"] = [];
  const formulas: WorkbookMock["formulas"] = [];
  const sheets = existing.map((name, i) => ({ id: `{old-${i}}`, name }));

  const sheetProxy = (key: string) => {
    const name = () => sheets.find((s) => s.id === key || s.name === key)?.name ?? key;
    return {
      protection: { unprotect: () => log.push(`unprotect:${name()}`), protect: (o: unknown) => log.push(`protect:${name()}:${JSON.stringify(o)}`) },
      getRange: (address: string) =>
        new Proxy({ address } as Record<string, unknown>, {
          set(_t, k, v) {
            if (k === "formulas") {
              formulas.push({ sheet: name(), address, formulas: v });
              log.push(`formulas:${name()}!${address}`);
            }
            return true;
          },
        }),
      activate: () => log.push(`activate:${name()}`),
    };
  };

  const root: MockObject = new OfficeMockObject({
    workbook: {
      insertWorksheetsFromBase64: (base64: string, options: unknown) => {
        inserted.push({ base64, options });
        log.push("insert");
        const ids = insertedNames.map((name, i) => {
          const id = `{new-${inserted.length}-${i}}`;
          sheets.push({ id, name });
          return id;
        });
        const at = syncs;
        // Like a ClientResult: its value exists only after the sync that carried the call.
        return {
          get value() {
            if (syncs <= at) throw new Error("ClientResult.value read before context.sync()");
            return ids;
          },
        };
      },
    },
  });
  // office-addin-mock cannot load "items/name" (a path through an array): this collection answers it,
  // and, as in Excel, only after the sync that follows the load.
  let namesLoadedAt: number | null = null;
  (root.workbook as unknown as { worksheets: unknown }).worksheets = {
    load: (what: string) => {
      if (what !== "items/name") throw new Error(`mock: unexpected load ${what}`);
      namesLoadedAt = syncs;
    },
    get items() {
      if (namesLoadedAt === null || syncs <= namesLoadedAt) throw new Error("worksheets.items read before load + context.sync()");
      return sheets.map((s) => ({ name: s.name }));
    },
    getItem: (key: string) => sheetProxy(key),
    getItemOrNullObject: (key: string) => {
      const s = sheets.find((x) => x.id === key || x.name === key);
      const proxy = {
        isNullObject: !s,
        name: s?.name,
        load: () => proxy,
        delete: () => {
          log.push(`delete:${s?.name}`);
          if (s) sheets.splice(sheets.indexOf(s), 1);
        },
      };
      return proxy;
    },
  };
  const baseSync = root.sync.bind(root);
  root.sync = async () => {
    syncs += 1;
    await baseSync();
  };
  return { context: root as unknown as Excel.RequestContext, syncCount: () => syncs, log, inserted, formulas, names: () => sheets.map((s) => s.name),
    rename: (from, to) => {
      const s = sheets.find((x) => x.name === from);
      if (!s) throw new Error(`mock: no sheet ${from}`);
      s.name = to;
    },
  };
}
