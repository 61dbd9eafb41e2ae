import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { DIST, ensureBuilt } from "./built-bundle";

const ROOT = join(__dirname, "..", "..");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const DEV_ORIGIN = "https://localhost:3000/";

beforeAll(() => ensureBuilt(), 600000);

describe("manifest.xml and the built files", () => {
  test("every dev-server URL in the manifest names a file the build produces", () => {
    const urls = [...manifest.matchAll(/"(https:\/\/localhost:3000\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect({ url, exists: existsSync(join(DIST, url.slice(DEV_ORIGIN.length))) }).toEqual({ url, exists: true });
  });

  test("the metadata URL has a zh-cn override pointing at the derived Chinese metadata", () => {
    const metadataUrl = manifest.match(/<bt:Url id="Functions.Metadata.Url"[\s\S]*?<\/bt:Url>/)?.[0] ?? "";
    expect(metadataUrl).toContain('DefaultValue="https://localhost:3000/functions.json"');
    expect(metadataUrl).toContain('<bt:Override Locale="zh-cn" Value="https://localhost:3000/functions.zh-cn.json"/>');
  });

  test("the namespace is JX and the shared runtime page loads the functions bundle", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="JX"\/>/);
    const taskpane = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(taskpane).toMatch(/<script[^>]*\ssrc="?[^" >]*functions\.js/);
    expect(taskpane).toMatch(/<script[^>]*\ssrc="?[^" >]*taskpane\.js/);
    expect(readFileSync(join(DIST, "functions.html"), "utf8")).toMatch(/<script[^>]*\ssrc="?[^" >]*functions\.js/);
  });
});
