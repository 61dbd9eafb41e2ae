/*
 * JX 的 WPS 加载项主脚本（WPS 表格）。ribbon.xml 中的回调都在这里：OnAddinLoad、OnAction、GetImage。
 * 按钮打开 JX 任务窗格（taskpane.html，与 Excel 加载项同一个 React 窗格），并通过 wps.PluginStorage
 * 把要执行的操作交给窗格；校验、写入和撤销都在窗格里完成（src/adapters/wps.ts）。
 * =JX.* 函数由 jx-functions.js 通过 wps.AddCustomFunction 注册（WPS 12.1.0.20540 及以后）。
 */
/* global wps, JXFunctions */

var JX_PANE_KEY = "jx.taskpane.id";
var JX_COMMAND_KEY = "jx.command";

/** 按钮 id -> 窗格中对应的操作（窗格按文字找到同名按钮或选项卡）。 */
var JX_COMMANDS = {
  jxCheck: "一键校验",
  jxFill: "填写自评得分",
  jxAnnotate: "标注差异",
  jxClear: "清除标注",
  jxUndo: "撤销",
  jxTemplates: "标准模板",
  jxSettings: "设置",
};

function jxBaseUrl() {
  var href = document.location.href;
  return href.substring(0, href.lastIndexOf("/") + 1);
}

function OnAddinLoad(ribbonUI) {
  if (typeof wps.ribbonUI !== "object") wps.ribbonUI = ribbonUI;
  if (typeof JXFunctions === "object" && typeof wps.AddCustomFunction === "function") {
    JXFunctions.register(wps, jxBaseUrl());
  }
  return true;
}

/** 显示 JX 任务窗格（第一次时创建）。 */
function jxShowPane() {
  var id = wps.PluginStorage.getItem(JX_PANE_KEY);
  var pane = id ? wps.GetTaskPane(id) : null;
  if (!pane) {
    pane = wps.CreateTaskPane(jxBaseUrl() + "taskpane.html", "JX 绩效自评表评分");
    wps.PluginStorage.setItem(JX_PANE_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

function OnAction(control) {
  var command = JX_COMMANDS[control.Id];
  if (!command) return true;
  if (!wps.EtApplication().ActiveWorkbook && command !== "标准模板" && command !== "设置") {
    alert("请先打开一份绩效自评表。");
    return true;
  }
  jxShowPane();
  // 窗格轮询这个键；seq 让同一按钮连按两次也算两次。
  wps.PluginStorage.setItem(JX_COMMAND_KEY, JSON.stringify({ label: command, seq: Date.now() }));
  return true;
}

function GetImage(control) {
  return "images/" + control.Id + ".svg";
}
