import fc from "fast-check";
import {
  auditTables,
  hashText,
  normalizeText,
  NormalTextProbe,
  readGoalTable,
  specificityOfNormal,
  toNfkc,
} from "../../src/domain";
import { TextIds } from "../../src/domain/textIds";
import { child, goal, table } from "./builders";

/** Characters around the edges of the single-pass normalisation: its set, white space, and what lies beyond. */
const tricky = fc.constantFrom(
  ..."aZ09 !@[`{~\t\n\r\u000b\f\u3000\u00a0\u2000\ufeff\u0000\u001f\u007f、。ー（）％０ＡＺａｚ＠\uff5f中工é\u0301ﬁⅫİßΣ😀"
);
const trickyText = fc.array(tricky, { maxLength: 12 }).map((chars) => chars.join(""));

/** normalizeText as DESIGN §3 defines it, without any shortcut. */
function reference(text: string): string {
  return toNfkc(text).trim().replace(/\s+/g, " ").toLowerCase();
}

describe("fast paths of text normalisation", () => {
  it("normalizeText agrees with NFKC, trim, white space collapsed and lower case", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(normalizeText(text)).toBe(reference(text));
      }),
      { numRuns: 5000 }
    );
  });

  it("NormalTextProbe reads what the normal text would show, or declines", () => {
    const probe = new NormalTextProbe();
    fc.assert(
      fc.property(trickyText, (text) => {
        if (!probe.read(text)) return;
        const normal = normalizeText(text);
        expect(probe.hash).toBe(hashText(normal));
        expect(probe.letters).toBe(normal.replace(/[\p{P}\p{S}\s\d]+/gu, "").length);
        expect(probe.digit).toBe(/\d/.test(normal));
      }),
      { numRuns: 5000 }
    );
  });

  it("hashText is 0 only for a text holding U+0000", () => {
    expect(hashText("a\u0000b")).toBe(0);
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(hashText(text) === 0).toBe(text.includes("\u0000"));
      })
    );
  });

  it("specificityOfNormal counts letters as the punctuation pattern does", () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 1, max: 6 }), (text, minLength) => {
        const normal = normalizeText(text);
        const letters = normal.replace(/[\p{P}\p{S}\s\d]+/gu, "").length;
        const result = specificityOfNormal(normal, minLength);
        if (letters === 0) expect(result).toBe("empty");
        else if (letters < minLength) expect(result).toBe("short");
        else expect(["vague", null]).toContain(result);
      }),
      { numRuns: 3000 }
    );
  });
});

describe("TextIds", () => {
  it("numbers texts in order of first appearance, through growth", () => {
    const ids = new TextIds();
    const texts = Array.from({ length: 5000 }, (_, i) => `g${i % 3000}`);
    const seen = new Map<string, number>();
    for (const text of texts) {
      if (!seen.has(text)) seen.set(text, seen.size);
      expect(ids.id(text)).toBe(seen.get(text));
    }
    expect(ids.size).toBe(3000);
    expect(Array.from({ length: ids.size }, (_, id) => ids.text(id))).toEqual([...seen.keys()]);
    expect(ids.find("g2999")).toBe(2999);
    expect(ids.find("g3000")).toBe(-1);
  });
});

describe("sibling and reading shortcuts keep the rules' answers", () => {
  const codes = (cells: ReturnType<typeof table>) =>
    auditTables([readGoalTable(cells)]).findings.map((f) => `${f.row}:${f.code}`);

  it("finds siblings whose texts differ only in width, case and spacing", () => {
    const cells = table([
      goal({ id: "C1", target: 200 }),
      child("C1", { id: "T1", goal: "Resolve  tickets in ＡＰＡＣ", target: 100 }),
      child("C1", { id: "T2", goal: "resolve tickets in apac", target: 100 }),
    ]);
    expect(codes(cells)).toContain("4:DUPLICATE_SIBLING");
  });

  it("takes targets 0 and -0 for the same, as the joined signature did", () => {
    const cells = table([
      goal({ id: "C1", target: 0 }),
      child("C1", { id: "T1", goal: "Zero defects in line one", target: 0 }),
      child("C1", { id: "T2", goal: "Zero defects in line one", target: -0 }),
    ]);
    expect(codes(cells)).toContain("4:DUPLICATE_SIBLING");
  });

  it("compares a signature part by part, even where a text holds U+0000", () => {
    // "t\0k" with no KPI and "t" with KPI "k\0" are different goals, though their parts joined by U+0000 agree.
    const cells = table([
      goal({ id: "C1", target: 2 }),
      child("C1", { id: "T1", goal: "t\u0000k", kpi: null, target: 1 }),
      child("C1", { id: "T2", goal: "t", kpi: "k\u0000", target: 1 }),
      child("C1", { id: "T3", goal: "t\u0000k", kpi: null, target: 1 }),
    ]);
    expect(codes(cells).filter((code) => code.endsWith("DUPLICATE_SIBLING"))).toEqual([
      "5:DUPLICATE_SIBLING",
    ]);
  });

  it("reads -0 after 0 in a column as -0", () => {
    const cells = table([goal({ id: "A", target: 0 }), goal({ id: "B", target: -0 })]);
    const [first, second] = readGoalTable(cells).goals;
    expect(Object.is(first?.target, 0)).toBe(true);
    expect(Object.is(second?.target, -0)).toBe(true);
  });
});
