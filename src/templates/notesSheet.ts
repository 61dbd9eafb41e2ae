import type ExcelJS from "exceljs";
import type { BuildOptions, TemplateDef } from "./types";
import { OPTION_LABELS } from "../rules/options";
import { FONT, FONT_BOLD, FONT_TITLE, LEFT } from "./styles";

/** Lines every template's 说明 sheet carries: how to fill it and how it scores. */
function generalNotes(t: TemplateDef, opts: BuildOptions): string[] {
  const scoring =
    opts.formulas === "native"
      ? "得分列是电子表格自带函数写成的公式（Excel、WPS、LibreOffice 均可计算），按评分规则计分，无需安装加载项。"
      : "得分列使用 JX 加载项的自定义函数 =JX.SCORE(评分规则, 目标值, 实际值, 权重)；未安装 JX 加载项时显示 #NAME?，可改用“原生公式”版本的模板；已安装仍显示 #NAME? 时，选中得分单元格按 F2 再回车即可重新计算。";
  return [
    "黄色单元格为填写区，其余单元格（指标、目标值、权重、评分规则、公式）已锁定；工作表保护未设密码，如需修改结构请在“审阅”中撤销工作表保护。",
    scoring,
    "目标值与实际值可以是数字（百分比单元格中的95.4%），也可以是文字“≥95%”“＝100%”“95.4％”：公式会去掉≥、≤、＝等符号和千位分隔符后读取数值。文字中含“不低于”等汉字或计量单位时无法读取，得分显示 #VALUE!，请改填数字。",
    "实际值未填写时得分为空；合计在所有指标都有得分后才显示，避免漏填造成总分偏低。显示 #N/A 表示实际值不在评分规则的任何档次内或无法按规则计算，请核对后人工评分。",
    `得分${OPTION_LABELS.rounding.values["half-up-2"]}；评价等级按“${OPTION_LABELS.gradeScheme.values[t.gradeScheme]}”。`,
  ];
}

export const NOTES_SHEET = "说明";

export function writeNotesSheet(wb: ExcelJS.Workbook, t: TemplateDef, opts: BuildOptions, manual: { name: string; reason: string }[]): void {
  const ws = wb.addWorksheet(opts.sheetNames?.notes ?? NOTES_SHEET);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 100;
  const title = ws.getCell("A1");
  title.value = `${t.name} 填写说明`;
  title.font = FONT_TITLE;
  ws.mergeCells("A1:B1");
  const rows: [string, string][] = [
    ["模板", `${t.name}（编号 ${t.id}）`],
    ["版本", t.version],
    ["来源", t.source],
    ["生成", "JX 绩效自评表评分工具（jx template）"],
    ...generalNotes(t, opts).map((s, i): [string, string] => [i === 0 ? "填写与计分" : "", s]),
    ...t.notes.map((s, i): [string, string] => [i === 0 ? "本表说明" : "", s]),
    ...manual.map((m, i): [string, string] => [i === 0 ? "需人工评分" : "", `${m.name}：${m.reason}`]),
  ];
  rows.forEach(([label, text], i) => {
    const a = ws.getCell(i + 3, 1);
    a.value = label;
    a.font = FONT_BOLD;
    a.alignment = LEFT;
    const b = ws.getCell(i + 3, 2);
    b.value = text;
    b.font = FONT;
    b.alignment = LEFT;
  });
}
