/**
 * Which files a batch takes (several picked, a folder picked, or files and folders dropped), without the engine:
 * this module is in the page's first bundle; checking them (./batch.ts, with exceljs) is loaded on demand.
 */

/** A file to check and the path it is shown under (its place in the folder picked or dropped). */
export interface BatchFile {
  path: string;
  file: File;
}

/** The inputs `jx check` takes from a folder: workbooks, not Excel's lock files, not checked copies. */
export function isBatchInput(name: string): boolean {
  const base = name.split("/").pop() ?? name;
  return /\.(xlsx|xls|et)$/i.test(base) && !base.startsWith("~$") && !/\.checked(\(\d+\))?\.xlsx$/i.test(base);
}

/** Files picked with an <input multiple> or <input webkitdirectory>: the folder path where the browser gives one. */
export function pickedFiles(files: FileList | File[]): BatchFile[] {
  return [...files].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Files of a drop: plain files, and the contents of dropped folders (read through the entries API). The entries
 * are taken synchronously, before the first await: the browser empties the drop's item list after the event.
 */
export function droppedFiles(items: DataTransferItemList | null, files: FileList | null): Promise<BatchFile[]> {
  const entries = items ? [...items].map((it) => (typeof it.webkitGetAsEntry === "function" ? it.webkitGetAsEntry() : null)) : [];
  const plain = [...(files ?? [])];
  if (entries.length === 0 || entries.some((e) => e === null)) return Promise.resolve(plain.map((file) => ({ path: file.name, file })));
  const out: BatchFile[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: prefix + entry.name, file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries gives a folder's entries in pieces: read until it gives none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await visit(child, `${prefix}${entry.name}/`);
      }
    }
  };
  return (async () => {
    for (const e of entries) await visit(e as FileSystemEntry, "");
    return out;
  })();
}

/** True when a drop holds a folder (then it is a batch even with one entry). */
export function dropHasFolder(items: DataTransferItemList | null): boolean {
  return items ? [...items].some((it) => typeof it.webkitGetAsEntry === "function" && it.webkitGetAsEntry()?.isDirectory === true) : false;
}
