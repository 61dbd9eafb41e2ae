/**
 * What the production build leaves alone: Microsoft's office.js files and exceljs's minified browser build
 * are already minified, so the build copies them as they are (minifying them again took most of the build).
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { dirname, join, resolve } from "path";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");

beforeAll(() => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html 不存在：请先运行 npm run build。");
});

test("office.js files in dist are byte for byte Microsoft's", () => {
  const source = dirname(require.resolve("@microsoft/office-js/dist/office.js"));
  const files = readdirSync(join(DIST, "office-js")).filter((f) => f.endsWith(".js"));
  expect(files).toContain("office.js");
  expect(files.some((f) => f.startsWith("excel-"))).toBe(true);
  for (const f of files) expect(readFileSync(join(DIST, "office-js", f)).equals(readFileSync(join(source, f)))).toBe(true);
});

test("exceljs's minified build sits unchanged in its own on-demand chunk, exceljs.js", () => {
  const chunk = readFileSync(join(DIST, "exceljs.js"), "utf8");
  const original = readFileSync(require.resolve("exceljs/dist/exceljs.min.js"), "utf8");
  // webpack wraps the module and rewrites its module-system preamble; the code itself is carried verbatim.
  const pane = readFileSync(join(DIST, "taskpane.js"), "utf8");
  for (const at of [0.25, 0.5, 0.75]) {
    const i = Math.floor(original.length * at);
    const sample = original.slice(i, i + 2000);
    expect(chunk).toContain(sample);
    expect(pane).not.toContain(sample);
  }
});
