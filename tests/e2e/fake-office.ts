/**
 * A stand-in for office.js that says "this is Excel" and answers Excel.run with a sheet built from a Grid:
 * enough of the object model for the pane's reads and writes, recording every write and sync in
 * window.__jx. It replaces the real office.js only in the Excel-mode e2e test, to look at the pane as an
 * official would inside Excel (no Excel runs in CI).
 */
import type { Grid } from "../../src/sheet/types";
import { rangeA1 } from "../../src/sheet/address";

/** `insertedNames`: the sheet names the file given to insertWorksheetsFromBase64 holds (the fake cannot unzip it). */
export function fakeOfficeScript(grid: Grid, insertedNames: string[] = []): string {
  const values = Array.from({ length: grid.rowCount }, (_, r) =>
    Array.from({ length: grid.colCount }, (_, c) => {
      const v = grid.cells[r]?.[c]?.value;
      return v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : v;
    }),
  );
  const formats = Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: grid.colCount }, (_, c) => grid.cells[r]?.[c]?.numFmt ?? "General"));
  const merged = grid.merges.map((m) => `${grid.name}!${rangeA1(m)}`).join(", ");
  return `
(function () {
  var jx = (window.__jx = { syncs: 0, writes: [], notes: [], selected: [], inserted: [], deleted: [] });
  // Sheets of the workbook; 插入标准模板 adds to it (insertWorksheetsFromBase64 records the file).
  var sheets = [{ id: "s0", name: ${JSON.stringify(grid.name)} }];
  var values = ${JSON.stringify(values)};
  var formats = ${JSON.stringify(formats)};
  var noFill = function () { return { format: { fill: { color: "#FFFFFF", pattern: "None" } } }; };
  function range(address) {
    var r = {
      address: address,
      load: function () { return r; },
      select: function () { jx.selected.push(address); },
      setCellProperties: function (m) { jx.writes.push({ address: address, cellProperties: m }); },
      getCellProperties: function () { return { value: [[noFill()]] }; },
      format: { fill: { clear: function () { jx.writes.push({ address: address, clear: true }); } } },
    };
    Object.defineProperty(r, "values", { set: function (v) { jx.writes.push({ address: address, values: v }); } });
    Object.defineProperty(r, "formulas", { set: function (v) { jx.writes.push({ address: address, formulas: v }); } });
    return r;
  }
  var used = {
    load: function () { return used; },
    isNullObject: false,
    address: ${JSON.stringify(grid.name)} + "!A1",
    values: values,
    formulas: values,
    numberFormat: formats,
    rowIndex: 0,
    columnIndex: 0,
    getMergedAreasOrNullObject: function () {
      var m = { isNullObject: ${merged ? "false" : "true"}, address: ${JSON.stringify(merged)}, load: function () { return m; } };
      return m;
    },
    getCellProperties: function () { return { value: values.map(function (row) { return row.map(noFill); }) }; },
  };
  var nullNote = function () { var n = { isNullObject: true, load: function () { return n; } }; return n; };
  var sheet = {
    name: ${JSON.stringify(grid.name)},
    load: function () { return sheet; },
    activate: function () {},
    getUsedRange: function () { return used; },
    getRange: range,
    notes: {
      getCount: function () { return { value: 0 }; },
      add: function (r, text) { jx.notes.push({ address: r.address, text: text }); },
      getItemOrNullObject: nullNote,
    },
    comments: { getCount: function () { return { value: 0 }; } },
    protection: {
      unprotect: function () { jx.writes.push({ protection: "unprotect" }); },
      protect: function (o) { jx.writes.push({ protection: "protect", options: o }); },
    },
  };
  var find = function (key) { return sheets.filter(function (s) { return s.id === key || s.name === key; })[0]; };
  var context = {
    workbook: {
      // 识别所选区域: the page sets window.__jxSelection ("A23:I52"); A1 otherwise.
      getSelectedRange: function () {
        var r = { address: ${JSON.stringify(grid.name)} + "!" + (window.__jxSelection || "A1"), load: function () { return r; } };
        return r;
      },
      worksheets: {
        getActiveWorksheet: function () { return sheet; },
        getItem: function () { return sheet; },
        onChanged: { add: function () {} },
        load: function () {},
        get items() { return sheets.map(function (s) { return { name: s.name }; }); },
        getItemOrNullObject: function (key) {
          var s = find(key);
          var o = { isNullObject: !s, name: s && s.name, load: function () { return o; }, delete: function () { jx.deleted.push(s.name); sheets.splice(sheets.indexOf(s), 1); } };
          return o;
        },
      },
      // The file's sheet names are not read here: the test opens the recorded base64 with exceljs.
      insertWorksheetsFromBase64: function (base64, options) {
        var n = jx.inserted.push({ base64: base64, options: options });
        var ids = ${JSON.stringify(insertedNames)}.map(function (name, i) {
          sheets.push({ id: "t" + n + "." + i, name: name });
          return "t" + n + "." + i;
        });
        return { value: ids };
      },
      comments: { add: function () { return { id: "c", load: function () { return this; } }; }, getItemOrNullObject: nullNote },
    },
    application: { suspendScreenUpdatingUntilNextSync: function () {} },
    sync: function () { jx.syncs += 1; return Promise.resolve(); },
  };
  var store = (window.__jxSettings = {});
  window.Office = {
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: function () { return Promise.resolve({ host: "Excel", platform: "PC" }); },
    context: {
      requirements: { isSetSupported: function () { return true; } },
      document: {
        settings: {
          get: function (k) { return store[k]; },
          set: function (k, v) { store[k] = v; },
          saveAsync: function (cb) { cb({ status: "succeeded" }); },
        },
      },
    },
  };
  window.Excel = { run: function (fn) { return fn(context); } };
})();
`;
}
