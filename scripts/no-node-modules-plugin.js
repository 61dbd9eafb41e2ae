/* eslint-disable no-undef */
// resolve.fallback lets the task pane bundle modules that import Node built-ins only on paths it never
// takes in a browser (they become empty "ignored" modules). The custom functions run in Excel's browser
// runtime, so for the chunks named here any such module fails the build instead.
const { WebpackError } = require("webpack");

const pluginName = "NoNodeModulesPlugin";

class NoNodeModulesPlugin {
  /** @param {{ chunks: string[] }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.afterSeal.tap(pluginName, () => {
        for (const chunk of compilation.chunks) {
          if (!this.options.chunks.includes(chunk.name)) continue;
          const seen = new Set();
          const visit = (c) => {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(c)) {
              const id = module.identifier();
              if (id.startsWith("ignored|") && !seen.has(id)) {
                seen.add(id);
                const request = id.split("|").pop();
                compilation.errors.push(new WebpackError(`${pluginName}: the ${chunk.name} bundle imports the Node-only module "${request}"`));
              }
            }
          };
          visit(chunk);
          for (const async of chunk.getAllAsyncChunks()) visit(async);
        }
      });
    });
  }
}

module.exports = { NoNodeModulesPlugin };
