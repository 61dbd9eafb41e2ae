import { BUILTIN_DEFAULTS, SETTINGS_KEY, loadBureauDefaults, loadSettings, localSettingsStore, officeSettingsStore, sanitizeSettings } from "../../taskpane/state/settings";

test("sanitizeSettings keeps known values and drops the rest", () => {
  const s = sanitizeSettings({ stepCounting: "whole", rounding: "三位小数", tolerance: 7, extra: 1 }, BUILTIN_DEFAULTS);
  expect(s).toEqual({ ...BUILTIN_DEFAULTS, stepCounting: "whole" });
  expect(sanitizeSettings("not an object", BUILTIN_DEFAULTS)).toEqual(BUILTIN_DEFAULTS);
});

test("settings are kept in the workbook's document settings and saved with saveAsync", async () => {
  (globalThis as unknown as { Office: unknown }).Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
  const values = new Map<string, unknown>();
  let saves = 0;
  const docSettings = {
    get: (k: string) => values.get(k),
    set: (k: string, v: unknown) => values.set(k, v),
    saveAsync: (cb: (r: { status: string }) => void) => {
      saves += 1;
      cb({ status: "succeeded" });
    },
  } as unknown as Office.Settings;
  const store = officeSettingsStore(docSettings);
  await store.set(SETTINGS_KEY, { ...BUILTIN_DEFAULTS, gradeScheme: "80-70-60" });
  expect(saves).toBe(1);
  expect(loadSettings(store, BUILTIN_DEFAULTS).gradeScheme).toBe("80-70-60");

  const failing = officeSettingsStore({ ...docSettings, saveAsync: (cb: (r: unknown) => void) => cb({ status: "failed", error: { message: "denied" } }) } as unknown as Office.Settings);
  await expect(failing.set(SETTINGS_KEY, BUILTIN_DEFAULTS)).rejects.toThrow("设置未能保存到工作簿：denied");
});

test("browser settings live in localStorage; a damaged entry falls back to the defaults", async () => {
  const data = new Map<string, string>();
  const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage;
  const store = localSettingsStore(storage);
  await store.set(SETTINGS_KEY, { ...BUILTIN_DEFAULTS, qualitativeBands: "80/50" });
  expect(loadSettings(store, BUILTIN_DEFAULTS).qualitativeBands).toBe("80/50");
  data.set(SETTINGS_KEY, "{broken");
  expect(loadSettings(store, BUILTIN_DEFAULTS)).toEqual(BUILTIN_DEFAULTS);
});

test("the bureau's jx-defaults.json overrides the built-in defaults; a missing file does not", async () => {
  const bureau = await loadBureauDefaults((async () => ({ ok: true, json: async () => ({ stepCounting: "nearest", tolerance: 0.01 }) })) as unknown as typeof fetch);
  expect(bureau).toEqual({ ...BUILTIN_DEFAULTS, stepCounting: "nearest", tolerance: 0.01 });
  expect(await loadBureauDefaults((async () => ({ ok: false })) as unknown as typeof fetch)).toEqual(BUILTIN_DEFAULTS);
  expect(await loadBureauDefaults((async () => Promise.reject(new Error("offline"))) as unknown as typeof fetch)).toEqual(BUILTIN_DEFAULTS);
});
