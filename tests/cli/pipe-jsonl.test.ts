/** A closed pipe ends quietly; --jsonl answers every line in Chinese (issue 11, point 7). */
import { spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { scoreJsonLine } from "../../cli/commands/score";

jest.setTimeout(120_000);
const ROOT = join(__dirname, "..", "..");

describe("--jsonl", () => {
  const lines = [
    '\uFEFF{"rule":"","target":"≥95%","actual":"90%","weight":10}',
    "",
    "   ",
    '{"rule":5,"target":"1","actual":"1","weight":1}',
    '{"target":"≥95%","actual":["90%"],"weight":10}',
    '{"target":"≥95%","actual":"90%","weight":{"分":10}}',
    '{"target":"≥95%","actual":"90%","weight":10,"options":7}',
    "{bad",
    "[1]",
    '{"target":"≥95%","actual":"90%","weight":10,"options":"stepCounting=whole"}',
  ];

  test("every line, a blank one too, gets exactly one answer; a BOM is accepted; wrong types are named", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "jx.js"), "score", "--jsonl"], { input: lines.join("\n") + "\n", encoding: "utf8", timeout: 100_000 });
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length);
    expect(r.status).toBe(2);
    expect(out[0].score).toBe(9.47);
    expect(out[1].error).toMatch(/^第2行：空行/);
    expect(out[2].error).toMatch(/^第3行：空行/);
    expect(out[3].error).toBe("第4行：字段 rule 应为文本，收到数值");
    expect(out[4].error).toBe("第5行：字段 actual 应为文本或数值，收到数组");
    expect(out[5].error).toBe("第6行：字段 weight 应为数值或文本，收到对象");
    expect(out[6].error).toMatch(/^第7行：字段 options 应为文本/);
    expect(out[7].error).toBe("第8行：不是有效的 JSON");
    expect(out[8].error).toBe("第9行：每行应为一个 JSON 对象");
    expect(out[9].score).toEqual(expect.any(Number));
    // Chinese only: no English words from JSON.parse or a TypeError.
    for (const o of out) if (o.error) expect(o.error.replace(/\b(rule|target|actual|weight|options|JSON|stepCounting|whole)\b/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    expect(r.stderr).toBe("");
  });

  test("a BOM only counts on the first line", () => {
    expect(scoreJsonLine('\uFEFF{"target":"1","actual":"1","weight":1}', 2, {}).out.error).toBe("第2行：不是有效的 JSON");
  });
});

describe("a closed pipe", () => {
  test("`jx check DIR | head -1` ends quietly: no EPIPE, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "jx-pipe-"));
    for (let i = 1; i <= 3; i++) copyFileSync(join(ROOT, "examples", "000-部门整体绩效自评表.xlsx"), join(dir, `${i}.xlsx`));
    const err = join(dir, "stderr.txt");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${join(ROOT, "bin", "jx.js")}" check "${dir}" --no-write 2>"${err}" | head -1; echo "jx=\${PIPESTATUS:-x}"`], { encoding: "utf8", timeout: 100_000 });
    expect(r.stdout.split("\n")[0]).toMatch(/^文件：/);
    const stderr = readFileSync(err, "utf8");
    expect(stderr).not.toMatch(/EPIPE|Error|at .*:\d+/);
  });
});
