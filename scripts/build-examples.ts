/**
 * `npm run examples`: writes the example workbooks of examples/specs to examples/*.xlsx — only those whose
 * content changed. exceljs stamps every zip entry with the time of writing, so the same workbook never comes
 * out byte for byte the same; a file is rewritten only when one of its parts differs (the workbook's own
 * created/modified dates are fixed by the spec), and is otherwise left as it is, byte for byte.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { unzipSync } from "fflate";
import { EXAMPLES } from "../examples/specs";
import { specToWorkbook } from "../examples/specs/to-workbook";

/** True when two .xlsx packages hold the same parts with the same bytes (zip timestamps aside). */
export function samePackage(a: Uint8Array, b: Uint8Array): boolean {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  const names = Object.keys(pa).sort();
  if (names.join("\n") !== Object.keys(pb).sort().join("\n")) return false;
  return names.every((n) => Buffer.from(pa[n]).equals(Buffer.from(pb[n])));
}

async function main(): Promise<void> {
  const dir = join(__dirname, "..", "examples");
  for (const spec of EXAMPLES) {
    const file = join(dir, spec.file);
    const bytes = new Uint8Array(await specToWorkbook(spec).xlsx.writeBuffer());
    if (existsSync(file) && samePackage(readFileSync(file), bytes)) {
      console.log(`未改变 examples/${spec.file}`);
      continue;
    }
    writeFileSync(file, bytes);
    console.log(`已生成 examples/${spec.file}（${spec.source}）`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`生成示例失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  });
}
