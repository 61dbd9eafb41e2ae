/**
 * 识别情况: what JX read of a table — header rows, every column with its header text and role, rows read,
 * with a weight, with a score, computed and why not (the same words as the 校验结果 sheet's 识别情况 row) —
 * and the user's correction: a Dropdown per column, the header rows, back to automatic reading.
 * At 320 px a real table's 10–14 columns would push the findings far down, so the editor is a Fluent
 * Accordion item, folded by default to one line (readingSummary: "已识别：名称 A–C，权重 F，自评得分 I；读取 27 行");
 * a chosen range that did not read as a table opens unfolded, as its columns need roles.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowReset20Regular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { countsText, type TableReport } from "../../src/check/reading";
import type { OverrideRole } from "../../src/sheet/override";
import type { TableSummary } from "../../src/check/types";
import { PANE_ROLES, editableFromSummary, readingSummary, roleLabel, type Correction, type EditableColumn, type EditableTable } from "../state/tables";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
  rows: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  spin: { width: "6em" },
  hint: { color: tokens.colorNeutralForeground3 },
  // The accordion's header and panel without their own side padding: the card has it.
  header: { "& > button": { paddingLeft: "0", paddingRight: "0", height: "auto", minHeight: "32px", textAlign: "start" } },
  panel: { marginLeft: "0", marginRight: "0", paddingTop: tokens.spacingVerticalS },
  // Label and Dropdown side by side, half each: "A 列：一级指标" fits on one line at 320 px.
  column: { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)" },
});

/** The Accordion item's value: one item per editor. */
const COLUMNS = "columns";

/** "自动识别：表头第12-13行" — the opening of the 识别情况 row in the 校验结果 sheet. */
export function readingHead(report: Pick<TableReport, "source" | "headerRows">): string {
  return `${report.source === "override" ? "按指定的表格与列读取" : "自动识别"}：表头第${report.headerRows}行`;
}

export interface ReadingEditorProps {
  table: EditableTable;
  /** The table's reading as checked; absent for a chosen range not (yet) read as a table. */
  report?: TableReport;
  disabled?: boolean;
  /** Where the correction is kept, for the hint ("随工作簿保存", "本次打开期间有效"). */
  keptWhere: string;
  onRole: (column: EditableColumn, role: OverrideRole) => void;
  onHeaderRows: (header: { top: number; bottom: number }) => void;
  /** Back to JX's own reading (shown when the table is read as the user gave it). */
  onReset?: () => void;
}

export function ReadingEditor({ table, report, disabled, keptWhere, onRole, onHeaderRows, onReset }: ReadingEditorProps) {
  const styles = useStyles();
  const [top, setTop] = useState(table.header.top + 1);
  const [bottom, setBottom] = useState(table.header.bottom + 1);
  useEffect(() => {
    setTop(table.header.top + 1);
    setBottom(table.header.bottom + 1);
  }, [table.sheet, table.range, table.header.top, table.header.bottom]);
  const headerChanged = top !== table.header.top + 1 || bottom !== table.header.bottom + 1;
  const headerValid = top >= 1 && bottom >= top;
  // Folded by default; a chosen range still to be given roles opens, and so does one chosen after it.
  const [open, setOpen] = useState(table.source === "selection");
  useEffect(() => {
    if (table.source === "selection") setOpen(true);
  }, [table.source, table.sheet, table.range]);
  return (
    <Card aria-label="识别情况">
      <CardHeader header={<Text weight="semibold">{`识别情况：${table.sheet}!${table.range}`}</Text>} />
      <Accordion collapsible openItems={open ? [COLUMNS] : []} onToggle={(_, d) => setOpen(d.openItems.includes(COLUMNS))}>
        <AccordionItem value={COLUMNS}>
          <AccordionHeader className={styles.header} size="small" expandIconPosition="end">
            {readingSummary(table, report)}
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <div className={styles.stack}>
              {report ? (
                <>
                  <Text>{readingHead(report)}</Text>
                  <Text>{countsText(report)}</Text>
                </>
              ) : (
                <MessageBar intent="warning">
                  <MessageBarBody>所选区域未能读作指标表：请为各列指定角色（至少一列指标名称，以及权重、自评得分或评分规则列），并确认表头行。</MessageBarBody>
                </MessageBar>
              )}
              <Text size={200} className={styles.hint}>{`列的角色可逐列更改，更改后立即重新校验；更正${keptWhere}。`}</Text>
              {table.columns.map((c) => {
                const options = PANE_ROLES.includes(c.role as OverrideRole) ? PANE_ROLES : [c.role, ...PANE_ROLES];
                return (
                  <Field key={c.index} orientation="horizontal" className={styles.column} label={`${c.column} 列${c.header ? `：${c.header}` : ""}`}>
                    <Dropdown
                      className={styles.dropdown}
                      size="small"
                      disabled={disabled}
                      value={roleLabel(c.role)}
                      selectedOptions={[c.role]}
                      onOptionSelect={(_, d) => d.optionValue && d.optionValue !== c.role && onRole(c, d.optionValue as OverrideRole)}
                    >
                      {options.map((role) => (
                        <Option key={role} value={role} text={roleLabel(role)} disabled={!PANE_ROLES.includes(role as OverrideRole)}>
                          {roleLabel(role)}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              })}
              <div className={styles.rows}>
                <Field label="表头首行">
                  <SpinButton className={styles.spin} min={1} value={top} disabled={disabled} onChange={(_, d) => setTop(d.value ?? (Number(d.displayValue) || top))} />
                </Field>
                <Field label="表头末行">
                  <SpinButton className={styles.spin} min={1} value={bottom} disabled={disabled} onChange={(_, d) => setBottom(d.value ?? (Number(d.displayValue) || bottom))} />
                </Field>
                <Button disabled={disabled || !headerChanged || !headerValid} onClick={() => onHeaderRows({ top: top - 1, bottom: bottom - 1 })}>
                  按此表头行读取
                </Button>
              </div>
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {onReset && table.source === "override" ? (
        <Button icon={<ArrowReset20Regular />} disabled={disabled} onClick={onReset}>
          恢复自动识别
        </Button>
      ) : null}
    </Card>
  );
}

export interface TableReadingProps {
  /** A chosen range that did not read as a table (识别所选区域): shown instead of the selected table. */
  candidate: EditableTable | null;
  /** The selected table as checked. */
  table?: TableSummary;
  disabled?: boolean;
  keptWhere: string;
  /** The user's correction of `editable` (the table as the editor shows it). */
  onCorrect: (editable: EditableTable, change: Correction) => void;
}

/** The editor for what the pane shows — the chosen range, else the selected table — in the Excel and browser panes alike. */
export function TableReading({ candidate, table, disabled, keptWhere, onCorrect }: TableReadingProps) {
  const editable = candidate ?? (table ? editableFromSummary(table) : null);
  if (!editable) return null;
  return (
    <ReadingEditor
      table={editable}
      report={candidate ? undefined : table?.reading}
      disabled={disabled}
      keptWhere={keptWhere}
      onRole={(c, role) => onCorrect(editable, { role: [c.index, role] })}
      onHeaderRows={(header) => onCorrect(editable, { header })}
      onReset={() => onCorrect(editable, { reset: true })}
    />
  );
}

export interface RangePickProps {
  /** "selection": Excel's selected range; "typed": the browser page, where the range is written. */
  mode: "selection" | "typed";
  disabled?: boolean;
  /** Whether any table was found: the hint then says what the button is for. */
  nothingFound: boolean;
  onPick: (typed: string | null) => void;
}

/** 识别所选区域: read a range as a table when JX found none there (Excel: the selection; browser page: a typed range). */
export function RangePick({ mode, disabled, nothingFound, onPick }: RangePickProps) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const hint = mode === "selection" ? "在工作表中选中整张指标表（含表头），再点击“识别所选区域”。" : "写明指标表所在区域（含表头），如 Sheet1!A5:K40，再点击“识别所选区域”。";
  return (
    <section aria-label="识别所选区域" className={styles.stack}>
      {nothingFound ? <Text>{`未找到指标表？${hint}`}</Text> : <Text size={200} className={styles.hint}>{`有表格未被识别？${hint}`}</Text>}
      {mode === "typed" ? (
        <Field label="表格区域">
          <Input
            value={text}
            disabled={disabled}
            placeholder="Sheet1!A5:K40"
            onChange={(_, d) => setText(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && text.trim()) {
                e.preventDefault();
                onPick(text);
              }
            }}
          />
        </Field>
      ) : null}
      <div className={styles.rows}>
        <Button disabled={disabled || (mode === "typed" && !text.trim())} onClick={() => onPick(mode === "typed" ? text : null)}>
          识别所选区域
        </Button>
      </div>
    </section>
  );
}
