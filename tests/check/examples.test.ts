import { join } from "path";
import { readGrids } from "../../src/adapters/xlsx";
import { checkWorkbook } from "../../src/check";
import { EXAMPLES, specToGrid } from "../../examples/specs";

const DIR = join(__dirname, "..", "..", "examples");

describe.each(EXAMPLES.map((e) => [e.file, e] as const))("committed example %s", (file, spec) => {
  test("matches its spec (run `npm run examples` after changing a spec)", async () => {
    const fromFile = await readGrids(join(DIR, file));
    const fromSpec = spec.sheets.map(specToGrid);
    expect(fromFile.map((g) => g.name)).toEqual(fromSpec.map((g) => g.name));
    fromSpec.forEach((g, i) => {
      const f = fromFile[i];
      const sort = (m: typeof g.merges) => [...m].sort((a, b) => a.top - b.top || a.left - b.left);
      expect(sort(f.merges)).toEqual(sort(g.merges));
      for (let r = 0; r < g.rowCount; r++) {
        for (let c = 0; c < g.colCount; c++) {
          const expected = g.cells[r]?.[c];
          const inside = g.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
          if (inside) continue;
          expect([r, c, f.cells[r]?.[c]?.value ?? null]).toEqual([r, c, expected?.value ?? null]);
          if (expected?.numFmt) expect(f.cells[r]?.[c]?.numFmt).toBe(expected.numFmt);
        }
      }
    });
  });

  test("checks the same from the file as from the spec", async () => {
    const a = checkWorkbook(await readGrids(join(DIR, file)));
    const b = checkWorkbook(spec.sheets.map(specToGrid));
    expect(a.tables).toEqual(b.tables);
    expect(a.findings).toEqual(b.findings);
    expect(a.tables.length).toBeGreaterThan(0);
  });
});
