/* eslint-disable no-undef */
// exceljs's browser build (exceljs/dist/exceljs.min.js) is minified already; Terser minifying it again
// (with webpack's two compress passes) took about 20 seconds of every production build and saved 1%.
// The webpack config puts it alone in a named async chunk; this marks that chunk's files as minimized,
// which webpack's minimizer respects.
const { Compilation } = require("webpack");

const pluginName = "PreminifiedChunksPlugin";

class PreminifiedChunksPlugin {
  /** @param {{ chunks: string[] }} options names of chunks that hold only pre-minified code */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap({ name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 }, () => {
        for (const chunk of compilation.chunks) {
          if (!chunk.name || !this.options.chunks.includes(chunk.name)) continue;
          for (const file of chunk.files) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
    });
  }
}

module.exports = { PreminifiedChunksPlugin };
