import { deriveZhCnMetadata, deriveZhCnMetadataJson, type FunctionsMetadata } from "../../functions/metadata/zh-cn";
import { ZH_CN_HELP } from "../../functions/metadata/help.zh-cn";

const generated: FunctionsMetadata = {
  functions: [
    {
      id: "GRADE",
      name: "GRADE",
      description: "The grade of a total score.",
      parameters: [
        { name: "total", description: "Total score.", type: "any" },
        { name: "scheme", description: "Grade scheme.", type: "any", optional: true },
      ],
      result: {},
    },
  ],
};
const help = { GRADE: ZH_CN_HELP.GRADE };

describe("deriveZhCnMetadata", () => {
  test("replaces descriptions and parameter names with the Chinese help; keeps ids, function names, types and flags", () => {
    const zh = deriveZhCnMetadata(generated, help);
    expect(zh.functions[0]).toEqual({
      id: "GRADE",
      name: "GRADE",
      description: ZH_CN_HELP.GRADE.description,
      parameters: [
        { name: "总分", description: ZH_CN_HELP.GRADE.parameters.total.description, type: "any" },
        { name: "等级标准", description: ZH_CN_HELP.GRADE.parameters.scheme.description, type: "any", optional: true },
      ],
      result: {},
    });
    expect(generated.functions[0].description).toBe("The grade of a total score.");
  });

  test("fails when a function has no Chinese help", () => {
    expect(() => deriveZhCnMetadata(generated, {})).toThrow(/no Chinese help for function GRADE/);
  });

  test("fails when a parameter has no Chinese help", () => {
    expect(() => deriveZhCnMetadata(generated, { GRADE: { description: "等级", parameters: { total: { name: "总分", description: "总分" } } } })).toThrow(/GRADE\.scheme/);
  });

  test("fails when the help names a function or parameter the code does not have", () => {
    expect(() => deriveZhCnMetadata(generated, { ...help, OLD: { description: "旧", parameters: {} } })).toThrow(/OLD/);
    expect(() => deriveZhCnMetadata(generated, { GRADE: { ...ZH_CN_HELP.GRADE, parameters: { ...ZH_CN_HELP.GRADE.parameters, extra: { name: "多余", description: "多余" } } } })).toThrow(/GRADE\.extra/);
  });

  test("two parameters of one function may not share a Chinese name", () => {
    const same = { GRADE: { description: "等级", parameters: { total: { name: "总分", description: "a" }, scheme: { name: "总分", description: "b" } } } };
    expect(() => deriveZhCnMetadata(generated, same)).toThrow(/GRADE are both named 总分/);
  });

  test("every parameter of every function has a Chinese name, unique within its function", () => {
    for (const [id, h] of Object.entries(ZH_CN_HELP)) {
      const names = Object.values(h.parameters).map((p) => p.name);
      for (const n of names) expect(`${id}:${n}`).toMatch(/^\w+:[\u4e00-\u9fff]+$/);
      expect(new Set(names).size).toBe(names.length);
    }
    expect(Object.values(ZH_CN_HELP.SCORE.parameters).map((p) => p.name)).toEqual(["规则", "目标值", "实际值", "权重", "选项"]);
  });

  test("the English parameter names follow one style: lower case words joined by _", () => {
    for (const h of Object.values(ZH_CN_HELP)) for (const key of Object.keys(h.parameters)) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  test("the JSON form reads generated JSON and writes the derived metadata", () => {
    const all: FunctionsMetadata = {
      functions: Object.entries(ZH_CN_HELP).map(([id, h]) => ({ id, name: id, description: "English.", parameters: Object.keys(h.parameters).map((name) => ({ name, description: "English." })) })),
    };
    const json = deriveZhCnMetadataJson(JSON.stringify(all));
    expect(JSON.parse(json)).toEqual(deriveZhCnMetadata(all));
    expect(JSON.parse(json).functions[0].description).toBe(ZH_CN_HELP.SCORE.description);
  });
});
