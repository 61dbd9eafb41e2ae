import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { turnOffUsageData } from "../../scripts/usage-data-off";

const fresh = () => join(mkdtempSync(join(tmpdir(), "jx-usage-")), "office-addin-usage-data.json");

describe("turnOffUsageData", () => {
  test("creates the settings file with the tools' usage data off", () => {
    const file = fresh();
    turnOffUsageData(file);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ usageDataInstances: { "office-addin-usage-data": { usageDataLevel: "off" } } });
  });

  test("switches an existing 'on' to 'off' and keeps other settings", () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ usageDataInstances: { "office-addin-usage-data": { usageDataLevel: "on", deviceID: "x" }, other: { usageDataLevel: "on" } } }));
    turnOffUsageData(file);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      usageDataInstances: { "office-addin-usage-data": { usageDataLevel: "off", deviceID: "x" }, other: { usageDataLevel: "on" } },
    });
  });

  test("refuses to overwrite a file that is not JSON", () => {
    const file = fresh();
    writeFileSync(file, "not json");
    expect(() => turnOffUsageData(file)).toThrow(/不是有效的 JSON/);
    expect(readFileSync(file, "utf8")).toBe("not json");
  });
});
