/**
 * The WPS pane's session (taskpane/state/wpsSession.ts) over the ET stand-in with the example workbook, one
 * finding cell of which carries an official's own comment: the messages the pane shows and what the sheet
 * holds through 标注差异, a second 标注差异, 清除标注 and 撤销.
 */
import { join } from "path";
import { readGrids } from "../../src/adapters/xlsx";
import { jxNoteText } from "../../src/check/notes";
import { BUILTIN_DEFAULTS, type SettingsStore } from "../../taskpane/state/settings";
import { WpsSession } from "../../taskpane/state/wpsSession";
import { etStandIn } from "../adapters/et-stand-in";
import { specFromGrid } from "../e2e/wps-stand-in";

const OWN = "领导已确认：按上年口径上报";

function memoryStore(): SettingsStore {
  const m = new Map<string, unknown>();
  return { get: (k) => m.get(k), set: async (k, v) => void m.set(k, JSON.parse(JSON.stringify(v))) };
}

test("标注差异 keeps an own comment and says so; again it adds nothing twice; 清除标注 leaves the own text; 撤销 puts JX's part back", async () => {
  const [grid] = await readGrids(join(__dirname, "..", "..", "examples", "000-部门整体绩效自评表.xlsx"));
  const s = etStandIn([specFromGrid(grid, { notes: { I50: OWN } })]);
  const session = new WpsSession(() => s.app, memoryStore());
  const annotate = { fillMissing: false, annotate: true, overwriteDiverging: false, formulas: "values" as const };

  const result = await session.check(BUILTIN_DEFAULTS);
  const i50 = result.findings.filter((f) => f.cell === "I50").map((f) => f.message);
  expect(i50.length).toBeGreaterThan(0);
  const noted = new Set(result.findings.map((f) => f.cell));

  const first = await session.write(BUILTIN_DEFAULTS, annotate, "标注差异");
  expect(first.message).toMatch(/^标注差异完成：标注 \d+ 个单元格。I50 原有批注保留，JX 的说明加在“【JX校验】”之后。$/);
  expect(s.cell(grid.name, "I50")?.note).toBe(`${OWN}\n${jxNoteText(i50)}`);
  expect(session.canUndo).toBe("标注差异");

  // Again: every finding cell already holds a JX part — nothing added, the comments unchanged.
  const notesBefore = [...noted].map((c) => s.cell(grid.name, c)?.note);
  const second = await session.write(BUILTIN_DEFAULTS, annotate, "标注差异");
  expect(second.message).toContain(`${noted.size} 个单元格已有 JX 批注，未重复添加`);
  expect(second.message).not.toContain("原有批注保留");
  expect([...noted].map((c) => s.cell(grid.name, c)?.note)).toEqual(notesBefore);

  const cleared = await session.clear();
  expect(cleared).toBe(`已清除 JX 标注：${noted.size} 处填充色，${noted.size - 1} 条批注，1 条原有批注只去掉了 JX 的说明。`);
  expect(s.cell(grid.name, "I50")?.note).toBe(OWN);
  for (const c of noted) if (c !== "I50") expect(s.cell(grid.name, c)?.note ?? null).toBeNull();
  expect(await session.clear()).toBe("当前工作表没有 JX 添加的标注。");

  // 撤销 undoes the last action only — here the empty clear did not replace it.
  expect(await session.undo()).toBe("已撤销“清除标注”。");
  expect(s.cell(grid.name, "I50")?.note).toBe(`${OWN}\n${jxNoteText(i50)}`);
  expect(await session.undo()).toBe("没有可撤销的 JX 操作。");
});
