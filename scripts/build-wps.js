/* eslint-disable no-undef */
// After webpack.wps.config.js: the deployment files beside dist-wps/jx_<version>/ —
//   jx_<version>.zip        the add-in folder, to copy to each machine's jsaddons folder (or a web server);
//   jx_<version>.7z         the same files as the package WPS's offline mode (离线模式) unpacks itself;
//   jsplugins-offline.xml   the list for that mode: <jsplugin … url=".../jx_<version>.7z">;
//   jsplugins.xml           the list WPS reads when oem.ini names it (JsApiPlugin=true, JSPluginsServer=…);
//   publish.xml.example     the per-user list WPS keeps in jsaddons (the same entry, for copying by script);
//   publish.html            the publish page: one click registers JX with the local WPS (localhost:58890).
// JX_WPS_URL sets where the add-in is served from (default: the file:/// folder the README uses);
// JX_WPS_7Z_URL where the .7z is (default: file:///C:/jx-wps/jx_<version>.7z).
const fs = require("fs");
const path = require("path");
const { zipSync } = require("fflate");
const { make7z } = require("./wps-7z");
const { version } = require("../package.json");

const root = path.resolve(__dirname, "..", "dist-wps");
const name = `jx_${version}`;
const dir = path.join(root, name);
if (!fs.existsSync(path.join(dir, "ribbon.xml"))) throw new Error(`没有找到 ${dir}/ribbon.xml：请先运行 webpack --config webpack.wps.config.js`);
const url = process.env.JX_WPS_URL || `file:///C:/jx-wps/${name}/`;
const url7z = process.env.JX_WPS_7Z_URL || `file:///C:/jx-wps/${name}.7z`;

function files(d, base = "") {
  const out = {};
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, files(path.join(d, e.name), rel));
    else out[`${name}/${rel}`] = new Uint8Array(fs.readFileSync(path.join(d, e.name)));
  }
  return out;
}
fs.writeFileSync(path.join(root, `${name}.zip`), zipSync(files(dir), { level: 9 }));

const entry = `<jsplugin name="jx" type="et" url="${url}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;
fs.writeFileSync(path.join(root, "jsplugins.xml"), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="jx" type="et" url="${url}" version="${version}" enable="true"/>\n</jsplugins>\n`);
fs.writeFileSync(path.join(root, "publish.xml.example"), `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${entry}\n</jsplugins>\n`);

const template = fs.readFileSync(path.resolve(__dirname, "..", "wps", "publish.html"), "utf8");
fs.writeFileSync(path.join(root, "publish.html"), template.replace("__JX_ADDON__", JSON.stringify({ name: "jx", addonType: "et", online: "true", url, version })));

const xmlAttr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
make7z(dir)
  .then((bytes) => {
    fs.writeFileSync(path.join(root, `${name}.7z`), bytes);
    fs.writeFileSync(
      path.join(root, "jsplugins-offline.xml"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="jx" type="et" url="${xmlAttr(url7z)}" version="${version}" enable="true"/>\n</jsplugins>\n`,
    );
    console.log(
      `WPS 加载项已生成：${path.relative(process.cwd(), root)}/（${name}/、${name}.zip、${name}.7z、jsplugins.xml、jsplugins-offline.xml、publish.xml.example、publish.html），加载地址 ${url}，离线包地址 ${url7z}`,
    );
  })
  .catch((e) => {
    console.error(`生成 ${name}.7z 失败：${e.message}`);
    process.exit(1);
  });
