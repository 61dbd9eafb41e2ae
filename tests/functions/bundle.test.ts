import { loadBuiltBundle, type BuiltBundle } from "./built-bundle";
import * as wrappers from "../../functions/functions";
import { installRuntime, isExcelError } from "./stand-in";

installRuntime();
let bundle: BuiltBundle;

beforeAll(() => {
  bundle = loadBuiltBundle();
}, 600000);

describe("dist/functions.js loaded like Excel loads it", () => {
  test("every id in the generated functions.json is registered, and nothing else, once each", () => {
    const ids = bundle.metadata.functions.map((f) => f.id).sort();
    expect([...bundle.runtime.registered.keys()].sort()).toEqual(ids);
    expect(bundle.runtime.duplicates).toEqual([]);
  });

  test("the metadata lists the thirteen JX functions with English descriptions", () => {
    expect(bundle.metadata.functions.map((f) => f.id)).toEqual([
      "SCORE", "EXPLAIN", "LINEAR_DEDUCT", "LINEAR_DEDUCT_POINTS", "RATIO", "BRACKET", "CHECKLIST", "MATCH", "GRADE", "WEIGHTS", "VALUE", "MEETS", "FORMULA",
    ]);
    // English is the default locale: each description opens with an English sentence.
    for (const f of bundle.metadata.functions) expect(f.description).toMatch(/^[A-Z][A-Za-z-]+ /);
  });

  test("range parameters are matrices; optional ones are marked optional", () => {
    const param = (id: string, name: string) => bundle.metadata.functions.find((f) => f.id === id)?.parameters.find((p) => p.name === name);
    expect(param("BRACKET", "bounds")?.dimensionality).toBe("matrix");
    expect(param("BRACKET", "points")).toMatchObject({ dimensionality: "matrix", optional: true });
    expect(param("CHECKLIST", "met")?.dimensionality).toBe("matrix");
    expect(param("WEIGHTS", "weights")?.dimensionality).toBe("matrix");
    expect(param("SCORE", "options")?.optional).toBe(true);
    expect(param("SCORE", "rule")?.optional).toBeUndefined();
  });

  test("the bundle runs without Node: no require of Node-only modules in its text", () => {
    expect(bundle.source).not.toMatch(/require\(["'](fs|path|os|child_process|crypto|zlib|stream|util)["']\)/);
    expect(bundle.source).not.toMatch(/__dirname|process\.cwd/);
  });

  test("registered functions give the same results as the wrappers the unit tests call", () => {
    const call = (id: string, ...args: unknown[]) => bundle.runtime.registered.get(id)?.(...args);
    expect(call("LINEAR_DEDUCT", 0.95, 1, 4, 0.1, null, null, null)).toBe(2);
    expect(call("LINEAR_DEDUCT", 0.954, 1, 4, 0.1, null, null, "整步")).toBe(wrappers.linearDeduct(0.954, 1, 4, 0.1, null, null, "整步"));
    expect(call("SCORE", "实际值为100%得满分,每降低1%扣权重分的10%,扣完为止", "100%", 0.954, 4, null)).toBe(2.16);
    expect(call("BRACKET", 0.96, [[1, 0.95, 0.9, 0.85]], [[4, 3, 2, 1]], null)).toBe(3);
    expect(call("GRADE", 91, null)).toBe("优");
    expect(call("WEIGHTS", [[60], [40]], null)).toBe("权重合计100，通过");
    expect(call("MEETS", "≥95%", 0.96)).toBe(true);
  });

  test("errors come back as the runtime's CustomFunctions.Error with a Chinese message", () => {
    const result = bundle.runtime.registered.get("SCORE")?.("随便写的规则", 1, 1, 4, null);
    expect(isExcelError(result)).toBe(true);
    expect(isExcelError(result) && result.message).toMatch(/无法识别评分规则/);
  });
});

describe("dist/functions.zh-cn.json", () => {
  test("same functions, names, options, parameters and types as functions.json; parameter names in Chinese", () => {
    const shape = (m: typeof bundle.metadata) =>
      m.functions.map((f) => ({ id: f.id, name: f.name, result: f.result, options: f.options, parameters: f.parameters.map(({ description: _d, name: _n, ...rest }) => rest) }));
    expect(shape(bundle.zhCn)).toEqual(shape(bundle.metadata));
    const names = (id: string) => bundle.zhCn.functions.find((f) => f.id === id)?.parameters.map((p) => p.name);
    expect(names("SCORE")).toEqual(["规则", "目标值", "实际值", "权重", "选项"]);
    expect(names("FORMULA")).toEqual(["规则", "目标值单元格", "实际值单元格", "权重单元格", "选项", "指标名称"]);
    for (const f of bundle.zhCn.functions) for (const p of f.parameters) expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  test("JX.FORMULA asks Excel where its arguments are, so cell references work", () => {
    const f = bundle.metadata.functions.find((x) => x.id === "FORMULA");
    expect(f?.options).toMatchObject({ requiresAddress: true, requiresParameterAddresses: true });
    expect(f?.parameters.map((p) => p.name)).toEqual(["rule", "target_cell", "actual_cell", "weight_cell", "options", "name"]);
  });

  test("every function and parameter description is Chinese", () => {
    for (const f of bundle.zhCn.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
