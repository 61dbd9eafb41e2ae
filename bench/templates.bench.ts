/**
 * Template and formula figures: rules compiled per second (the rule texts of every template), the longest
 * compiled formula against Excel's 8192-character limit, and the time and size of each template workbook.
 */
import { performance } from "perf_hooks";
import { parseRule } from "../src/rules/parse";
import { compileRule } from "../src/rules/formula";
import type { Rule } from "../src/rules/types";
import { buildTemplate, TEMPLATES } from "../src/templates";

const rules: { name: string; rule: Rule }[] = TEMPLATES.flatMap((t) => t.rows.map((r) => ({ name: r.level3, rule: r.rule ? parseRule(r.rule) : ({ kind: "default", text: "" } as Rule) })));
const cells = { target: "D11", actual: "E11", weight: "F11" };

let longest = { name: "", length: 0 };
let expressible = 0;
for (const { name, rule } of rules) {
  const r = compileRule(rule, cells, undefined, { name });
  if (!r.ok) continue;
  expressible++;
  if (r.formula.length > longest.length) longest = { name, length: r.formula.length };
}
console.log(`template rules: ${rules.length}, expressible as native formulas: ${expressible}`);
console.log(`longest formula: ${longest.length} characters (${longest.name}); Excel limit 8192`);

const rounds = 200;
const start = performance.now();
for (let i = 0; i < rounds; i++) for (const { name, rule } of rules) compileRule(rule, cells, undefined, { name });
const ms = performance.now() - start;
console.log(`compileRule: ${Math.round((rounds * rules.length) / (ms / 1000))} rules/s`);

(async () => {
  for (const t of TEMPLATES) {
    for (const formulas of ["native", "jx"] as const) {
      await buildTemplate(t.id, { formulas, example: true }); // warm-up
      const runs = 5;
      const s = performance.now();
      let size = 0;
      for (let i = 0; i < runs; i++) size = (await buildTemplate(t.id, { formulas, example: true })).byteLength;
      console.log(`buildTemplate ${t.id.padEnd(9)} ${formulas.padEnd(6)}: ${((performance.now() - s) / runs).toFixed(1)} ms, ${(size / 1024).toFixed(1)} KiB`);
    }
  }
})();
