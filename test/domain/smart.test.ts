import { specificityProblem } from "../../src/domain";

describe("specificityProblem", () => {
  it("finds no description in a missing goal", () => {
    expect(specificityProblem(null)).toBe("empty");
  });

  it("finds no description in white space", () => {
    expect(specificityProblem("   ")).toBe("empty");
  });

  it("finds no description in punctuation alone", () => {
    expect(specificityProblem("!!")).toBe("empty");
  });

  it("finds an English word of three letters too short", () => {
    expect(specificityProblem("fix")).toBe("short");
  });

  it("finds two Chinese characters too short", () => {
    expect(specificityProblem("管理")).toBe("short");
  });

  it("finds a text too short for a minimum length given", () => {
    expect(specificityProblem("Fix bugs", 10)).toBe("short");
  });

  it("accepts the same text under the default minimum length", () => {
    expect(specificityProblem("Fix bugs")).toBeNull();
  });

  it.each(["努力提升", "努力提升工作水平", "进一步加强和改善", "持续优化整体绩效"])(
    "finds %j vague: only words that ask for more of nothing",
    (text) => {
      expect(specificityProblem(text)).toBe("vague");
    }
  );

  it.each([
    "improve",
    "do better",
    "Improve things",
    "improve our performance",
    "Work harder!",
    "improve by a lot",
  ])("finds %j vague: only words that ask for more of nothing", (text) => {
    expect(specificityProblem(text)).toBe("vague");
  });

  it.each([
    "提升客户满意度",
    "降低客户投诉率",
    "Raise CSAT to 95%",
    "Resolve tickets",
    "Improve NPS",
    "Answer calls within 20 seconds",
  ])("finds %j specific", (text) => {
    expect(specificityProblem(text)).toBeNull();
  });

  it("finds a vague word with a number specific", () => {
    expect(specificityProblem("Improve by 20%")).toBeNull();
  });

  it("reads full-width letters like their ASCII forms", () => {
    expect(specificityProblem("ＩＭＰＲＯＶＥ")).toBe("vague");
  });
});
