// `npm ci` links the bins of dependencies into node_modules/.bin but not the project's own, so `npx jx` would
// look for a package named "jx" on the registry. Link our own bin there (run by the `prepare` script).
const fs = require("fs");
const path = require("path");

const binDir = path.join(__dirname, "..", "node_modules", ".bin");
const link = path.join(binDir, "jx");
const target = path.join("..", "..", "bin", "jx.js");
fs.mkdirSync(binDir, { recursive: true });
try {
  fs.unlinkSync(link);
} catch {
  // not there yet
}
if (process.platform === "win32") {
  fs.writeFileSync(`${link}.cmd`, `@node "%~dp0\\${target}" %*\r\n`);
} else {
  fs.symlinkSync(target, link);
}
