/**
 * Offline checks of an add-in only manifest (manifest.xml). No package ships the current add-in XSDs and
 * Microsoft's validator posts the file to an online service, so these check what breaks add-ins in
 * practice. Each check has a fixed Chinese description of exactly what it verifies.
 */
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

export interface CheckResult {
  /** What is checked, in words a reviewer can verify. */
  check: string;
  problems: string[];
}

/** Child elements of OfficeApp (TaskPaneApp) in schema order. */
const OFFICEAPP_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "AllowSnapshot", "Dictionary", "ExtendedOverrides", "VersionOverrides",
];
const OFFICEAPP_REQUIRED = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"];

/** Parent element -> its children's schema order (VersionOverrides 1.0 for task pane add-ins). */
const CHILD_ORDER: Record<string, string[]> = {
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins", "VersionOverrides"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
};
const CUSTOM_FUNCTIONS_CHILDREN = ["Script", "Page", "Metadata", "Namespace"];

/** Which resource collection a resid must point into, by the referencing element's name. */
const RESID_KIND: Record<string, string> = {
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Image: "Images",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

function elements(parent: Document | Element, localName?: string): Element[] {
  const all = Array.from(parent.getElementsByTagName("*")) as Element[];
  return localName ? all.filter((e) => e.localName === localName) : all;
}

function children(parent: Element): Element[] {
  return (Array.from(parent.childNodes) as Element[]).filter((n) => n.nodeType === 1);
}

function where(e: Element): string {
  const line = (e as unknown as { lineNumber?: number }).lineNumber;
  return line ? `第${line}行 <${e.tagName}>` : `<${e.tagName}>`;
}

function xsiType(e: Element): string | null {
  return e.getAttributeNS(NS.xsi, "type");
}

/** Children must appear in schema order; unknown names are reported when `strict`. */
function orderProblems(parent: Element, order: string[], strict: boolean): string[] {
  const out: string[] = [];
  let last = -1;
  let lastName = "";
  for (const c of children(parent)) {
    const at = order.indexOf(c.localName ?? "");
    if (at < 0) {
      if (strict) out.push(`${where(c)} 不是 <${parent.localName}> 允许的子元素`);
      continue;
    }
    if (at < last) out.push(`${where(c)} 应位于 <${lastName}> 之前（<${parent.localName}> 的子元素顺序：${order.join("、")}）`);
    if (at >= last) {
      last = at;
      lastName = c.localName ?? "";
    }
  }
  return out;
}

function parse(xml: string): { doc: Document | null; problems: string[] } {
  const problems: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") problems.push(msg.trim());
      },
    }).parseFromString(xml, "text/xml");
    return { doc: problems.length ? null : doc, problems };
  } catch (err) {
    problems.push(err instanceof Error ? err.message.split("\n")[0] : String(err));
    return { doc: null, problems };
  }
}

function resources(doc: Document): Map<string, { kind: string; element: Element }[]> {
  const byId = new Map<string, { kind: string; element: Element }[]>();
  const res = elements(doc, "Resources")[0];
  if (!res) return byId;
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const coll of children(res).filter((c) => c.localName === kind)) {
      for (const item of children(coll)) {
        const id = item.getAttribute("id") ?? "";
        byId.set(id, [...(byId.get(id) ?? []), { kind, element: item }]);
      }
    }
  }
  return byId;
}

function urlValues(doc: Document): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]) {
    for (const e of elements(doc, name)) if (e.hasAttribute("DefaultValue")) out.push({ where: where(e), url: e.getAttribute("DefaultValue") ?? "" });
  }
  for (const e of elements(doc, "AppDomain")) out.push({ where: where(e), url: (e.textContent ?? "").trim() });
  for (const coll of ["Urls", "Images"]) {
    for (const c of elements(doc, coll)) {
      for (const item of children(c)) {
        out.push({ where: where(item), url: item.getAttribute("DefaultValue") ?? "" });
        for (const o of children(item).filter((x) => x.localName === "Override")) out.push({ where: where(o), url: o.getAttribute("Value") ?? "" });
      }
    }
  }
  return out;
}

function customFunctionsPoints(doc: Document): Element[] {
  return elements(doc, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
}

function residOf(parent: Element | undefined, child: string): string | null {
  if (!parent) return null;
  const c = children(parent).find((x) => x.localName === child);
  const loc = c && children(c).find((x) => x.localName === "SourceLocation");
  return loc?.getAttribute("resid") ?? null;
}

export function checkManifest(xml: string): CheckResult[] {
  const results: CheckResult[] = [];
  const add = (check: string, problems: string[]) => results.push({ check, problems });
  const { doc, problems } = parse(xml);
  add("XML 格式正确（可被解析，标签闭合，属性带引号）", problems);
  if (!doc) return results;
  const root = doc.documentElement;

  const rootProblems: string[] = [];
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) rootProblems.push(`根元素应为命名空间 ${NS.app} 中的 <OfficeApp>`);
  else if (xsiType(root) !== "TaskPaneApp") rootProblems.push(`<OfficeApp> 的 xsi:type 应为 TaskPaneApp，收到 ${xsiType(root) ?? "（无）"}`);
  add("根元素是 xsi:type=\"TaskPaneApp\" 的 <OfficeApp>", rootProblems);
  if (rootProblems.length || !root) return results;

  const top = children(root).map((c) => c.localName ?? "");
  add(
    `<OfficeApp> 含必需元素 ${OFFICEAPP_REQUIRED.join("、")}，且子元素按架构顺序排列（${OFFICEAPP_ORDER.join("、")}）`,
    [...OFFICEAPP_REQUIRED.filter((r) => !top.includes(r)).map((r) => `缺少 <${r}>`), ...orderProblems(root, OFFICEAPP_ORDER, true)],
  );

  const idText = (children(root).find((c) => c.localName === "Id")?.textContent ?? "").trim();
  const version = (children(root).find((c) => c.localName === "Version")?.textContent ?? "").trim();
  add("<Id> 是 GUID，<Version> 形如 1.0.0.0（1 到 4 段数字）", [
    ...(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idText) ? [] : [`<Id> 不是 GUID：“${idText}”`]),
    ...(/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version) ? [] : [`<Version> 格式不对：“${version}”`]),
  ]);

  const orderIssues: string[] = [];
  for (const [parent, order] of Object.entries(CHILD_ORDER)) {
    for (const e of elements(doc, parent)) {
      if (parent === "Host" && !xsiType(e)) continue; // <Hosts><Host Name="Workbook"/> at the top level has no children
      orderIssues.push(...orderProblems(e, order, parent === "Host" || parent === "Resources"));
    }
  }
  add(`VersionOverrides 内元素顺序：${Object.entries(CHILD_ORDER).map(([p, o]) => `<${p}> 内 ${o.join("→")}`).join("；")}（<Runtimes> 紧跟 <Host> 开始标签）`, orderIssues);

  const res = resources(doc);
  const residProblems: string[] = [];
  for (const e of elements(doc).filter((x) => x.hasAttribute("resid"))) {
    const resid = e.getAttribute("resid") ?? "";
    const defs = res.get(resid);
    const kind = RESID_KIND[e.localName ?? ""];
    if (!defs) residProblems.push(`${where(e)} 的 resid="${resid}" 在 <Resources> 中没有定义`);
    else if (kind && !defs.some((d) => d.kind === kind)) residProblems.push(`${where(e)} 的 resid="${resid}" 应定义在 <bt:${kind}> 中，实际在 <bt:${defs[0].kind}> 中`);
    if (resid.length > 32) residProblems.push(`${where(e)} 的 resid="${resid}" 超过32个字符`);
  }
  add("每个 resid 都在 <Resources> 中定义，且类型相符（网址→bt:Urls，图标→bt:Images，标签/标题/命名空间→bt:ShortStrings，说明→bt:LongStrings），长度不超过32", residProblems);

  const idProblems: string[] = [];
  for (const [id, defs] of res) if (defs.length > 1) idProblems.push(`资源 id="${id}" 定义了${defs.length}次`);
  const controlIds = new Map<string, number>();
  for (const e of elements(doc).filter((x) => ["Group", "Control", "Menu", "Item"].includes(x.localName ?? "") && x.hasAttribute("id"))) {
    const id = e.getAttribute("id") ?? "";
    controlIds.set(id, (controlIds.get(id) ?? 0) + 1);
  }
  for (const [id, n] of controlIds) if (n > 1) idProblems.push(`控件 id="${id}" 出现了${n}次`);
  add("资源 id 互不重复；组和控件（Group、Control、Menu、Item）的 id 互不重复", idProblems);

  const urlProblems = urlValues(doc)
    .filter((u) => !/^https:\/\/[^\s/]+/i.test(u.url))
    .map((u) => `${u.where} 的网址不是 https：“${u.url}”`);
  add("所有网址（IconUrl、HighResolutionIconUrl、SupportUrl、SourceLocation、AppDomain、bt:Url、bt:Image 及其 Override）都以 https:// 开头", urlProblems);

  const runtimeProblems: string[] = [];
  const runtimes = elements(doc, "Runtime");
  if (runtimes.length) {
    const resids = new Set(runtimes.map((r) => r.getAttribute("resid")));
    for (const r of runtimes) if (r.getAttribute("lifetime") !== "long") runtimeProblems.push(`${where(r)} 的 lifetime 应为 long`);
    const runtime = runtimes[0].getAttribute("resid");
    const uses: { name: string; resid: string | null }[] = [
      ...customFunctionsPoints(doc).map((p) => ({ name: "自定义函数 <Page>", resid: residOf(p, "Page") })),
      ...elements(doc, "FunctionFile").map((f) => ({ name: "<FunctionFile>", resid: f.getAttribute("resid") })),
      ...elements(doc, "Action")
        .filter((a) => xsiType(a) === "ShowTaskpane")
        .map((a) => ({ name: "任务窗格按钮 <Action>", resid: children(a).find((c) => c.localName === "SourceLocation")?.getAttribute("resid") ?? null })),
    ];
    if (resids.size > 1) runtimeProblems.push(`<Runtimes> 中有多个不同的 resid：${[...resids].join("、")}`);
    for (const u of uses) if (u.resid !== runtime) runtimeProblems.push(`${u.name} 的 resid="${u.resid}" 与 <Runtime resid="${runtime}"> 不一致，共享运行时将无法加载`);
    const sets = elements(doc, "Set").map((s) => s.getAttribute("Name"));
    if (!sets.includes("SharedRuntime")) runtimeProblems.push("有 <Runtimes> 但 <Requirements> 中没有 SharedRuntime 要求集");
  }
  add("共享运行时：<Runtime> 的 lifetime 为 long；它的 resid 与自定义函数 <Page>、<FunctionFile>、任务窗格按钮的 SourceLocation 相同；声明了 SharedRuntime 1.1 要求集", runtimeProblems);

  const lengthProblems: string[] = [];
  const limits: [string, (e: Element) => boolean, number][] = [
    ["DisplayName", (e) => e.parentNode === root, 125],
    ["Description", (e) => e.parentNode === root, 250],
  ];
  for (const [name, where_, max] of limits) {
    for (const e of elements(doc, name).filter(where_)) {
      for (const v of [e, ...children(e).filter((c) => c.localName === "Override")]) {
        const text = v.getAttribute(v === e ? "DefaultValue" : "Value") ?? "";
        if (text.length > max) lengthProblems.push(`${where(v)} 的文字有${text.length}个字符，超过${max}`);
      }
    }
  }
  for (const [coll, max] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
    for (const c of elements(doc, coll)) {
      for (const item of children(c)) {
        for (const v of [item, ...children(item).filter((x) => x.localName === "Override")]) {
          const text = v.getAttribute(v === item ? "DefaultValue" : "Value") ?? "";
          if (text.length > max) lengthProblems.push(`${where(v)}（id="${item.getAttribute("id")}"）的文字有${text.length}个字符，超过${max}`);
        }
      }
    }
  }
  add("文字长度：<DisplayName> 与 bt:ShortStrings 不超过125个字符，<Description> 与 bt:LongStrings 不超过250个字符（含各语言 Override）", lengthProblems);

  const cfProblems: string[] = [];
  const points = customFunctionsPoints(doc);
  for (const p of points) {
    const names = children(p).map((c) => c.localName ?? "");
    for (const need of CUSTOM_FUNCTIONS_CHILDREN) if (!names.includes(need)) cfProblems.push(`${where(p)} 缺少 <${need}>`);
    cfProblems.push(...orderProblems(p, CUSTOM_FUNCTIONS_CHILDREN, true));
    const ns = children(p).find((c) => c.localName === "Namespace");
    const value = ns && res.get(ns.getAttribute("resid") ?? "")?.[0]?.element.getAttribute("DefaultValue");
    if (ns && !value) cfProblems.push("<Namespace> 没有指向有值的 bt:ShortStrings 字符串");
    if (value && !/^[A-Za-z][A-Za-z0-9.]{0,31}$/.test(value)) cfProblems.push(`函数命名空间“${value}”应以字母开头，只含字母、数字和点，不超过32个字符`);
  }
  if (!points.length) cfProblems.push("没有 xsi:type=\"CustomFunctions\" 的 <ExtensionPoint>");
  add("自定义函数扩展点：依次含 <Script>、<Page>、<Metadata>、<Namespace>，命名空间字符串存在且合法", cfProblems);

  return results;
}
