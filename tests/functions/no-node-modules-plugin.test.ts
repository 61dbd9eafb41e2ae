import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { NoNodeModulesPlugin } = require("../../scripts/no-node-modules-plugin") as { NoNodeModulesPlugin: new (o: { chunks: string[] }) => webpack.WebpackPluginInstance };

/** Compiles two tiny entries the way webpack.config.js does (Node built-ins ignored) and returns the errors. */
function compile(functionsSource: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "jx-nonode-"));
  writeFileSync(join(dir, "functions.js"), functionsSource);
  writeFileSync(join(dir, "taskpane.js"), 'import { readFile } from "fs"; export const r = typeof readFile;\n');
  const compiler = webpack({
    mode: "development",
    context: dir,
    entry: { functions: "./functions.js", taskpane: "./taskpane.js" },
    output: { path: join(dir, "dist") },
    resolve: { fallback: { fs: false, path: false } },
    plugins: [new NoNodeModulesPlugin({ chunks: ["functions"] })],
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || !stats) return reject(err);
      compiler.close(() => resolve(stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? []));
    }),
  );
}

describe("NoNodeModulesPlugin", () => {
  test("fails the build when the functions bundle imports a Node built-in, directly or lazily", async () => {
    expect((await compile('import path from "path"; export const p = path;\n')).join()).toMatch(/functions bundle imports the Node-only module "path"/);
    expect((await compile('export const load = () => import("fs");\n')).join()).toMatch(/Node-only module "fs"/);
  }, 60000);

  test("lets the task pane keep its ignored built-ins while the functions bundle has none", async () => {
    expect(await compile("export const x = 1;\n")).toEqual([]);
  }, 60000);
});
