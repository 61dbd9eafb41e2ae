/** The pane in a plain browser: open an .xlsx, check it here, preview with highlights, download the checked copy. */
import { Button, Subtitle2, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentArrowDown20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { BatchView } from "./components/BatchView";
import { CheckResultView } from "./components/CheckResultView";
import { FileOpen } from "./components/FileOpen";
import { PreviewTable } from "./components/PreviewTable";
import { RangePick, TableReading } from "./components/ReadingEditor";
import { SettingsForm } from "./components/SettingsForm";
import { TemplatePicker } from "./components/TemplatePicker";
import { StatusBar, errorMessage, type Status } from "./components/StatusBar";
import type { OpenedWorkbook } from "./state/browserSession";
import { isBatchInput, type BatchFile } from "./state/batch-files";
import type { Summary } from "../src/check/summary";
import { findingsOfTable, runCheck, type WorkbookCheck } from "./state/engine";
import { SETTINGS_KEY, type PaneSettings, type SettingsStore } from "./state/settings";
import type { TemplateChoice } from "./state/templateFile";
import { correct, editableFromRange, overlapping, replaceOverride, type Correction, type CorrectionHost, type EditableTable } from "./state/tables";
import { parseTableSpec, type TableOverride } from "../src/sheet/override";
import { rangeA1 } from "../src/sheet/address";
import { listTemplates } from "../src/templates/registry";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  file: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface BrowserPaneProps {
  store: SettingsStore;
  initialSettings: PaneSettings;
  defaults: PaneSettings;
  /** Saves a file: a link click in a browser, replaceable in tests. */
  save?: (blob: Blob, name: string) => void;
}

/** exceljs is loaded only when a file is opened: inside Excel the pane never needs it. */
const xlsxSession = () => import(/* webpackChunkName: "xlsx" */ "./state/browserSession");
const templateFile = () => import(/* webpackChunkName: "templates" */ "./state/templateFile");
/** Several files: checked with the same exceljs chunk, summed up as the 校验汇总. */
const batchSession = () => import(/* webpackChunkName: "xlsx" */ "./state/batch");

function saveWithLink(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function BrowserPane({ store, initialSettings, defaults, save = saveWithLink }: BrowserPaneProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<"result" | "preview" | "templates" | "settings">("result");
  const [settings, setSettings] = useState(initialSettings);
  const [opened, setOpened] = useState<OpenedWorkbook | null>(null);
  const [result, setResult] = useState<WorkbookCheck | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [focusCell, setFocusCell] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [batch, setBatch] = useState<Summary | null>(null);
  /** The user's corrections of the reading, kept while this file is open (used by every check and the checked copy). */
  const [overrides, setOverrides] = useState<TableOverride[]>([]);
  /** A range typed for 识别所选区域 that did not read as a table: its columns, for the user to give roles. */
  const [candidate, setCandidate] = useState<EditableTable | null>(null);
  const busy = status.kind === "busy";

  async function work(label: string, job: () => Promise<string>) {
    setStatus({ kind: "busy", label });
    // Let the progress bar paint before the engine takes the thread.
    await new Promise((r) => setTimeout(r, 0));
    try {
      setStatus({ kind: "done", message: await job() });
    } catch (e) {
      setStatus({ kind: "error", message: errorMessage(e) });
    }
  }

  const check = (wb: OpenedWorkbook, s: PaneSettings, tables = overrides) => {
    const r = runCheck(wb.grids, s, tables);
    setResult(r);
    setCandidate(null);
    setSelected(r.tables.length > 0 ? 0 : null);
    const errors = r.findings.filter((f) => f.severity === "error").length;
    return `${wb.name}：识别到 ${r.tables.length} 张指标表，${r.findings.length} 个问题，其中错误 ${errors} 个。`;
  };

  const open = (file: File) =>
    work(`正在读取 ${file.name}…`, async () => {
      // Forget the previous file first: if this one cannot be read, nothing on the page may still name or check that one.
      setOpened(null);
      setBatch(null);
      setResult(null);
      setSelected(null);
      setFocusCell(null);
      setOverrides([]);
      setCandidate(null);
      const { openWorkbook } = await xlsxSession();
      const wb = await openWorkbook(file.name, await file.arrayBuffer());
      setOpened(wb);
      setTab("result");
      return `已打开 ${file.name}（${wb.grids.length} 个工作表）。点击“一键校验”。`;
    });

  // Several files or a folder: each read and checked here in turn (progress in the status bar), then one 校验汇总.
  const openMany = (picked: BatchFile[]) =>
    work(`正在检查 ${picked.length} 个文件…`, async () => {
      setOpened(null);
      setResult(null);
      setSelected(null);
      setFocusCell(null);
      setBatch(null);
      const files = picked.filter((f) => isBatchInput(f.path));
      if (files.length === 0) throw new Error("所选文件中没有 .xlsx、.xls 或 .et 工作簿。");
      const { checkBatch, batchSummary } = await batchSession();
      const inputs = await checkBatch(files, settings, async (done, total, path) => {
        setStatus({ kind: "busy", label: path ? `正在检查 ${done + 1}/${total}：${path}` : `已检查 ${total} 个文件，正在汇总…`, value: done / total });
        await new Promise((r) => setTimeout(r, 0));
      });
      const summary = batchSummary(inputs);
      setBatch(summary);
      setTab("result");
      const unreadable = summary.json.filter((f) => f.indicators === null && f.reason).length;
      const errors = summary.json.reduce((n, f) => n + f.errors, 0);
      return `已检查 ${files.length} 个文件${unreadable ? `（${unreadable} 个无法读取）` : ""}，错误级问题共 ${errors} 个。点击“下载校验汇总”保存汇总表。`;
    });

  const downloadSummary = () =>
    work("正在生成校验汇总…", async () => {
      if (!batch) return "请先打开多个文件或一个文件夹。";
      const { summaryBlob, SUMMARY_FILE_NAME } = await batchSession();
      save(await summaryBlob(batch), SUMMARY_FILE_NAME);
      return `已下载 ${SUMMARY_FILE_NAME}：“汇总”工作表每个文件一行，“问题明细”列出全部问题。`;
    });

  const download = () =>
    work("正在生成校验副本…", async () => {
      if (!opened || !result) return "请先打开文件并校验。";
      const { checkedCopy, checkedName } = await xlsxSession();
      const name = checkedName(opened.name);
      save(await checkedCopy(opened, result), name);
      const legacy = /\.(xls|et)$/i.test(opened.name) ? "（原文件为 .xls/.et 旧格式，校验副本为 .xlsx 格式）" : "";
      return `已下载 ${name}${legacy}：缺失的得分已填写，问题单元格已标色并附批注，另有“校验结果”工作表。原文件未改动。`;
    });

  const downloadTemplate = (choice: TemplateChoice) =>
    work("正在生成标准模板…", async () => {
      const { templateDownload } = await templateFile();
      const { name, blob } = await templateDownload(choice);
      save(blob, name);
      return `已下载 ${name}。`;
    });

  // The user's correction: checked at once, kept for this file (the checked copy is made from that check).
  const host: CorrectionHost = {
    current: () => overrides,
    apply: async (tables, keep) => {
      if (!opened) throw new Error("请先打开文件。");
      const r = runCheck(opened.grids, settings, tables);
      setResult(r);
      if (keep) setOverrides(tables);
      return r;
    },
    show: (found, pending) => {
      setSelected(found);
      setCandidate(pending);
    },
    keptWhere: "在本次打开期间有效",
  };
  const correction = (table: EditableTable, change: Correction) => work("正在按更正重新校验…", () => correct(host, table, change));

  // 识别所选区域 in a browser: there is no selection, the range is written (Sheet1!A5:K40).
  const pickRange = (typed: string) =>
    work("正在识别所写区域…", async () => {
      if (!opened) return "请先打开文件。";
      const spec = parseTableSpec(typed);
      const names = opened.grids.map((g) => g.name);
      const sheet = spec.sheet ?? (opened.grids.length === 1 ? names[0] : null);
      if (sheet === null) throw new Error(`请写明工作表名，如 ${names[0]}!A5:K40（本文件有工作表：${names.join("、")}）。`);
      const grid = opened.grids.find((g) => g.name === sheet);
      if (!grid) throw new Error(`本文件没有名为“${sheet}”的工作表（有：${names.join("、")}）。`);
      if (spec.range.bottom - spec.range.top < 1) throw new Error("所写区域只有一行：请写出整张指标表（含表头）的区域，如 A5:K40。");
      const range = rangeA1(spec.range);
      const tables = replaceOverride(overrides, sheet, range, { sheet, range });
      const r = runCheck(opened.grids, settings, tables);
      const found = r.tables.findIndex((t) => t.sheet === sheet && overlapping(t.range, range));
      if (found >= 0) {
        setOverrides(tables);
        setResult(r);
        setSelected(found);
        setCandidate(null);
        return `已将 ${sheet}!${r.tables[found].range} 读作指标表（${r.tables[found].indicators} 个指标）：${r.findings.length} 个问题。`;
      }
      setCandidate(editableFromRange(grid, spec.range));
      setSelected(null);
      return `${sheet}!${range} 未能读作指标表：请在“识别情况”中为各列指定角色。`;
    });

  const selectedTable = result && selected !== null ? result.tables[selected] : undefined;

  const grid = opened && result && selected !== null ? opened.grids.find((g) => g.name === result.tables[selected].sheet) : undefined;
  // The deepest level's name column of the selected table, kept in view in the preview.
  const detail = result && selected !== null ? result.details.find((d) => d.summary === result.tables[selected]) : undefined;
  const levels = detail?.table.columns.level;
  const nameColumn = levels ? ([...levels].reverse().find((c) => c !== null) ?? null) : null;
  const rowNames = detail
    ? new Map([
        ...detail.table.rows.map((row) => [row.row, row.name] as const),
        ...(detail.table.total ? [[detail.table.total.row, detail.table.total.label] as const] : []),
        ...(detail.table.grade ? [[detail.table.grade.row, "评价结论"] as const] : []),
      ])
    : undefined;
  return (
    <main className={styles.pane} aria-busy={busy}>
      <FileOpen disabled={busy} onFile={(f) => void open(f)} onFiles={(fs) => void openMany(fs)} />
      {opened ? (
        <div className={styles.file}>
          <Subtitle2>{opened.name}</Subtitle2>
          <Button appearance="primary" disabled={busy} onClick={() => void work("正在校验…", async () => check(opened, settings))}>
            一键校验
          </Button>
          <Button icon={<ArrowDownload20Regular />} disabled={busy || !result} onClick={() => void download()}>
            下载校验副本
          </Button>
        </div>
      ) : null}
      <StatusBar status={status} />
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="result">结果</Tab>
        <Tab value="preview" disabled={!grid}>
          预览
        </Tab>
        <Tab value="templates">标准模板</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      {tab === "templates" ? (
        <TemplatePicker
          templates={listTemplates()}
          actionLabel="下载标准模板"
          icon={<DocumentArrowDown20Regular />}
          disabled={busy}
          hint={(t) => `下载“${t ? t.name : "模板"}.xlsx”，在 Excel、WPS 或 LibreOffice 中打开填写；选原生公式时打开即自动计分。`}
          onRun={(c) => void downloadTemplate(c)}
        />
      ) : tab === "settings" ? (
        <SettingsForm
          value={settings}
          defaults={defaults}
          savedWhere="保存在本浏览器"
          onSave={(s) =>
            void work("正在保存设置…", async () => {
              await store.set(SETTINGS_KEY, s);
              setSettings(s);
              return opened ? check(opened, s) : "设置已保存。";
            })
          }
        />
      ) : tab === "preview" && grid && result && selected !== null ? (
        <PreviewTable grid={grid} table={result.tables[selected]} findings={findingsOfTable(result.findings, result.tables[selected])} focusCell={focusCell} nameColumn={nameColumn} rowNames={rowNames} />
      ) : tab === "result" && batch ? (
        <BatchView files={batch.json} disabled={busy} onDownload={() => void downloadSummary()} />
      ) : result ? (
        <CheckResultView
          result={result}
          selected={selected}
          onSelectTable={(i) => {
            setCandidate(null);
            setSelected(i);
          }}
          onSelectFinding={(f) => {
            setFocusCell(f.cell);
            setTab("preview");
          }}
          showFindings
          pick={<RangePick mode="typed" disabled={busy} nothingFound={result.tables.length === 0} onPick={(t) => t && void pickRange(t)} />}
          reading={<TableReading candidate={candidate} table={selectedTable} disabled={busy} keptWhere="在本次打开期间有效，下载的校验副本按更正后的结果生成" onCorrect={(t, change) => void correction(t, change)} />}
        />
      ) : (
        <p>{opened ? "点击“一键校验”检查这个工作簿中的绩效自评表。" : "打开一份绩效自评表（.xlsx、.xls 或 .et），再点击“一键校验”。适用于 WPS 或不能使用加载项的 Excel。"}</p>
      )}
    </main>
  );
}
