/**
 * The pane's scoring settings: the engine's readings plus the divergence tolerance. In Excel they are kept
 * with the workbook (Office document settings), so whoever opens the file next checks it the same way; in
 * a browser they are kept in localStorage. The bureau default is DEFAULT_OPTIONS, optionally overridden by
 * a jx-defaults.json the bureau places beside taskpane.html.
 */
import { DEFAULT_OPTIONS, OPTION_LABELS } from "../../src/rules/options";
import type { ScoringOptions } from "../../src/rules/types";

export interface PaneSettings extends ScoringOptions {
  /** Reported vs computed score difference tolerated (default 0.005). */
  tolerance: number;
}

export const BUILTIN_DEFAULTS: PaneSettings = { ...DEFAULT_OPTIONS, tolerance: 0.005 };

export const SETTINGS_KEY = "jx.settings";

/** Where settings live: Office.context.document.settings in Excel, localStorage in a browser. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): Promise<void>;
}

/** Keeps only known keys with allowed values: a hand-edited file or an older version never breaks the pane. */
export function sanitizeSettings(raw: unknown, base: PaneSettings): PaneSettings {
  const out: PaneSettings = { ...base };
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(OPTION_LABELS) as (keyof ScoringOptions)[]) {
    const v = r[key];
    if (typeof v === "string" && v in OPTION_LABELS[key].values) (out as unknown as Record<string, unknown>)[key] = v;
  }
  const t = r.tolerance;
  if (typeof t === "number" && Number.isFinite(t) && t >= 0 && t <= 1) out.tolerance = t;
  return out;
}

export function officeSettingsStore(settings: Office.Settings): SettingsStore {
  return {
    get: (key) => settings.get(key),
    set: (key, value) =>
      new Promise((resolve, reject) => {
        settings.set(key, value);
        settings.saveAsync((res) => (res.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(`设置未能保存到工作簿：${res.error?.message ?? "未知原因"}`))));
      }),
  };
}

export function localSettingsStore(storage: Storage): SettingsStore {
  return {
    get: (key) => {
      const text = storage.getItem(key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    },
    set: async (key, value) => storage.setItem(key, JSON.stringify(value)),
  };
}

/** The bureau's defaults: jx-defaults.json served beside the pane, else the built-in national readings. */
export async function loadBureauDefaults(fetchFn: typeof fetch | undefined): Promise<PaneSettings> {
  if (!fetchFn) return BUILTIN_DEFAULTS;
  try {
    const res = await fetchFn("jx-defaults.json", { cache: "no-store" });
    if (!res.ok) return BUILTIN_DEFAULTS;
    return sanitizeSettings(await res.json(), BUILTIN_DEFAULTS);
  } catch {
    return BUILTIN_DEFAULTS;
  }
}

export function loadSettings(store: SettingsStore, defaults: PaneSettings): PaneSettings {
  return sanitizeSettings(store.get(SETTINGS_KEY), defaults);
}

export function scoringOptions(s: PaneSettings): ScoringOptions {
  const { tolerance: _t, ...options } = s;
  return options;
}
