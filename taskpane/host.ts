/**
 * Inside Excel or in a plain browser? Excel loads excel.html, which carries office.js; the plain-browser
 * page taskpane.html carries none, so there `Office` is undefined and this says "browser" at once. On
 * excel.html Office.onReady reports host null outside Office, and office.js may be
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


/**
 * Where a taskpane.html opened by Office should go: excel.html with the same query and hash. Office adds
 * `_host_Info` to the query of the page a manifest names; a manifest written before the pages were split
 * still names taskpane.html, which has no office.js. Null in a plain browser (and on excel.html).
 */
export function officePageFor(location: { pathname: string; search: string; hash: string }): string | null {
  if (!/[?&]_host_Info=/i.test(location.search)) return null;
  if (!/(^|\/)taskpane\.html$/i.test(location.pathname)) return null;
  return location.pathname.replace(/taskpane\.html$/i, "excel.html") + location.search + location.hash;
}
