/** Tables found, the selected table's summary and its findings: shared by the Excel and browser panes. */
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Finding } from "../../src/check/types";
import { findingsOfTable, type WorkbookCheck } from "../state/engine";
import { FindingsView } from "./FindingsView";
import { SummaryView } from "./SummaryView";
import { TableList } from "./TableList";

const useStyles = makeStyles({ stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export interface CheckResultViewProps {
  result: WorkbookCheck;
  selected: number | null;
  onSelectTable: (index: number) => void;
  onSelectFinding?: (f: Finding) => void;
  showFindings: boolean;
  /** 识别所选区域 (under the list of tables). */
  pick?: ReactNode;
  /** 识别情况 and its mapping editor, for the selected table or a chosen range. */
  reading?: ReactNode;
}

export function CheckResultView({ result, selected, onSelectTable, onSelectFinding, showFindings, pick, reading }: CheckResultViewProps) {
  const styles = useStyles();
  const table = selected !== null ? result.tables[selected] : undefined;
  const findings = table ? findingsOfTable(result.findings, table) : result.findings;
  return (
    <div className={styles.stack}>
      <section aria-label="指标表">
        <Subtitle2 as="h2">{`识别到 ${result.tables.length} 张指标表`}</Subtitle2>
        <TableList tables={result.tables} selected={selected} onSelect={onSelectTable} />
        {pick}
      </section>
      {table ? <SummaryView table={table} /> : null}
      {reading}
      {showFindings ? (
        <section aria-label="问题">
          <Subtitle2 as="h2">{`发现 ${findings.length} 个问题${table ? "（所选表）" : ""}`}</Subtitle2>
          <FindingsView findings={findings} tables={table ? [table] : result.tables} onSelect={onSelectFinding} />
        </section>
      ) : null}
    </div>
  );
}
