/** 打开 Excel 文件: a Fluent button over a hidden file input, and a drop zone. Nothing leaves the browser. */
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DocumentArrowUp20Regular } from "@fluentui/react-icons";
import { useRef, useState } from "react";

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
}

export function FileOpen({ disabled, onFile }: FileOpenProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
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
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      <Button appearance="primary" icon={<DocumentArrowUp20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        打开 Excel 文件
      </Button>
      <Text size={200}>或把 .xlsx、.xls 或 .et 文件拖到这里。文件只在本机浏览器中检查，不会上传。</Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xls,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
        hidden
        aria-label="选择 Excel 文件"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
