/** `jx check` inputs: files and folders -> the .xlsx files to check; where each checked copy goes. */
import { promises as fs } from "fs";
import { basename, dirname, extname, join } from "path";

/** Excel's lock files (~$) and our own outputs are never inputs. */
function isInput(name: string): boolean {
  return /\.(xlsx|xls|et)$/i.test(name) && !name.startsWith("~$") && !/\.checked\.xlsx$/i.test(name);
}

export interface Input {
  file: string;
  /** Set when the argument itself cannot be used (missing path); reported and skipped. */
  error?: string;
  /** A folder with no .xlsx in it: said once, and not counted as a file. */
  emptyFolder?: boolean;
  /** The folder argument it was found in: its subfolders are kept under --out. */
  root?: string;
}

export async function expandInputs(args: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      out.push({ file: arg, error: `无法读取文件“${arg}”：文件或文件夹不存在` });
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walk(arg);
      if (found.length === 0) out.push({ file: arg, error: `文件夹“${arg}”中没有 .xlsx、.xls 或 .et 工作簿`, emptyFolder: true });
      out.push(...found.map((file) => ({ file, root: arg })));
    } else {
      out.push({ file: arg });
    }
  }
  return out;
}

/** The order files are listed and checked in, as localeCompare gives it (one collator: localeCompare makes one a call). */
const byName = new Intl.Collator().compare;

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => byName(a.name, b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(path)));
    else if (e.isFile() && isInput(e.name)) files.push(path);
  }
  return files;
}

/** <name>.checked.xlsx beside the input, or in `outDir`. */
export function checkedPath(file: string, outDir?: string): string {
  const name = `${basename(file, extname(file))}.checked.xlsx`;
  return join(outDir ?? dirname(file), name);
}
