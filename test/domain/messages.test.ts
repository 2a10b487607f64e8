import { CellValue, Finding, FINDING_CODES, findingMessage, Lang } from "../../src/domain";
import { AuditOptionsInput } from "../../src/domain/options";
import { audit, child, goal, rate, table } from "./builders";

/** Tables that, between them, produce every code and every wording of a code. */
const FIXTURES: Array<[CellValue[][], AuditOptionsInput?]> = [
  [[["ID", "Goal"]]],
  [
    [
      ["ID", "Goal", "Target", "Objective"],
      ["G1", "Resolve customer tickets within 4 hours", 100, "x"],
    ],
  ],
  [
    table([
      goal({ id: "C1", level: "Company", target: 1000 }),
      child("C1", { id: "T1", level: "Team", target: 300, deadline: "2027-01-31" }),
      child("T1", { id: "P1", level: "Individual", target: 300 }),
      child("C1", { id: "T2", level: "Team", target: 300, unit: "k tickets" }),
      goal({ id: "T3", level: "Team", goal: "Answer calls within 20 seconds" }),
      goal({ id: "T1", parent: "C9", goal: "", target: "lots", deadline: { error: "#N/A" } }),
      goal({ id: null, goal: "努力提升", target: null, deadline: null, period: null }),
      goal({ id: "X1", parent: "X2", goal: "Fix", kpi: null, unit: null, owner: null }),
      goal({ id: "X2", parent: "X1", start: "2026-07-01", deadline: "2026-06-30" }),
    ]),
  ],
  [
    table([
      goal({ id: "C1", target: 1000, baseline: 1000, weight: "50%" }),
      child("C1", { id: "T1", target: 1000, baseline: 100 }),
      child("C1", { id: "T2", target: 500 }),
      goal({ id: "C1B", parent: "C1", goal: "Resolve customer tickets within the service level" }),
      goal({ id: "C2", goal: "Answer calls within 20 seconds", period: null, weight: 0.3 }),
      goal({ id: "C3", goal: "Answer calls within 20 seconds", period: null, weight: 0.3 }),
    ]),
  ],
  [
    table([
      rate({ id: "R1", target: "95%" }),
      rate({ id: "R2", parent: "R1", goal: "Keep team one's customers satisfied", target: "90%" }),
    ]),
  ],
  [
    table([
      goal({ id: "C1" }),
      child("C1", { id: "T1" }),
      goal({ id: "C2", goal: "Answer calls within 20 seconds" }),
    ]),
  ],
  [table([goal({ actual: { error: "=SUM(B2:B9)", uncalculated: true } })])],
  [table([rate({ id: "S1", target: "95%", actual: 64 })])],
  [table([goal({ id: "U1", target: "30秒", unit: "分钟" })])],
  [
    table([
      goal({ id: "W1", weight: "50%" }),
      goal({ id: "W2", goal: "Answer calls", weight: "10%/5%" }),
    ]),
  ],
  [
    table([
      goal({ id: "M1", deadline: "03/04/2026" }),
      goal({ id: "M2", goal: "Answer calls", period: "Q1", start: null, deadline: null }),
    ]),
  ],
  [
    table([
      goal({ id: "D1", target: "≤30秒", kpi: "First response" }),
      goal({
        id: "D2",
        target: 5,
        kpi: "Customer complaints",
        goal: "Cut complaints to 5 a month",
      }),
    ]),
  ],
  [table([goal({ id: "A1", actual: 500 }), goal({ id: "A2", goal: "Answer calls", actual: 950 })])],
  [
    table([goal({ id: "A1", actual: 100 }), goal({ id: "A2", goal: "Answer calls", actual: 470 })]),
    { asOf: "2026-06-30" },
  ],
];

const findings: Finding[] = FIXTURES.flatMap(([cells, input]) => audit(cells, input).findings);

/** What is wrong with a message: empty, a placeholder left, both languages, a word missing. */
function problems(message: string, lang: Lang): string[] {
  const found: string[] = (message.match(/\{\w+\}/g) ?? []).map((name) => `unreplaced ${name}`);
  if (message.trim() === "") found.push("empty");
  if (message.includes("\u0001")) found.push("both languages in one");
  if (/undefined|null|NaN/.test(message)) found.push("a missing value");
  if (lang === "zh" && !/\p{Script=Han}/u.test(message)) found.push("no Chinese");
  return found;
}

function wording(finding: Finding): string {
  return finding.variant ? `${finding.code}.${finding.variant}` : finding.code;
}

describe("finding messages", () => {
  it("are tested on fixtures that produce every code", () => {
    expect([...new Set(findings.map((f) => f.code))].sort()).toEqual([...FINDING_CODES].sort());
  });

  it("are tested on fixtures that produce every wording of a code", () => {
    expect([...new Set(findings.map(wording))].sort()).toEqual(
      [
        ...FINDING_CODES.filter(
          (code) =>
            ![
              "DUPLICATE_OF_PARENT",
              "SMART_S",
              "SMART_M",
              "SMART_A",
              "SMART_T",
              "DIRECTION_INFERRED",
            ].includes(code)
        ),
        "BAD_VALUE.error",
        "BAD_VALUE.noId",
        "BAD_VALUE.noYear",
        "BAD_VALUE.uncalculated",
        "BAD_VALUE.unit",
        "WEIGHTS_NOT_100.unreadable",
        "DUPLICATE_OF_PARENT.target",
        "DUPLICATE_OF_PARENT.text",
        "SMART_S.empty",
        "SMART_S.short",
        "SMART_S.vague",
        "SMART_M.noTarget",
        "SMART_M.noMetric",
        "SMART_A.tooLow",
        "SMART_A.tooHigh",
        "SMART_T.noDeadline",
        "SMART_T.beforeStart",
        "OFF_TRACK.pace",
        "AT_RISK.pace",
        "DIRECTION_INFERRED.sign",
        "DIRECTION_INFERRED.words",
      ].sort()
    );
  });

  it.each(findings.map((finding) => [wording(finding), finding.row, finding]))(
    "has a whole English sentence for %s on row %i",
    (_, __, finding) => {
      expect(problems(findingMessage(finding, "en"), "en")).toEqual([]);
    }
  );

  it.each(findings.map((finding) => [wording(finding), finding.row, finding]))(
    "has a whole Chinese sentence for %s on row %i",
    (_, __, finding) => {
      expect(problems(findingMessage(finding, "zh"), "zh")).toEqual([]);
    }
  );

  it("catches a placeholder left unreplaced", () => {
    const finding: Finding = {
      code: "ORPHAN",
      severity: "error",
      row: 2,
      source: 0,
      id: "T1",
      field: "parent",
      params: {},
    };
    expect(problems(findingMessage(finding, "en"), "en")).toEqual(["unreplaced {parent}"]);
  });
});
