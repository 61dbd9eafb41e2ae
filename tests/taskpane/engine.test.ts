import { readGrids } from "../../src/adapters/xlsx";
import type { Finding } from "../../src/check/types";
import { findingsOfTable, groupFindings, overwriteCount, runCheck } from "../../taskpane/state/engine";
import { checkedName } from "../../taskpane/state/browserSession";
import { detectHost, officePageFor } from "../../taskpane/host";
import { BUILTIN_DEFAULTS } from "../../taskpane/state/settings";

const f = (cell: string, kind: Finding["kind"], severity: Finding["severity"], sheet = "表"): Finding => ({ sheet, cell, kind, severity, reported: null, computed: null, message: cell });

test("groupFindings: errors first, kinds in order of appearance, counts", () => {
  const groups = groupFindings([f("A1", "score-missing", "warning"), f("B2", "score-diverges", "error"), f("B3", "weight-sum", "error"), f("B4", "score-diverges", "error")]);
  expect(groups.map((g) => [g.severity, g.count])).toEqual([["error", 3], ["warning", 1]]);
  expect(groups[0].kinds.map((k) => [k.kind, k.findings.length])).toEqual([["score-diverges", 2], ["weight-sum", 1]]);
});

test("findingsOfTable keeps the findings inside the table's range and sheet", () => {
  const table = { sheet: "表", range: "B3:D10", indicators: 1, weightSum: 100, total: { reported: null, computed: null }, grade: { reported: null, computed: null } };
  const kept = findingsOfTable([f("B3", "weight-sum", "error"), f("E5", "weight-sum", "error"), f("C10", "weight-sum", "error"), f("C5", "weight-sum", "error", "别的表")], table);
  expect(kept.map((x) => x.cell)).toEqual(["B3", "C10"]);
});

test("overwriteCount counts only the reported scores an overwrite would replace (seeds/000 example)", async () => {
  const result = runCheck(await readGrids(`${__dirname}/../../examples/000-部门整体绩效自评表.xlsx`), BUILTIN_DEFAULTS);
  const replaceable = result.findings.filter((x) => (x.kind === "score-diverges" || x.kind === "score-exceeds-weight") && x.severity === "error");
  expect(overwriteCount(result, "values")).toBe(replaceable.length);
});

test("the checked copy is named <name>.checked.xlsx", () => {
  expect(checkedName("2020年自评表.xlsx")).toBe("2020年自评表.checked.xlsx");
  expect(checkedName("表.XLSX")).toBe("表.checked.xlsx");
});

test("detectHost: no office.js, or Office reporting no host, is the browser", async () => {
  expect(await detectHost(undefined)).toBe("browser");
  const office = (host: string | null) => ({ HostType: { Excel: "Excel" }, onReady: async () => ({ host, platform: null }) }) as unknown as typeof Office;
  expect(await detectHost(office(null))).toBe("browser");
  expect(await detectHost(office("Excel"))).toBe("excel");
  const hung = { HostType: { Excel: "Excel" }, onReady: () => new Promise(() => undefined) } as unknown as typeof Office;
  expect(await detectHost(hung, 10)).toBe("browser");
});

test("officePageFor: a taskpane.html opened by Office (an older manifest) goes to excel.html, query kept; a browser stays", () => {
  const loc = (pathname: string, search = "", hash = "") => ({ pathname, search, hash });
  expect(officePageFor(loc("/jx/taskpane.html", "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", "#x"))).toBe("/jx/excel.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0#x");
  expect(officePageFor(loc("/taskpane.html", "?a=1&_host_info=Excel$Web$16.01"))).toBe("/excel.html?a=1&_host_info=Excel$Web$16.01");
  expect(officePageFor(loc("/taskpane.html"))).toBeNull();
  expect(officePageFor(loc("/taskpane.html", "?my_host_Info=1"))).toBeNull();
  expect(officePageFor(loc("/excel.html", "?_host_Info=Excel$Win32"))).toBeNull();
});
