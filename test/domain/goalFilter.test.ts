import { filterChoices, matchingGoals, NO_FILTER } from "../../src/domain";
import { audit, child, goal, table } from "./builders";

/** A company goal, two teams with a person each, and a quarter of one team's year. */
function cascade() {
  return audit(
    table([
      goal({ id: "C1", owner: "Zhang", target: 1000, actual: 700 }),
      child("C1", { id: "T1", owner: "Li", target: 600, actual: 600 }),
      child("C1", { id: "T2", owner: "Wang", target: 400, actual: 380, goal: "南区客服满意度" }),
      child("T1", { id: "P1", owner: "Li", target: 600, actual: 400 }),
      child("T2", { id: "P2", owner: "Chen", target: 400 }),
      child("T2", { id: "T2-Q1", owner: "Wang", period: "2026-Q1", target: 100, actual: 100 }),
    ])
  );
}

/** The ids a filter keeps. */
function kept(filter: Partial<typeof NO_FILTER>): string[] {
  const result = cascade();
  const matches = matchingGoals(result, { ...NO_FILTER, ...filter });
  if (matches === null) return result.goals.map((one) => one.id ?? "");
  return result.goals.filter((_, index) => matches[index] === 1).map((one) => one.id ?? "");
}

describe("the goal filter of the Audit and Map tabs", () => {
  it("keeps everything when nothing is asked", () => {
    expect(matchingGoals(cascade(), NO_FILTER)).toBeNull();
  });

  it("lists the owners, the teams under the top goals and the periods, each once", () => {
    const choices = filterChoices(cascade());
    expect(choices.owners).toEqual(["Zhang", "Li", "Wang", "Chen"]);
    expect(choices.teams.map((team) => `${team.id} ${team.owner}`)).toEqual(["T1 Li", "T2 Wang"]);
    expect(choices.periods).toEqual(["2026", "2026-Q1"]);
  });

  it("filters by owner, team (the team goal and all below it), period and status", () => {
    expect(kept({ owner: "Li" })).toEqual(["T1", "P1"]);
    expect(kept({ team: "T2" })).toEqual(["T2", "P2", "T2-Q1"]);
    expect(kept({ period: "2026-Q1" })).toEqual(["T2-Q1"]);
    expect(kept({ status: "offTrack" })).toEqual(["C1", "P1"]);
    expect(kept({ status: "none" })).toEqual(["P2"]);
    expect(kept({ team: "T2", owner: "Wang" })).toEqual(["T2", "T2-Q1"]);
  });

  it("finds goals by words of their id, text, owner or KPI, whatever their case or width", () => {
    expect(kept({ text: "满意度" })).toEqual(["T2"]);
    expect(kept({ text: "ｃｈｅｎ" })).toEqual(["P2"]);
    expect(kept({ text: "t2 wang" })).toEqual(["T2", "T2-Q1"]);
    expect(kept({ text: "nobody" })).toEqual([]);
  });

  it("takes the goals at the Team level for teams where the table gives levels", () => {
    const result = audit(
      table([
        goal({ id: "C1", level: "Company" }),
        child("C1", { id: "R1", level: "Region" }),
        child("R1", { id: "T1", level: "Team" }),
        child("T1", { id: "P1", level: "Individual" }),
      ])
    );
    expect(filterChoices(result).teams.map((team) => team.id)).toEqual(["T1"]);
    const matches = matchingGoals(result, { ...NO_FILTER, team: "T1" });
    expect(result.goals.filter((_, index) => matches?.[index] === 1).map((one) => one.id)).toEqual([
      "T1",
      "P1",
    ]);
  });
});

describe("the goal filter over a team's year spread in quarters and months, with levels", () => {
  function spread() {
    return audit(
      table([
        goal({ id: "C1", level: "Company", owner: "Zhang", target: 1200, period: "2026" }),
        child("C1", { id: "T1", level: "Team", owner: "Li", target: 1200, period: "2026" }),
        child("T1", { id: "T1-Q1", level: "Team", owner: "Li", target: 300, period: "2026-Q1" }),
        child("T1-Q1", {
          id: "T1-M01",
          level: "Team",
          owner: "Li",
          target: 100,
          period: "2026-01",
        }),
        child("T1-Q1", {
          id: "T1-M02",
          level: "Team",
          owner: "Li",
          target: 100,
          period: "2026-02",
        }),
        child("T1", { id: "T1-Q2", level: "Team", owner: "Li", target: 300, period: "2026-Q2" }),
        child("C1", { id: "T2", level: "Team", owner: "Wang", target: 800, period: "2026" }),
      ])
    );
  }
  const keptBy = (filter: Partial<typeof NO_FILTER>): string[] => {
    const result = spread();
    const matches = matchingGoals(result, { ...NO_FILTER, ...filter });
    return result.goals.filter((_, index) => matches?.[index] === 1).map((one) => one.id ?? "");
  };

  it("lists the teams, not their quarters and months, and keeps those under their team", () => {
    expect(filterChoices(spread()).teams.map((team) => team.id)).toEqual(["T1", "T2"]);
    expect(keptBy({ team: "T1" })).toEqual(["T1", "T1-Q1", "T1-M01", "T1-M02", "T1-Q2"]);
  });

  it("keeps a quarter's months with the quarter", () => {
    expect(keptBy({ period: "2026-Q1" })).toEqual(["T1-Q1", "T1-M01", "T1-M02"]);
    expect(keptBy({ period: "2026-02" })).toEqual(["T1-M02"]);
  });
});
