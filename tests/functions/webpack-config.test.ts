import { join } from "path";

// The certificate tool installs a CA on the machine: here it only records that it was asked.
const mockGetHttpsServerOptions = jest.fn(async () => ({ ca: "CA", key: "KEY", cert: "CERT" }));
jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: () => mockGetHttpsServerOptions() }));

type Config = {
  entry: Record<string, string>;
  devServer?: unknown;
  plugins: { constructor: { name: string }; userOptions?: { filename?: string; chunks?: string[] } }[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config>;

describe("webpack.config.js", () => {
  test("two entries: the task pane and the custom functions", async () => {
    const config = await makeConfig({}, { mode: "production" });
    expect(Object.keys(config.entry).sort()).toEqual(["functions", "taskpane"]);
    expect(config.entry.taskpane).toBe("./taskpane/index.tsx");
    expect(config.entry.functions).toBe(join(__dirname, "..", "..", "functions", "functions.ts"));
  });

  test("excel.html carries both bundles (shared runtime); taskpane.html (plain browser) the pane only; functions.html only the functions", async () => {
    const config = await makeConfig({}, { mode: "production" });
    const pages = config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions);
    expect(pages).toContainEqual(expect.objectContaining({ filename: "excel.html", chunks: ["taskpane", "functions"] }));
    expect(pages).toContainEqual(expect.objectContaining({ filename: "taskpane.html", chunks: ["taskpane"] }));
    expect(pages).toContainEqual(expect.objectContaining({ filename: "functions.html", chunks: ["functions"] }));
  });

  test("metadata, zh-CN derivation and the Node-module guard are in the build", async () => {
    const names = (await makeConfig({}, { mode: "production" })).plugins.map((p) => p.constructor.name);
    expect(names).toEqual(expect.arrayContaining(["CustomFunctionsMetadataPlugin", "ZhCnMetadataPlugin", "NoNodeModulesPlugin", "CopyPlugin"]));
  });

  test("a build (not serving) asks for no dev certificates and has no dev server", async () => {
    mockGetHttpsServerOptions.mockClear();
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(config.devServer).toBeUndefined();
    expect(mockGetHttpsServerOptions).not.toHaveBeenCalled();
  });

  test("serving (webpack serve) uses office-addin-dev-certs for https://localhost:3000", async () => {
    mockGetHttpsServerOptions.mockClear();
    const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(mockGetHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(config.devServer).toMatchObject({ port: 3000, server: { type: "https", options: { ca: "CA", key: "KEY", cert: "CERT" } } });
  });

  test("the dev server listens on localhost only and sends no wildcard CORS header", async () => {
    const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    const dev = config.devServer as { host?: string; allowedHosts?: string[]; headers?: Record<string, string> };
    expect(dev.host).toBe("localhost");
    expect(dev.allowedHosts).toEqual(["localhost"]);
    expect(JSON.stringify(dev.headers ?? {})).not.toContain("Access-Control-Allow-Origin");
  });
});
