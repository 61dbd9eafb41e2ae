/** The pane inside Excel: check the active sheet, write scores, annotate, clear, undo, settings. */
import { Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowUndo20Regular,
  CheckmarkCircle20Regular,
  DocumentAdd20Regular,
  Edit20Regular,
  Eraser20Regular,
  Highlight20Regular,
  TableSearch20Regular,
} from "@fluentui/react-icons";
import { useState } from "react";
import type { Finding } from "../src/check/types";
import { ActionsBar } from "./components/ActionsBar";
import { CheckResultView } from "./components/CheckResultView";
import { ConfirmOverwrite } from "./components/ConfirmOverwrite";
import { RangePick, TableReading } from "./components/ReadingEditor";
import { SettingsForm } from "./components/SettingsForm";
import { TemplatePicker } from "./components/TemplatePicker";
import { StatusBar, errorMessage, type Status } from "./components/StatusBar";
import { overwriteCount, type PlanOptions, type WorkbookCheck } from "./state/engine";
import type { PaneSession } from "./state/paneSession";
import { SETTINGS_KEY, type PaneSettings, type SettingsStore } from "./state/settings";
import { correct, type Correction, type CorrectionHost, type EditableTable } from "./state/tables";
import type { TemplateChoice } from "./state/templateFile";
import { listTemplates } from "../src/templates/registry";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  options: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface ExcelPaneProps {
  /** Excel (ExcelSession) or WPS (WpsSession). */
  session: PaneSession;
  store: SettingsStore;
  initialSettings: PaneSettings;
  defaults: PaneSettings;
  warnings: string[];
}

/** Template building brings exceljs: loaded only when a template is inserted. */
const templateFile = () => import(/* webpackChunkName: "templates" */ "./state/templateFile");

export function ExcelPane({ session, store, initialSettings, defaults, warnings }: ExcelPaneProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<"result" | "templates" | "settings">("result");
  const [settings, setSettings] = useState(initialSettings);
  const [result, setResult] = useState<WorkbookCheck | null>(null);
  const [showFindings, setShowFindings] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [formulas, setFormulas] = useState<PlanOptions["formulas"]>("values");
  const [overwrite, setOverwrite] = useState(false);
  const [confirm, setConfirm] = useState<number | null>(null);
  const [undoLabel, setUndoLabel] = useState<string | null>(null);
  /** A range chosen with 识别所选区域 that did not read as a table: its columns, for the user to give roles. */
  const [candidate, setCandidate] = useState<EditableTable | null>(null);
  const busy = status.kind === "busy";
  /** Where settings and corrections are kept: Excel's document settings, or WPS's pane storage on this computer. */
  const keptWhere = session.keptWhere ?? "随工作簿保存";

  async function work(label: string, job: () => Promise<string | void>) {
    setStatus({ kind: "busy", label });
    // Let the progress bar paint before the engine takes the thread.
    await new Promise((r) => setTimeout(r, 0));
    try {
      const message = await job();
      setStatus(message ? { kind: "done", message } : { kind: "idle" });
    } catch (e) {
      setStatus({ kind: "error", message: errorMessage(e) });
    } finally {
      setUndoLabel(session.canUndo);
    }
  }

  const check = (findings: boolean) =>
    work(findings ? "正在校验当前工作表…" : "正在识别指标表…", async () => {
      const r = await session.check(settings);
      setResult(r);
      setCandidate(null);
      setShowFindings(findings);
      setSelected(r.tables.length > 0 ? 0 : null);
      setTab("result");
      if (!findings) return `识别到 ${r.tables.length} 张指标表。`;
      const errors = r.findings.filter((f) => f.severity === "error").length;
      return `校验完成：${r.findings.length} 个问题，其中错误 ${errors} 个。`;
    });

  /**
   * After a write, 清除标注 or 撤销: the findings the session holds for the sheet as JX left it (re-checked on
   * the read it holds, no sync), or none when only a new check can tell (the message then says so).
   */
  const showSession = () => {
    const r = session.result;
    setResult(r);
    if (!r) {
      setCandidate(null);
      setSelected(null);
      return;
    }
    setSelected((s) => (s !== null && s < r.tables.length ? s : r.tables.length > 0 ? 0 : null));
  };
  /** A job that changes the sheet: the pane shows the session's findings after it, whether it succeeded or not. */
  const writing = (label: string, job: () => Promise<string>) =>
    work(label, async () => {
      try {
        return await job();
      } finally {
        showSession();
      }
    });

  const fill = (withOverwrite: boolean) =>
    writing("正在填写自评得分…", async () => {
      const out = await session.write(settings, { fillMissing: true, annotate: false, overwriteDiverging: withOverwrite, formulas }, "填写自评得分");
      return out.message;
    });

  const startFill = async () => {
    if (!overwrite) return fill(false);
    // A fresh check counts the scores an overwrite would replace; the write then reuses that read.
    let count = -1;
    await work("正在校验当前工作表…", async () => {
      const r = await session.check(settings);
      setResult(r);
      count = overwriteCount(r, formulas);
    });
    if (count === 0) await fill(false);
    else if (count > 0) setConfirm(count);
  };

  const annotate = () =>
    writing("正在标注差异…", async () => {
      const out = await session.write(settings, { fillMissing: false, annotate: true, overwriteDiverging: false, formulas }, "标注差异");
      setShowFindings(true);
      return out.message;
    });

  const insertTemplate = (choice: TemplateChoice) =>
    work("正在插入标准模板…", async () => {
      const { templateForInsert } = await templateFile();
      return session.insertTemplate((taken) => templateForInsert(choice, taken));
    });

  // The user's correction of the reading: kept in the document settings, used by every later check.
  const host: CorrectionHost = {
    current: () => session.tables,
    apply: async (tables, keep) => {
      const r = await session.applyTables(settings, tables, keep);
      setResult(r);
      return r;
    },
    show: (found, pending) => {
      setSelected(found);
      setCandidate(pending);
      setShowFindings(true);
      setTab("result");
    },
    keptWhere: `已${keptWhere}`,
  };
  const correction = (table: EditableTable, change: Correction) => work("正在按更正重新校验…", () => correct(host, table, change));

  const checkSelection = session.checkSelection
    ? () =>
        work("正在识别所选区域…", async () => {
          const out = await session.checkSelection!(settings);
          setResult(out.result);
          setShowFindings(true);
          setSelected(out.found ?? (out.result.tables.length ? 0 : null));
          setCandidate(out.candidate);
          setTab("result");
          if (out.candidate) return `所选区域 ${out.candidate.sheet}!${out.candidate.range} 未能读作指标表：请在“识别情况”中为各列指定角色。`;
          const t = out.result.tables[out.found!];
          return `已将 ${t.sheet}!${t.range} 读作指标表（${t.indicators} 个指标），更正已${keptWhere}：${out.result.findings.length} 个问题。`;
        })
    : null;

  const selectedTable = result && selected !== null ? result.tables[selected] : undefined;

  const selectFinding = (f: Finding) => work("正在选中单元格…", () => session.select(f));
  const selectTable = (i: number) => {
    setSelected(i);
    if (result) void work("正在选中指标表…", () => session.selectTable(result.tables[i]));
  };

  return (
    <main className={styles.pane} aria-busy={busy}>
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <ActionsBar
        label="校验操作"
        actions={[
          { label: "识别指标表", icon: <TableSearch20Regular />, disabled: busy, onClick: () => void check(false) },
          { label: "一键校验", icon: <CheckmarkCircle20Regular />, primary: true, disabled: busy, onClick: () => void check(true) },
          { label: "填写自评得分", icon: <Edit20Regular />, disabled: busy, onClick: () => void startFill() },
          { label: "标注差异", icon: <Highlight20Regular />, disabled: busy, onClick: () => void annotate() },
          { label: "清除标注", icon: <Eraser20Regular />, disabled: busy, onClick: () => void writing("正在清除 JX 标注…", () => session.clear()) },
          {
            label: undoLabel ? `撤销“${undoLabel}”` : "撤销",
            icon: <ArrowUndo20Regular />,
            disabled: busy || !undoLabel,
            onClick: () => void writing("正在撤销…", () => session.undo()),
          },
        ]}
      />
      <div className={styles.options}>
        <Field label="填写方式">
          <RadioGroup layout="horizontal" value={formulas} onChange={(_, d) => setFormulas(d.value as PlanOptions["formulas"])}>
            <Radio value="values" label="数值" />
            <Radio value="jx" label="=JX 公式" />
          </RadioGroup>
        </Field>
        <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(Boolean(d.checked))} label="同时覆盖与规则不一致的自评得分（需确认）" />
      </div>
      <StatusBar status={status} />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="result">结果</Tab>
        <Tab value="templates">标准模板</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      {tab === "templates" ? (
        <TemplatePicker
          templates={listTemplates()}
          actionLabel="插入标准模板"
          icon={<DocumentAdd20Regular />}
          disabled={busy || session.canInsertTemplates === false}
          hint={session.templateHint ?? "模板的工作表（表格和“说明”）插入到当前工作簿末尾，同名时自动加序号。“撤销”会删除插入的工作表，连同其中已填写的内容。"}
          onRun={(c) => void insertTemplate(c)}
        />
      ) : tab === "settings" ? (
        <SettingsForm
          value={settings}
          defaults={defaults}
          savedWhere={keptWhere}
          onSave={(s) =>
            void work("正在保存设置…", async () => {
              await store.set(SETTINGS_KEY, s);
              setSettings(s);
              session.markStale();
              return session.keptWhere ? `设置已${keptWhere}；重新校验后生效。` : "设置已保存到工作簿；重新校验后生效。";
            })
          }
        />
      ) : result ? (
        <CheckResultView
          result={result}
          selected={selected}
          onSelectTable={(i) => {
            setCandidate(null);
            selectTable(i);
          }}
          onSelectFinding={selectFinding}
          showFindings={showFindings}
          pick={checkSelection ? <RangePick mode="selection" disabled={busy} nothingFound={result.tables.length === 0} onPick={() => void checkSelection()} /> : null}
          reading={<TableReading candidate={candidate} table={selectedTable} disabled={busy} keptWhere={keptWhere} onCorrect={(t, change) => void correction(t, change)} />}
        />
      ) : (
        <p>点击“一键校验”检查当前工作表中的绩效自评表。</p>
      )}
      <ConfirmOverwrite
        open={confirm !== null}
        count={confirm ?? 0}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          void fill(true);
        }}
      />
    </main>
  );
}
