import {
  numberInput,
  percentInput,
  percentText,
} from "../../src/taskpane/OptionsPanel/useOptionsPanel";
import { parsePaneOptions } from "../../src/taskpane/paneOptions";
import { parseProfile } from "../../src/taskpane/TimeSplitPanel/profile";
import { parseDecimals } from "../../src/taskpane/AllocatePanel/useAllocatePanel";

describe("a seasonality profile as typed", () => {
  it("is an even split when blank", () => {
    expect(parseProfile("  ", 4)).toEqual({ ok: true, value: null });
  });

  it("reads weights separated by commas, Chinese commas or spaces", () => {
    expect(parseProfile("1，2 3,4.5", 4)).toEqual({ ok: true, value: [1, 2, 3, 4.5] });
  });

  it("reads percentages as weights (a month's share of the year)", () => {
    expect(parseProfile("8%, 7%, 9％, 76%", 4)).toEqual({ ok: true, value: [8, 7, 9, 76] });
    expect(parseProfile("8%%, 7, 9, 76", 4)).toEqual({ ok: false, problem: "number" });
  });

  it("refuses a negative or non-numeric weight", () => {
    expect(parseProfile("1, -2, 3, 4", 4)).toEqual({ ok: false, problem: "number" });
    expect(parseProfile("1, x, 3, 4", 4)).toEqual({ ok: false, problem: "number" });
  });

  it("refuses the wrong number of weights", () => {
    expect(parseProfile("1, 2, 3", 4)).toEqual({ ok: false, problem: "count" });
  });

  it("refuses weights that add up to zero", () => {
    expect(parseProfile("0,0,0,0", 4)).toEqual({ ok: false, problem: "total" });
  });
});

describe("numbers typed in the options", () => {
  it("read a percentage field's number as a percentage, with or without its sign", () => {
    expect(["90%", "90", "95,5 %", "", "%", "ninety"].map((text) => percentInput(text))).toEqual([
      0.9,
      0.9,
      0.955,
      undefined,
      "%",
      "ninety",
    ]);
    expect([percentText(0.9), percentText(0.955), percentText(2)]).toEqual([
      "90%",
      "95.5%",
      "200%",
    ]);
  });

  it("read percentages and decimal commas, and leave blanks to the defaults", () => {
    expect([numberInput("90%"), numberInput("0,2"), numberInput(" "), numberInput("abc")]).toEqual([
      0.9,
      0.2,
      undefined,
      "abc",
    ]);
  });

  it("name the fields that do not validate", () => {
    expect(parsePaneOptions({ atRisk: 2, minGoalLength: 0.5, language: "fr" })).toEqual({
      ok: false,
      fields: ["atRisk", "minGoalLength", "language"],
    });
  });

  it("keep the as-of date as typed for saving, and as a day for the audit", () => {
    const parsed = parsePaneOptions({ asOf: "2026-06-30" });
    expect(parsed.ok && [parsed.value.saved.asOf, parsed.value.audit.asOf]).toEqual([
      "2026-06-30",
      20634,
    ]);
  });
});

describe("decimals typed for an allocation", () => {
  it("are whole numbers from 0 to 10", () => {
    expect(["0", "2", "10", "11", "-1", "1.5", ""].map(parseDecimals)).toEqual([
      0,
      2,
      10,
      null,
      null,
      null,
      null,
    ]);
  });
});
