/**
 * The ET stand-in (tests/adapters/et-stand-in.ts) in a browser page: bundled with esbuild into an init
 * script that builds it from a sheet spec and gives the page what a WPS task pane sees — window.Application
 * (the ET object model) and window.wps (EtApplication, PluginStorage). The stand-in itself is kept at
 * window.__standIn for the test to read cells, fills and comments (those reads are not counted as calls).
 */
import { buildSync } from "esbuild";
import { resolve } from "path";
import type { Grid } from "../../src/sheet/types";
import { a1, rangeA1 } from "../../src/sheet/address";
import type { StandInSheetSpec } from "../adapters/et-stand-in";

let bundle: string | null = null;

function standInBundle(): string {
  if (bundle === null) {
    const out = buildSync({
      entryPoints: [resolve(__dirname, "../adapters/et-stand-in.ts")],
      bundle: true,
      format: "iife",
      globalName: "__JxEtStandIn",
      platform: "browser",
      target: "es2020",
      write: false,
    });
    bundle = out.outputFiles[0].text;
  }
  return bundle;
}

/** A Grid as the stand-in's spec: formulas typed with "=", their cached values, formats, merges, notes. */
export function specFromGrid(grid: Grid, extra: Pick<StandInSheetSpec, "notes" | "fills"> = {}): StandInSheetSpec {
  const rows: (string | number | boolean)[][] = [];
  const formulaValues: Record<string, string | number | boolean> = {};
  const numberFormats: Record<string, string> = {};
  const texts: string[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = 0; c < grid.colCount; c++) {
      const cell = grid.cells[r]?.[c];
      const addr = a1(r, c);
      const v = cell?.value;
      const value = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : v;
      if (cell?.formula) {
        row.push(`=${cell.formula}`);
        if (value !== "") formulaValues[addr] = value;
      } else {
        row.push(value);
        if (typeof value === "string" && value.startsWith("=")) texts.push(addr);
      }
      if (cell?.numFmt && cell.numFmt !== "General" && value !== "") numberFormats[addr] = cell.numFmt;
    }
    rows.push(row);
  }
  return { name: grid.name, rows, formulaValues, numberFormats, texts, merged: grid.merges.map(rangeA1), ...extra };
}

/** The init script: the stand-in over `specs`, window.Application and window.wps. */
export function wpsInitScript(specs: StandInSheetSpec[]): string {
  return `${standInBundle()}
(function () {
  var s = __JxEtStandIn.etStandIn(${JSON.stringify(specs)});
  var storage = {};
  window.__standIn = s;
  window.__pluginStorage = storage;
  window.Application = s.app;
  window.wps = {
    EtApplication: function () { return s.app; },
    PluginStorage: {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(storage, k) ? storage[k] : null; },
      setItem: function (k, v) { storage[k] = String(v); },
    },
  };
})();
`;
}
