/* eslint-disable no-undef */
// The .7z package WPS's offline mode (离线模式) downloads and unpacks: the add-in folder's files at the
// archive's root, as wpsjs build makes it. Written with 7z-wasm (7-Zip compiled to WebAssembly, pinned in
// package.json), so the build needs no 7-Zip installed. Used by scripts/build-wps.js; tested in tests/wps.
const SevenZip = require("7z-wasm");

async function run(args, setup) {
  const out = [];
  const sz = await SevenZip({ print: (s) => out.push(s), printErr: (s) => out.push(s) });
  setup(sz);
  const command = args[0];
  // Emscripten's callMain puts the program name in front of the array it is given, and on exit sets
  // process.exitCode to 7-Zip's own code: put ours back, so a refused archive does not fail the caller's process.
  const exitCodeBefore = process.exitCode;
  try {
    sz.callMain([...args]);
  } finally {
    process.exitCode = exitCodeBefore;
  }
  if (!out.some((l) => l.includes("Everything is Ok"))) throw new Error(`7z ${command} 失败：\n${out.join("\n")}`);
  return sz;
}

/** The files of `dir` (recursively, at the archive's root) as .7z bytes. */
async function make7z(dir) {
  const sz = await run(["a", "-t7z", "-mx=9", "-bsp0", "/package.7z", "*"], (m) => {
    m.FS.mkdir("/src");
    m.FS.mount(m.NODEFS, { root: dir }, "/src");
    m.FS.chdir("/src");
  });
  return sz.FS.readFile("/package.7z");
}

/** The files of a .7z (path -> bytes), unpacked in memory. */
async function read7z(bytes) {
  const sz = await run(["x", "-bsp0", "-o/out", "/package.7z"], (m) => m.FS.writeFile("/package.7z", bytes));
  const files = {};
  const walk = (d, base) => {
    for (const name of sz.FS.readdir(d)) {
      if (name === "." || name === "..") continue;
      const p = `${d}/${name}`;
      const rel = base ? `${base}/${name}` : name;
      if (sz.FS.isDir(sz.FS.stat(p).mode)) walk(p, rel);
      else files[rel] = sz.FS.readFile(p);
    }
  };
  walk("/out", "");
  return files;
}

module.exports = { make7z, read7z };
