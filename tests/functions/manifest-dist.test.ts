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
    // Excel loads excel.html (the task pane and the shared runtime); the plain-browser taskpane.html has no
    // office.js and no functions bundle.
    expect(manifest).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/excel.html"\/>/);
    const excel = readFileSync(join(DIST, "excel.html"), "utf8");
    expect(excel).toMatch(/<script[^>]*\ssrc="?office-js\/office\.js/);
    expect(excel).toMatch(/<script[^>]*\ssrc="?[^" >]*functions\.js/);
    expect(excel).toMatch(/<script[^>]*\ssrc="?[^" >]*taskpane\.js/);
    const browser = readFileSync(join(DIST, "taskpane.html"), "utf8");
    expect(browser).toMatch(/<script[^>]*\ssrc="?[^" >]*taskpane\.js/);
    expect(browser).not.toMatch(/office\.js|functions\.js/);
    expect(readFileSync(join(DIST, "functions.html"), "utf8")).toMatch(/<script[^>]*\ssrc="?[^" >]*functions\.js/);
  });

  test("the pages load scripts only from the site itself, and every one exists in dist/", () => {
    for (const page of ["excel.html", "taskpane.html", "functions.html"]) {
      const html = readFileSync(join(DIST, page), "utf8");
      const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^" >]+)/g)].map((m) => m[1]);
      expect(srcs.length).toBeGreaterThan(0);
      for (const src of srcs) {
        expect(src).not.toMatch(/^(https?:)?\/\//);
        expect({ page, src, exists: existsSync(join(DIST, src)) }).toEqual({ page, src, exists: true });
      }
    }
  });
});
