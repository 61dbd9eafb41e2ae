/** Findings grouped by severity, then kind, with counts; each finding is a button that selects its cell. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircle20Regular, Info20Regular, Warning20Regular } from "@fluentui/react-icons";
import { KIND_LABELS, SEVERITY_LABELS } from "../../src/check/labels";
import type { Finding, Severity, TableSummary } from "../../src/check/types";
import { noFindingsText } from "../../src/check/reading";
import { groupFindings } from "../state/engine";

const useStyles = makeStyles({
  kind: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  finding: {
    display: "block",
    width: "100%",
    maxWidth: "100%",
    textAlign: "start",
    height: "auto",
    minHeight: "32px",
    paddingBlock: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  cell: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  message: { whiteSpace: "normal", wordBreak: "break-word" },
  empty: { color: tokens.colorPaletteGreenForeground1 },
});

const ICONS: Record<Severity, JSX.Element> = {
  error: <ErrorCircle20Regular color={tokens.colorPaletteRedForeground1} />,
  warning: <Warning20Regular color={tokens.colorPaletteDarkOrangeForeground1} />,
  info: <Info20Regular color={tokens.colorPaletteBlueForeground2} />,
};
const BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export interface FindingsViewProps {
  findings: Finding[];
  /** The tables these findings are of: what a result without findings covers. */
  tables: TableSummary[];
  onSelect?: (finding: Finding) => void;
}

export function FindingsView({ findings, tables, onSelect }: FindingsViewProps) {
  const styles = useStyles();
  const groups = groupFindings(findings);
  if (groups.length === 0) {
    const none = noFindingsText(tables);
    return <Text className={styles.empty}>{none.complete ? "未发现问题：权重、得分、合计与等级均与规则一致。" : `${none.text}。`}</Text>;
  }
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.filter((g) => g.severity !== "info").map((g) => g.severity)} aria-label="校验结果">
      {groups.map((g) => (
        <AccordionItem key={g.severity} value={g.severity}>
          <AccordionHeader icon={ICONS[g.severity]}>
            {SEVERITY_LABELS[g.severity]}&nbsp;
            <Badge appearance="filled" color={BADGE[g.severity]} aria-label={`${g.count} 项`}>
              {g.count}
            </Badge>
          </AccordionHeader>
          <AccordionPanel>
            {g.kinds.map((k) => (
              <section key={k.kind} aria-label={`${KIND_LABELS[k.kind]}（${k.findings.length}）`}>
                <div className={styles.kind}>
                  <Text weight="semibold">{KIND_LABELS[k.kind]}</Text>
                  <Badge appearance="tint" color={BADGE[g.severity]}>
                    {k.findings.length}
                  </Badge>
                </div>
                {k.findings.map((f, i) => (
                  <Button
                    key={`${f.sheet}!${f.cell}-${i}`}
                    appearance="subtle"
                    className={styles.finding}
                    onClick={() => onSelect?.(f)}
                    title={onSelect ? `选中 ${f.sheet}!${f.cell}` : undefined}
                    data-finding-kind={f.kind}
                  >
                    <span className={styles.cell}>{f.cell}</span>
                    <span className={styles.message}>{f.message}</span>
                    {f.reading ? <Caption1 block>与“{f.reading}”读法一致</Caption1> : null}
                  </Button>
                ))}
              </section>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
