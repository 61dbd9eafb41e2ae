/**
 * Inside Excel or in a plain browser? Office.onReady reports host null outside Office, and office.js may be
 * absent altogether (opened from disk, or blocked): then it is a browser. @microsoft/office-js-helpers'
 * Utilities.isAddin does the same test, but pulls a 2017 bundle (rxjs 5, core-js 2) into the pane for it.
 */
export type HostKind = "excel" | "browser";

export async function detectHost(office: typeof Office | undefined, timeoutMs = 3000): Promise<HostKind> {
  if (!office || typeof office.onReady !== "function") return "browser";
  const ready = office.onReady().then((info) => (info.host === office.HostType.Excel ? "excel" : "browser") as HostKind);
  // office.js outside Office resolves at once; a hung load must not leave the page blank.
  const timeout = new Promise<HostKind>((resolve) => setTimeout(() => resolve("browser"), timeoutMs));
  return Promise.race([ready, timeout]);
}
