/** Entry point: decide Excel or browser, load settings, render the pane. */
import { createRoot } from "react-dom/client";
import { capabilityWarnings, hostCapabilities } from "../src/adapters/office-capabilities";
import { App } from "./App";
import { BrowserPane } from "./BrowserPane";
import { ExcelPane } from "./ExcelPane";
import { detectHost, officePageFor } from "./host";
import { ExcelSession } from "./state/excelSession";
import { loadBureauDefaults, loadSettings, localSettingsStore, officeSettingsStore } from "./state/settings";

async function main(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const office = typeof Office !== "undefined" ? Office : undefined;
  const host = await detectHost(office);
  const defaults = await loadBureauDefaults(typeof fetch === "function" ? fetch.bind(window) : undefined);
  if (host === "excel") {
    const store = officeSettingsStore(Office.context.document.settings);
    const caps = hostCapabilities();
    const session = new ExcelSession((fn) => Excel.run(fn), caps, store);
    root.render(
      <App subtitle="Excel 加载项">
        <ExcelPane session={session} store={store} initialSettings={loadSettings(store, defaults)} defaults={defaults} warnings={capabilityWarnings(caps)} />
      </App>,
    );
  } else {
    const store = localSettingsStore(window.localStorage);
    root.render(
      <App subtitle="浏览器模式 · 文件不上传">
        <BrowserPane store={store} initialSettings={loadSettings(store, defaults)} defaults={defaults} />
      </App>,
    );
  }
}

const container = document.getElementById("root");
const officePage = typeof Office === "undefined" ? officePageFor(window.location) : null;
if (officePage) window.location.replace(officePage);
else if (container) void main(container);
