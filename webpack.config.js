/* eslint-disable no-undef */
// Two entries, as in Microsoft's Excel-Custom-Functions-Shared template: the task pane and the =JX.*
// custom functions. With a shared runtime Excel loads the functions code through taskpane.html, so that
// page carries both bundles; functions.html carries only the functions bundle (a stand-alone page for
// trying the functions in a browser, not referenced by the manifest).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata-plugin");

const functionsSource = path.resolve(__dirname, "functions/functions.ts");
const devServerPort = 3000;

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
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // The engine must run in Excel's browser runtime: a Node-only import fails the build here.
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
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
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving ? await devServerOptions() : undefined,
  };
};

/** Certificates are only needed (and only created) when serving, so `npm run build` needs none. */
async function devServerOptions() {
  const devCerts = require("office-addin-dev-certs");
  const https = await devCerts.getHttpsServerOptions();
  return {
    static: { directory: path.resolve(__dirname, "dist") },
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
    port: devServerPort,
    hot: false,
  };
}
