import { parseAuditOptions } from "../../src/domain/options";

/** The options parsed, or "argument code" for each issue. */
function parsed(input: unknown): unknown {
  const result = parseAuditOptions(input);
  return result.ok
    ? result.value
    : result.issues.map((issue) => `${issue.params?.argument} ${issue.code}`);
}

describe("parseAuditOptions", () => {
  it("fills in the thresholds of DESIGN §3 when given nothing", () => {
    expect(parsed({})).toEqual({
      atRisk: 0.9,
      overAllocation: 0.2,
      stretch: 0.5,
      minGoalLength: 4,
      asOf: null,
      fiscalYearStart: 1,
      dateOrder: "auto",
      mapping: {},
    });
  });

  it("reads an ISO as-of date as a day number", () => {
    expect(parsed({ asOf: "2026-06-30" })).toMatchObject({ asOf: 20634 });
  });

  it("reads an as-of date given as an Excel serial", () => {
    expect(parsed({ asOf: 46112 })).toMatchObject({ asOf: 20543 });
  });

  it("takes an empty as-of date for none", () => {
    expect(parsed({ asOf: "" })).toMatchObject({ asOf: null });
  });

  it("refuses an as-of date it cannot read", () => {
    expect(parsed({ asOf: "31/03/2026" })).toEqual(["asOf BAD_OPTION"]);
  });

  it("refuses an at-risk threshold above 1", () => {
    expect(parsed({ atRisk: 2 })).toEqual(["atRisk BAD_OPTION"]);
  });

  it("refuses a minimum goal length below 1", () => {
    expect(parsed({ minGoalLength: 0 })).toEqual(["minGoalLength BAD_OPTION"]);
  });

  it("refuses an option it does not know", () => {
    expect(parsed({ asof: "2026-06-30" })).toEqual(["options BAD_OPTION"]);
  });
});

describe("the column mapping in the options", () => {
  it("keeps fields mapped to headers or to no column, and refuses unknown fields", () => {
    expect(parseAuditOptions({ mapping: { goal: "Objective Title", id: null } })).toMatchObject({
      ok: true,
      value: { mapping: { goal: "Objective Title", id: null } },
    });
    expect(parseAuditOptions({ mapping: { title: "Objective Title" } }).ok).toBe(false);
    expect(parseAuditOptions({ mapping: { goal: 3 } }).ok).toBe(false);
  });
});
