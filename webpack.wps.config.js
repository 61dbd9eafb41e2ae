/* eslint-disable no-undef */
// The WPS 加载项 (npm run build:wps): the same pane and =JX.* functions as the Excel add-in, packaged as
// WPS expects — index.html (loads jx-functions.js and main.js), ribbon.xml, main.js, images/, taskpane.html
// — into dist-wps/jx_<version>/. scripts/build-wps.js then adds the publish page, jsplugins.xml and a zip.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { ZhCnMetadataPlugin } = require("./scripts/zh-cn-metadata-plugin");
const { PreminifiedChunksPlugin } = require("./scripts/preminified-chunks-plugin");
const { version } = require("./package.json");

const functionsSource = path.resolve(__dirname, "functions/functions.ts");

module.exports = (_env, options) => ({
  devtool: options.mode === "development" ? "source-map" : false,
  entry: {
    taskpane: "./wps/src/taskpane.tsx",
    "jx-functions": { import: "./wps/src/functions.ts", library: { name: "JXFunctions", type: "window" } },
  },
  output: { path: path.resolve(__dirname, "dist-wps", `jx_${version}`), filename: "[name].js", clean: true },
  resolve: {
    extensions: [".ts", ".tsx", ".js", ".json"],
    fallback: { fs: false, path: false, os: false, child_process: false, crypto: false, stream: false, zlib: false },
  },
  module: {
    rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } } }],
  },
  plugins: [
    new CustomFunctionsMetadataPlugin({ input: functionsSource, output: "functions.json" }),
    new ZhCnMetadataPlugin({ input: "functions.json", output: "functions.zh-cn.json" }),
    new PreminifiedChunksPlugin({ chunks: ["exceljs"] }),
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./wps/taskpane.html", chunks: ["taskpane"] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "wps/index.html", to: "index.html" },
        { from: "wps/ribbon.xml", to: "ribbon.xml" },
        // Served as written: WPS calls its top-level functions by the names ribbon.xml gives.
        { from: "wps/main.js", to: "main.js", info: { minimized: true } },
        { from: "wps/images/*.svg", to: "images/[name][ext]" },
        { from: "taskpane/jx-defaults.json", to: "jx-defaults.json" },
      ],
    }),
  ],
  performance: { hints: false },
  optimization: {
    splitChunks: {
      cacheGroups: { exceljs: { test: /[\\/]exceljs[\\/]dist[\\/]exceljs\.min\.js$/, name: "exceljs", chunks: "async", enforce: true } },
    },
  },
});
