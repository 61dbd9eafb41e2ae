/**
 * 打开 Excel 文件: a Fluent button over a hidden file input, and a drop zone. Nothing leaves the browser.
 * With `onFiles`, several files picked or dropped, a folder dropped, or one picked with 打开文件夹, go there.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DocumentArrowUp20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { dropHasFolder, droppedFiles, pickedFiles, type BatchFile } from "../state/batch-files";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    textAlign: "center",
  },
  over: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

export interface FileOpenProps {
  disabled?: boolean;
  onFile: (file: File) => void;
  /** Several files, or a folder's files (paths kept): a batch. */
  onFiles?: (files: BatchFile[]) => void;
}

export function FileOpen({ disabled, onFile, onFiles }: FileOpenProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  // The folder picker is an <input webkitdirectory> made on demand: the page keeps one file input otherwise.
  const pickFolder = () => {
    const folder = document.createElement("input");
    folder.type = "file";
    folder.hidden = true;
    folder.setAttribute("webkitdirectory", "");
    folder.setAttribute("aria-label", "选择文件夹");
    folder.addEventListener("change", () => {
      const files = folder.files ? pickedFiles(folder.files) : [];
      folder.remove();
      if (files.length && onFiles) onFiles(files);
    });
    folder.addEventListener("cancel", () => folder.remove());
    document.body.appendChild(folder);
    folder.click();
  };
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (disabled) return;
        if (onFiles && (e.dataTransfer.files.length > 1 || dropHasFolder(e.dataTransfer.items))) {
          void droppedFiles(e.dataTransfer.items, e.dataTransfer.files).then(onFiles);
          return;
        }
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <Button appearance="primary" icon={<DocumentArrowUp20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        打开 Excel 文件
      </Button>
      {onFiles ? (
        <Button icon={<FolderOpen20Regular />} disabled={disabled} onClick={pickFolder}>
          打开文件夹
        </Button>
      ) : null}
      <Text size={200}>
        {onFiles
          ? "或把 .xlsx、.xls 或 .et 文件（可以多个，或整个文件夹）拖到这里；多个文件生成一份校验汇总。文件只在本机浏览器中检查，不会上传。"
          : "或把 .xlsx、.xls 或 .et 文件拖到这里。文件只在本机浏览器中检查，不会上传。"}
      </Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xls,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
        hidden
        multiple={Boolean(onFiles)}
        aria-label="选择 Excel 文件"
        onChange={(e) => {
          const files = e.target.files ? pickedFiles(e.target.files) : [];
          e.target.value = "";
          if (files.length > 1 && onFiles) onFiles(files);
          else if (files[0]) onFile(files[0].file);
        }}
      />
    </div>
  );
}
