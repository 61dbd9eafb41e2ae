/**
 * Turns off usage data for Microsoft's office-addin command-line tools (office-addin-debugging behind
 * `npm start`, office-addin-manifest behind `npm run validate:online`): government data stays local.
 * Current releases of office-addin-usage-data send nothing; older releases fetched by `npx` read this
 * setting from ~/office-addin-usage-data.json, the file `npx office-addin-usage-data off` writes.
 * Runs before `npm start` and `npm run validate:online`; also `npm run usage-data:off`.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { homedir } from "os";
import { join } from "path";

const GROUP = "office-addin-usage-data";

interface UsageDataFile {
  usageDataInstances?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** Sets the tools' usage data level to "off", keeping anything else in the file. Returns the new content. */
export function turnOffUsageData(file: string): UsageDataFile {
  let data: UsageDataFile = {};
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").trim();
    if (text) {
      try {
        data = JSON.parse(text) as UsageDataFile;
      } catch {
        throw new Error(`${file} 不是有效的 JSON，未修改；请检查后重试`);
      }
    }
  }
  const instances = { ...(data.usageDataInstances ?? {}) };
  instances[GROUP] = { ...(instances[GROUP] ?? {}), usageDataLevel: "off" };
  const next = { ...data, usageDataInstances: instances };
  writeFileSync(file, JSON.stringify(next, null, 2));
  return next;
}

if (require.main === module) {
  const file = process.env.OFFICE_ADDIN_USAGE_DATA_FILE ?? join(homedir(), "office-addin-usage-data.json");
  try {
    turnOffUsageData(file);
    console.log(`已关闭 Office 加载项工具的使用数据上报（${file}）`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
