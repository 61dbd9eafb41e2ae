/** `npm run examples`: writes the example workbooks of examples/specs to examples/*.xlsx. */
import { join } from "path";
import { EXAMPLES } from "../examples/specs";
import { specToWorkbook } from "../examples/specs/to-workbook";

async function main(): Promise<void> {
  const dir = join(__dirname, "..", "examples");
  for (const spec of EXAMPLES) {
    const file = join(dir, spec.file);
    await specToWorkbook(spec).xlsx.writeFile(file);
    console.log(`已生成 ${file}（${spec.source}）`);
  }
}

main().catch((e) => {
  console.error(`生成示例失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
