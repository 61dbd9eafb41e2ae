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
  test("replaces descriptions with the Chinese help and keeps ids, names, types and flags", () => {
    const zh = deriveZhCnMetadata(generated, help);
    expect(zh.functions[0]).toEqual({
      id: "GRADE",
      name: "GRADE",
      description: ZH_CN_HELP.GRADE.description,
      parameters: [
        { name: "total", description: ZH_CN_HELP.GRADE.parameters.total, type: "any" },
        { name: "scheme", description: ZH_CN_HELP.GRADE.parameters.scheme, type: "any", optional: true },
      ],
      result: {},
    });
    expect(generated.functions[0].description).toBe("The grade of a total score.");
  });

  test("fails when a function has no Chinese help", () => {
    expect(() => deriveZhCnMetadata(generated, {})).toThrow(/no Chinese help for function GRADE/);
  });

  test("fails when a parameter has no Chinese help", () => {
    expect(() => deriveZhCnMetadata(generated, { GRADE: { description: "等级", parameters: { total: "总分" } } })).toThrow(/GRADE\.scheme/);
  });

  test("fails when the help names a function or parameter the code does not have", () => {
    expect(() => deriveZhCnMetadata(generated, { ...help, OLD: { description: "旧", parameters: {} } })).toThrow(/OLD/);
    expect(() => deriveZhCnMetadata(generated, { GRADE: { ...ZH_CN_HELP.GRADE, parameters: { ...ZH_CN_HELP.GRADE.parameters, extra: "多余" } } })).toThrow(/GRADE\.extra/);
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
