/**
 * The WPS shell: every callback ribbon.xml names is a function main.js defines, every button main.js
 * handles is on the ribbon (and the other way round), every button has its icon; main.js runs against a
 * stand-in `wps` global. And =JX.* registration through wps.AddCustomFunction: the same names as the Excel
 * functions, Chinese help, optional parameters marked.
 */
import { DOMParser } from "@xmldom/xmldom";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";
import { forWps, registerWith, WPS_FUNCTIONS } from "../../wps/src/functions";

const WPS = join(__dirname, "..", "..", "wps");
const ribbon = new DOMParser().parseFromString(readFileSync(join(WPS, "ribbon.xml"), "utf8"), "text/xml");
const mainJs = readFileSync(join(WPS, "main.js"), "utf8");

function mainContext(extra: Record<string, unknown> = {}) {
  const storage = new Map<string, unknown>();
  const panes: { url: string; Visible: boolean; ID: string }[] = [];
  const alerts: string[] = [];
  const wps = {
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => storage.set(k, v) },
    CreateTaskPane: (url: string) => {
      const p = { url, Visible: false, ID: `pane${panes.length + 1}` };
      panes.push(p);
      return p;
    },
    GetTaskPane: (id: string) => panes.find((p) => p.ID === id) ?? null,
    EtApplication: () => ({ ActiveWorkbook: { Name: "自评表.et" } }),
    ...extra,
  };
  const ctx: Record<string, unknown> = { wps, document: { location: { href: "file:///C:/jx-wps/jx_0.1.0/index.html" } }, alert: (m: string) => alerts.push(m), JSON, Date };
  runInNewContext(mainJs, ctx);
  return { ctx, storage, panes, alerts };
}

const controls = () => Array.from(ribbon.getElementsByTagName("button")) as unknown as Element[];

test("ribbon.xml: a JX tab with the seven buttons, in Chinese", () => {
  const tab = ribbon.getElementsByTagName("tab")[0];
  expect(tab.getAttribute("label")).toBe("JX");
  expect(controls().map((b) => b.getAttribute("label"))).toEqual(["一键校验", "填写自评得分", "标注差异", "清除标注", "撤销", "标准模板", "设置"]);
});

test("every callback ribbon.xml names is a function main.js defines", () => {
  const { ctx } = mainContext();
  const names = new Set<string>();
  const walk = (el: Element) => {
    for (const attr of Array.from(el.attributes)) if (/^(on[A-Z]|get[A-Z])/.test(attr.name)) names.add(attr.value);
    for (const child of Array.from(el.childNodes)) if ((child as Element).attributes) walk(child as Element);
  };
  walk(ribbon.documentElement as unknown as Element);
  expect([...names].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
  for (const n of names) expect(typeof ctx[n]).toBe("function");
});

test("main.js handles exactly the ribbon's buttons, each has its icon, and a click opens the pane with the command", () => {
  const { ctx, storage, panes } = mainContext();
  const ids = controls().map((b) => b.getAttribute("id") as string);
  expect(Object.keys(ctx.JX_COMMANDS as object).sort()).toEqual([...ids].sort());
  for (const id of ids) expect(existsSync(join(WPS, (ctx.GetImage as (c: { Id: string }) => string)({ Id: id })))).toBe(true);
  const onAction = ctx.OnAction as (c: { Id: string }) => boolean;
  expect(onAction({ Id: "jxCheck" })).toBe(true);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ url: "file:///C:/jx-wps/jx_0.1.0/taskpane.html", Visible: true });
  expect(JSON.parse(storage.get("jx.command") as string).label).toBe("一键校验");
  onAction({ Id: "jxUndo" });
  expect(panes).toHaveLength(1); // the same pane, shown again
  expect(JSON.parse(storage.get("jx.command") as string).label).toBe("撤销");
});

test("without an open workbook the check buttons say so; settings still open", () => {
  const { ctx, alerts, panes } = mainContext({ EtApplication: () => ({ ActiveWorkbook: null }) });
  (ctx.OnAction as (c: { Id: string }) => boolean)({ Id: "jxFill" });
  expect(alerts).toEqual(["请先打开一份绩效自评表。"]);
  (ctx.OnAction as (c: { Id: string }) => boolean)({ Id: "jxSettings" });
  expect(panes).toHaveLength(1);
});

test("=JX.* registered through wps.AddCustomFunction: the Excel names, Chinese help, optional parameters", () => {
  const zh = JSON.parse(readFileSync(join(__dirname, "..", "..", "dist", "functions.zh-cn.json"), "utf8"));
  const calls: { ns: string; name: string; fn: (...a: unknown[]) => unknown; meta: { description: string; parameters: { name: string; description: string; type: string }[] } }[] = [];
  const names = registerWith({ AddCustomFunction: (ns, name, fn, meta) => calls.push({ ns, name, fn, meta: meta as never }) }, zh);
  expect(names).toEqual(zh.functions.map((f: { name: string }) => f.name));
  expect(calls.every((c) => c.ns === "JX")).toBe(true);
  expect(WPS_FUNCTIONS).toHaveLength(zh.functions.length);
  const score = calls.find((c) => c.name === "SCORE")!;
  expect(score.meta.description).toMatch(/[\u4e00-\u9fff]/);
  expect(score.meta.parameters.map((p) => p.type)).toEqual(["any", "any", "any", "any", "any?"]);
  expect(score.meta.parameters.every((p) => /[\u4e00-\u9fff]/.test(p.description))).toBe(true);
  expect(score.fn("实际值为100%得满分,每降低1%扣权重分的10%,扣完为止", "=100%", 0.954, 4)).toBe(2.16);
  expect(String(calls.find((c) => c.name === "LINEAR_DEDUCT")!.fn("abc", 1, 4, 0.1))).toMatch(/^#VALUE!：/);
  expect(forWps(3)).toBe(3);
});
