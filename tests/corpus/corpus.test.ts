import { judgeCorpus, loadCorpus } from "./corpus";

/**
 * Every row of the real-world corpus: never a wrong number, and at least 95% scored right (the rest
 * refused with a reason, or scored by a reading the engine names beside the one it chose).
 */
const judged = judgeCorpus();

describe("real-world corpus (tests/corpus/rows)", () => {
  it("is real and wide: at least 150 rows, 30 documents, 10 provinces, each with its source address", () => {
    const docs = loadCorpus();
    expect(judged.length).toBeGreaterThanOrEqual(150);
    expect(docs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(docs.map((d) => d.province)).size).toBeGreaterThanOrEqual(10);
    for (const d of docs) expect(d.source).toMatch(/^https?:\/\//);
  });

  it.each(judged.map((j) => [`${j.doc.file} ${j.row.name}`, j] as const))("%s is not scored wrong", (_name, j) => {
    expect({ outcome: j.outcome, said: j.said }).not.toMatchObject({ outcome: "wrong" });
  });

  it("scores at least 95% of the rows right", () => {
    const right = judged.filter((j) => j.outcome === "right").length;
    expect(right / judged.length).toBeGreaterThanOrEqual(0.95);
  });
});
