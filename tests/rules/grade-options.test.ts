import { grade, gradeNames, parseOptionAssignments, resolveOptions, DEFAULT_OPTIONS, OPTION_LABELS } from "../../src/rules";

describe("grade", () => {
  test.each([
    [100, "优"],
    [90, "优"],
    [89.99, "良"],
    [80, "良"],
    [79.5, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("national %p -> %s", (total, g) => {
    expect(grade(total).grade).toBe(g);
  });
  test("the 优秀/良好/中/较差 variant and the 80/70/60 scheme", () => {
    expect(grade(91, "national-excellent").grade).toBe("优秀");
    expect(grade(55, "national-excellent").grade).toBe("较差");
    expect(grade(82, "80-70-60").grade).toBe("优");
    expect(grade(75, "80-70-60").grade).toBe("良");
  });
  test("a total in the gap of integer intervals is reported, not guessed", () => {
    const g = grade(89.5, "integer-intervals");
    expect(g.grade).toBeNull();
    expect(g.message).toContain("89.5");
    expect(g.message).toContain("无法确定等级");
    expect(grade(89, "integer-intervals").grade).toBe("良");
  });
  test("outside 0–100", () => {
    expect(grade(101).grade).toBeNull();
    expect(grade(-1).message).toContain("超出");
  });
  test("names", () => {
    expect(gradeNames()).toEqual(["优", "良", "中", "差"]);
  });
});

describe("options", () => {
  test("defaults are the national readings", () => {
    expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS.stepCounting).toBe("proportional");
    expect(DEFAULT_OPTIONS.rounding).toBe("half-up-2");
  });
  test("every option value has a Chinese label", () => {
    for (const key of Object.keys(OPTION_LABELS) as (keyof typeof OPTION_LABELS)[]) {
      expect(OPTION_LABELS[key].name).toMatch(/[\u4e00-\u9fa5]/);
      for (const label of Object.values(OPTION_LABELS[key].values)) expect(label).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
  test("code words and Chinese words", () => {
    expect(parseOptionAssignments(["stepCounting=whole", "rounding=integer"])).toEqual({ ok: true, options: { stepCounting: "whole", rounding: "integer" } });
    expect(parseOptionAssignments("步长=整步；舍入=一位小数")).toEqual({ ok: true, options: { stepCounting: "whole", rounding: "half-up-1" } });
  });
  test("unknown keys and values are Chinese errors", () => {
    const a = parseOptionAssignments("speed=fast");
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error).toContain("未知的选项");
    const b = parseOptionAssignments("stepCounting=sometimes");
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toContain("不接受取值");
    const c = parseOptionAssignments("stepCounting");
    expect(c.ok).toBe(false);
  });
});

test("JavaScript member names are not options or values", () => {
  for (const text of ["constructor=1", "toString=whole", "步长=toString", "stepCounting=constructor", "__proto__=x", "rounding=hasOwnProperty"]) {
    const r = parseOptionAssignments(text);
    expect(r.ok).toBe(false);
  }
});
