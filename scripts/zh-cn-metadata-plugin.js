/* eslint-disable no-undef */
// Microsoft's metadata generator writes one language (from the JSDoc, English). Excel picks the file
// named by the manifest's <bt:Override Locale="zh-cn">, so we derive functions.zh-cn.json from the
// generated functions.json at build: ids, names and types stay, descriptions become Chinese.
// The derivation itself is TypeScript (functions/metadata/zh-cn.ts), shared with the tests.
const { require: tsxRequire } = require("tsx/cjs/api");
const { WebpackError, sources, Compilation } = require("webpack");

const pluginName = "ZhCnMetadataPlugin";

class ZhCnMetadataPlugin {
  /** @param {{ input: string, output: string }} options asset names inside the output folder */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          const asset = compilation.getAsset(this.options.input);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${pluginName}: ${this.options.input} was not generated`));
            return;
          }
          try {
            const { deriveZhCnMetadataJson } = tsxRequire("../functions/metadata/zh-cn.ts", __filename);
            const json = deriveZhCnMetadataJson(asset.source.source().toString());
            compilation.emitAsset(this.options.output, new sources.RawSource(json));
          } catch (err) {
            compilation.errors.push(new WebpackError(`${pluginName}: ${err && err.message ? err.message : err}`));
          }
        },
      );
    });
  }
}

module.exports = { ZhCnMetadataPlugin };
