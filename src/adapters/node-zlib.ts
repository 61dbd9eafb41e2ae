/**
 * Node's zlib where there is one (the command line), else undefined: the browser page's bundle maps it to an
 * empty module (webpack: `zlib: false`), whose functions are then undefined too. One place for the optional
 * require, for the reader's inflate (limits.ts) and the writers' deflate (zip-entry.ts).
 */
type Zlib = Partial<Pick<typeof import("zlib"), "inflateRawSync" | "deflateRawSync" | "createDeflateRaw">>;

export const nodeZlib: Zlib | undefined = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("zlib") as Zlib;
  } catch {
    return undefined;
  }
})();
