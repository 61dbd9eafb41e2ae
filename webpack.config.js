/* eslint-disable no-undef */
// Two entries, as in Microsoft's Excel-Custom-Functions-Shared template: the task pane and the =JX.*
// custom functions. Three pages: excel.html is what Excel loads (manifest.xml; with a shared runtime the
// functions code comes through it too), so it carries office.js and both bundles; taskpane.html is the
// plain-browser page — the task pane bundle only, no office.js (which would contact a Microsoft host) and a
// Content-Security-Policy for this site alone; functions.html carries only the functions bundle (a
// stand-alone page for trying the functions in a browser, not referenced by the manifest).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata-plugin");
const { NoNodeModulesPlugin } = require("./scripts/no-node-modules-plugin");
const { PreminifiedChunksPlugin } = require("./scripts/preminified-chunks-plugin");

const functionsSource = path.resolve(__dirname, "functions/functions.ts");
const devServerPort = 3000;
const OTHER_HOSTS = ["outlook", "word", "powerpoint", "project", "onenote", "access"];

module.exports = async (env, options) => {
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./taskpane/index.tsx",
      functions: functionsSource,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Always write the files, so their times say when they were built (tests rebuild stale bundles).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Node built-ins become empty modules (the task pane bundles src/adapters/xlsx.ts, whose file access
      // it never uses in a browser); NoNodeModulesPlugin refuses them in the functions bundle.
      fallback: { fs: false, path: false, os: false, child_process: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are `npm run typecheck`'s job; ES modules let webpack drop unused code.
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: functionsSource, output: "functions.json" }),
      new ZhCnMetadataPlugin({ input: "functions.json", output: "functions.zh-cn.json" }),
      new NoNodeModulesPlugin({ chunks: ["functions"] }),
      new PreminifiedChunksPlugin({ chunks: ["exceljs"] }),
      new HtmlWebpackPlugin({
        filename: "excel.html",
        template: "./taskpane/excel.html",
        chunks: ["taskpane", "functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./functions/functions.html",
        chunks: ["functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // The bureau's defaults, served beside taskpane.html (taskpane/state/settings.ts).
          { from: "taskpane/jx-defaults.json", to: "jx-defaults.json", noErrorOnMissing: true },
          // Office.js served from this site (excel.html loads office-js/office.js), so the pane also
          // works offline. office.js loads its host and locale files from beside
          // itself; other Office hosts' files and debug builds are left out (17 MB instead of 86 MB).
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", ...OTHER_HOSTS.map((h) => `**/dist/${h}*`)] },
            // Microsoft ships these minified: served as they are, not minified again (that took 1.5 minutes).
            info: { minimized: true },
          },
          // The task pane's bureau defaults (a bureau edits this file where it hosts the add-in).
          { from: "taskpane/jx-defaults.json", to: "jx-defaults.json" },
          // office.js served locally (as Microsoft's dev setups do): the page loads without the network.
          // Only what Excel and a plain browser load: no debug builds, no other hosts' scripts.
          {
            from: "**/*",
            context: path.dirname(require.resolve("@microsoft/office-js/dist/office.js")),
            to: "office-js/",
            globOptions: {
              ignore: ["**/*.debug.js", "**/*.d.ts", "**/outlook*", "**/access-*", "**/word*", "**/powerpoint*", "**/onenote*", "**/project-*", "**/visio*"],
            },
            info: { minimized: true },
          },
        ],
      }),
    ],
    performance: { hints: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // exceljs's pre-minified browser build alone in exceljs.js (loaded on demand by the pane), so
          // PreminifiedChunksPlugin can spare it a second minification.
          exceljs: { test: /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/, name: "exceljs", chunks: "async", enforce: true },
        },
      },
    },
    devServer: serving ? await devServerOptions() : undefined,
  };
};

/** Certificates are only needed (and only created) when serving, so `npm run build` needs none. */
async function devServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  let https;
  try {
    https = await devCerts.getHttpsServerOptions();
  } catch (e) {
    // Excel only loads add-ins over trusted https; installing the localhost CA needs an administrator.
    throw new Error(
      `无法创建或安装本机开发证书（https://localhost:${devServerPort} 需要受信任的证书）：${e && e.message ? e.message : e}\n` +
        "请以管理员身份运行一次 `npx office-addin-dev-certs install`，或在 Windows/Mac 的开发机上运行 `npm start`。",
    );
  }
  return {
    static: { directory: path.resolve(__dirname, "dist") },
    // This machine only: no other host on the network reaches the dev server, and no wildcard CORS header
    // lets another site's page read what it serves (Excel loads the add-in from this origin itself).
    host: "localhost",
    allowedHosts: ["localhost"],
    server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
    port: devServerPort,
    hot: false,
  };
}
