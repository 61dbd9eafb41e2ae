/**
 * The JX task pane inside WPS 表格: the Excel pane (taskpane/ExcelPane.tsx) over a WpsSession, the ET object
 * model being window.Application in a WPS task pane (wps.EtApplication() in older builds). Ribbon buttons
 * (main.js) leave their command in wps.PluginStorage; the pane runs it by pressing its own button or tab of
 * that name, so a ribbon click and a pane click do exactly the same thing.
 */
import { createRoot } from "react-dom/client";
import type { EtApplication } from "../../src/adapters/wps";
import { App } from "../../taskpane/App";
import { ExcelPane } from "../../taskpane/ExcelPane";
import { loadBureauDefaults, loadSettings } from "../../taskpane/state/settings";
import { WpsSession, workbookStore } from "../../taskpane/state/wpsSession";

interface WpsGlobal {
  EtApplication?: () => EtApplication;
  PluginStorage?: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}

const win = window as unknown as { Application?: EtApplication; wps?: WpsGlobal };

export function etApplication(): EtApplication {
  const app = win.Application ?? win.wps?.EtApplication?.();
  if (!app) throw new Error("没有找到 WPS 表格的对象模型（window.Application）。请在 WPS 表格的 JX 选项卡中打开本窗格。");
  return app;
}

/** Presses the pane's button or tab whose text starts with `label` (撤销 also matches 撤销“…”). */
export function pressByLabel(label: string): boolean {
  const candidates = [...document.querySelectorAll<HTMLElement>("button, [role=tab]")];
  const target = candidates.find((el) => (el.textContent ?? "").trim().startsWith(label));
  if (!target || (target as HTMLButtonElement).disabled) return false;
  target.click();
  return true;
}

/** Polls wps.PluginStorage for the ribbon's commands ({label, seq}); runs each once. */
export function watchRibbon(storage: NonNullable<WpsGlobal["PluginStorage"]>, intervalMs = 250): () => void {
  let seen: number | null = null;
  const tick = () => {
    const raw = storage.getItem("jx.command");
    if (typeof raw !== "string") return;
    let cmd: { label?: string; seq?: number };
    try {
      cmd = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof cmd.seq !== "number" || cmd.seq === seen || !cmd.label) return;
    if (pressByLabel(cmd.label)) seen = cmd.seq;
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return () => clearInterval(timer);
}

async function main(container: HTMLElement): Promise<void> {
  const store = workbookStore(window.localStorage, () => {
    try {
      return etApplication().ActiveWorkbook?.FullName ?? "";
    } catch {
      return "";
    }
  });
  const defaults = await loadBureauDefaults(typeof fetch === "function" ? fetch.bind(window) : undefined);
  const session = new WpsSession(etApplication, store);
  createRoot(container).render(
    <App subtitle="WPS 加载项">
      <ExcelPane session={session} store={store} initialSettings={loadSettings(store, defaults)} defaults={defaults} warnings={[]} />
    </App>,
  );
  if (win.wps?.PluginStorage) watchRibbon(win.wps.PluginStorage);
}

const container = document.getElementById("root");
if (container) void main(container);
