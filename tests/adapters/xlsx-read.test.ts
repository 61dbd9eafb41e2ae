import ExcelJS from "exceljs";
import { workbookToGrids } from "../../src/adapters/xlsx-core";

test("a formula whose cached result is 0 reads as 0, not as an empty cell", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell("A2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell("A3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const grid = workbookToGrids(back)[0];
  expect(grid.cells[0][0]).toMatchObject({ value: 0, formula: "1-1" });
  expect(grid.cells[1][0]).toMatchObject({ value: 2, formula: "1+1" });
  expect(grid.cells[2][0]).toMatchObject({ value: "#DIV/0!" });
});
