/** Several files checked in the browser: one line per file (as in the 校验汇总's 汇总 sheet) and its download. */
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import type { SummaryJsonFile } from "../../src/check/summary";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  error: { color: tokens.colorPaletteRedForeground1 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const show = (v: number | string | null) => (v === null ? "—" : String(v));

function line(f: SummaryJsonFile): string {
  if (f.indicators === null) return f.reason ?? "";
  const parts = [`${f.indicators}项指标`, `权重合计${show(f.weightSum)}`];
  if (f.reportedTotal !== null || f.computedTotal !== null) parts.push(`自评总分${show(f.reportedTotal)}／计算总分${show(f.computedTotal)}`);
  if (f.reportedGrade !== null || f.computedGrade !== null) parts.push(`等级${show(f.reportedGrade)}／${show(f.computedGrade)}`);
  return parts.join("，");
}

export interface BatchViewProps {
  files: SummaryJsonFile[];
  disabled?: boolean;
  onDownload: () => void;
}

export function BatchView({ files, disabled, onDownload }: BatchViewProps) {
  const styles = useStyles();
  const unreadable = files.filter((f) => f.indicators === null && f.reason).length;
  return (
    <section aria-label="校验汇总" data-testid="batch-view">
      <div className={styles.head}>
        <Text weight="semibold">
          共{files.length}个文件{unreadable ? `（${unreadable}个无法读取）` : ""}
        </Text>
        <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={disabled} onClick={onDownload}>
          下载校验汇总
        </Button>
      </div>
      <ul className={styles.list}>
        {files.map((f) => (
          <li key={f.file} className={styles.item} data-testid="batch-file">
            <Text className={styles.name}>{f.file}</Text>
            {f.unit || f.tableKind ? <Caption1>{[f.unit, f.tableKind].filter(Boolean).join(" · ")}</Caption1> : null}
            <Caption1 className={f.indicators === null ? styles.error : undefined}>{line(f)}</Caption1>
            {f.indicators !== null ? (
              <Caption1>
                错误{f.errors}，警告{f.warnings}，提示{f.notes}
              </Caption1>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
