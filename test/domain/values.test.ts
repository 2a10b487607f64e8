import {
  cellErrorOf,
  defaultRollup,
  isBlank,
  readBoolean,
  readDate,
  readDirection,
  readLevel,
  readNumber,
  readPeriod,
  readQuantity,
  readGoalTable,
  readRollup,
  readText,
  unitsDisagree,
  UNREADABLE,
} from "../../src/domain";

/** The canonical key of a period cell, or what the reader said instead. */
function periodKey(value: Parameters<typeof readPeriod>[0]): string | null | typeof UNREADABLE {
  const period = readPeriod(value);
  return period === null || period === UNREADABLE ? period : period.key;
}

describe("readNumber", () => {
  it("reads a number as it is", () => {
    expect(readNumber(1200)).toBe(1200);
  });

  it("reads digits stored as text", () => {
    expect(readNumber(" 42 ")).toBe(42);
  });

  it("reads thousands separators", () => {
    expect(readNumber("1,200")).toBe(1200);
  });

  it("reads thousands separators with decimals", () => {
    expect(readNumber("1,200.50")).toBe(1200.5);
  });

  it("reads a percentage as a share", () => {
    expect(readNumber("95%")).toBe(0.95);
  });

  it("reads a per-mille sign", () => {
    expect(readNumber("50‰")).toBe(0.05);
  });

  it("reads full-width digits", () => {
    expect(readNumber("９５")).toBe(95);
  });

  it("reads full-width digits with a full-width comma", () => {
    expect(readNumber("１，２００")).toBe(1200);
  });

  it("reads 万 as ten thousand", () => {
    expect(readNumber("1.2万")).toBe(12000);
  });

  it("reads 亿 as a hundred million", () => {
    expect(readNumber("1.5亿")).toBe(150000000);
  });

  it("reads M as a million", () => {
    expect(readNumber("1.2M")).toBe(1200000);
  });

  it("does not guess whether a lower-case m is a million", () => {
    expect(readNumber("1.2m")).toBe(UNREADABLE);
  });

  it("reads accounting brackets as a negative number", () => {
    expect(readNumber("(300)")).toBe(-300);
  });

  it("reads a leading minus sign", () => {
    expect(readNumber("-5")).toBe(-5);
  });

  it("reads a currency sign", () => {
    expect(readNumber("¥1,000")).toBe(1000);
  });

  it("reads a currency sign inside accounting brackets", () => {
    expect(readNumber("(¥300)")).toBe(-300);
  });

  it("reads a minus sign before a currency sign", () => {
    expect(readNumber("-¥300")).toBe(-300);
  });

  it("does not read a minus sign inside accounting brackets", () => {
    expect(readNumber("(-300)")).toBe(UNREADABLE);
  });

  it("reads scientific notation", () => {
    expect(readNumber("1e3")).toBe(1000);
  });

  it("does not read a comma that is not a thousands separator", () => {
    expect(readNumber("12,34")).toBe(UNREADABLE);
  });

  it("does not read words", () => {
    expect(readNumber("about a thousand")).toBe(UNREADABLE);
  });

  it("does not read a number too large to hold", () => {
    expect(readNumber("1e400")).toBe(UNREADABLE);
  });

  it("does not read a number that is not finite", () => {
    expect(readNumber(Number.NaN)).toBe(UNREADABLE);
  });

  it("does not read a boolean as a number", () => {
    expect(readNumber(true)).toBe(UNREADABLE);
  });

  it("does not read a date as a number", () => {
    expect(readNumber(new Date(Date.UTC(2026, 2, 31)))).toBe(UNREADABLE);
  });

  it("does not read an error value", () => {
    expect(readNumber({ error: "#N/A" })).toBe(UNREADABLE);
  });

  it("does not read error text", () => {
    expect(readNumber("#N/A")).toBe(UNREADABLE);
  });

  it("reads a blank cell as nothing, not zero", () => {
    expect(readNumber("   ")).toBeNull();
  });
});

describe("readDate", () => {
  // 2026-03-31 is day 20543 since 1970-01-01, and Excel serial 46112.
  it("reads an Excel date serial", () => {
    expect(readDate(46112)).toBe(20543);
  });

  it("drops the time of day of a serial", () => {
    expect(readDate(46112.75)).toBe(20543);
  });

  it("reads a serial stored as text", () => {
    expect(readDate("46112")).toBe(20543);
  });

  it("reads a JavaScript Date in UTC", () => {
    expect(readDate(new Date(Date.UTC(2026, 2, 31)))).toBe(20543);
  });

  it("reads ISO text", () => {
    expect(readDate("2026-03-31")).toBe(20543);
  });

  it("reads ISO text with a time", () => {
    expect(readDate("2026-03-31T10:00:00Z")).toBe(20543);
  });

  it("reads year/month/day with slashes and no leading zeros", () => {
    expect(readDate("2026/3/31")).toBe(20543);
  });

  it("reads a Chinese date", () => {
    expect(readDate("2026年3月31日")).toBe(20543);
  });

  it("reads a Chinese date in full-width digits", () => {
    expect(readDate("２０２６年３月３１日")).toBe(20543);
  });

  it("reads a compact date", () => {
    expect(readDate("20260331")).toBe(20543);
  });

  it("reads 29 February of a leap year", () => {
    expect(readDate("2024-02-29")).toBe(19782);
  });

  it("does not read 29 February of a common year", () => {
    expect(readDate("2025-02-29")).toBe(UNREADABLE);
  });

  it("does not read a day that does not exist", () => {
    expect(readDate("2026-02-30")).toBe(UNREADABLE);
  });

  it("does not read a thirteenth month", () => {
    expect(readDate("2026-13-01")).toBe(UNREADABLE);
  });

  it("does not read day-first text, which is ambiguous", () => {
    expect(readDate("31/03/2026")).toBe(UNREADABLE);
  });

  it("does not read month-first text either", () => {
    expect(readDate("03/31/2026")).toBe(UNREADABLE);
  });

  it("does not read a serial before Excel's first day", () => {
    expect(readDate(0)).toBe(UNREADABLE);
  });

  it("does not read a serial after Excel's last day", () => {
    expect(readDate(3000000)).toBe(UNREADABLE);
  });

  it("does not read an invalid Date", () => {
    expect(readDate(new Date(Number.NaN))).toBe(UNREADABLE);
  });

  it("does not read words", () => {
    expect(readDate("end of March")).toBe(UNREADABLE);
  });

  it("does not read an error value", () => {
    expect(readDate({ error: "#VALUE!" })).toBe(UNREADABLE);
  });

  it("reads a blank cell as no date", () => {
    expect(readDate(null)).toBeNull();
  });
});

describe("readPeriod", () => {
  it("reads a year number", () => {
    expect(periodKey(2026)).toBe("2026");
  });

  it("reads a year as text", () => {
    expect(periodKey("2026")).toBe("2026");
  });

  it("reads a Chinese year", () => {
    expect(periodKey("2026年")).toBe("2026");
  });

  it("reads a quarter", () => {
    expect(periodKey("2026-Q1")).toBe("2026-Q1");
  });

  it("reads a lower-case quarter without a dash", () => {
    expect(periodKey("2026q3")).toBe("2026-Q3");
  });

  it("reads a quarter written before its year", () => {
    expect(periodKey("Q2 2026")).toBe("2026-Q2");
  });

  it("reads a Chinese quarter", () => {
    expect(periodKey("2026年第1季度")).toBe("2026-Q1");
  });

  it("reads a Chinese quarter with a Chinese numeral", () => {
    expect(periodKey("2026年第一季度")).toBe("2026-Q1");
  });

  it("reads a month", () => {
    expect(periodKey("2026-03")).toBe("2026-03");
  });

  it("reads a month without a leading zero", () => {
    expect(periodKey("2026-3")).toBe("2026-03");
  });

  it("reads a Chinese month", () => {
    expect(periodKey("2026年3月")).toBe("2026-03");
  });

  it("reads a half year", () => {
    expect(periodKey("2026-H1")).toBe("2026-H1");
  });

  it("reads a Chinese half year", () => {
    expect(periodKey("2026年下半年")).toBe("2026-H2");
  });

  it("reads a date serial as its month", () => {
    expect(periodKey(46112)).toBe("2026-03");
  });

  it("reads a Date as its month", () => {
    expect(periodKey(new Date(Date.UTC(2026, 2, 1)))).toBe("2026-03");
  });

  it("gives a quarter its first and last day", () => {
    expect(readPeriod("2026-Q1")).toMatchObject({ startDay: 20454, endDay: 20543 });
  });

  it("does not read a fifth quarter", () => {
    expect(periodKey("2026-Q5")).toBe(UNREADABLE);
  });

  it("does not read a thirteenth month", () => {
    expect(periodKey("2026-13")).toBe(UNREADABLE);
  });

  it("does not read words", () => {
    expect(periodKey("next year")).toBe(UNREADABLE);
  });

  it("does not read an error value", () => {
    expect(periodKey({ error: "#REF!" })).toBe(UNREADABLE);
  });

  it("reads a blank cell as no period", () => {
    expect(periodKey("")).toBeNull();
  });
});

describe("readDirection", () => {
  it.each([
    ["higher", "higher"],
    ["Higher", "higher"],
    ["↑", "higher"],
    ["越高越好", "higher"],
    ["lower", "lower"],
    [" LOWER ", "lower"],
    ["↓", "lower"],
    ["越低越好", "lower"],
  ])("reads %j as %s", (word, direction) => {
    expect(readDirection(word)).toBe(direction);
  });

  it("does not read a word that is no direction", () => {
    expect(readDirection("sideways")).toBe(UNREADABLE);
  });

  it("reads a blank cell as no direction", () => {
    expect(readDirection(null)).toBeNull();
  });
});

describe("readRollup", () => {
  it.each([
    ["sum", "sum"],
    ["求和", "sum"],
    ["Average", "average"],
    ["平均", "average"],
    ["weighted", "weighted"],
    ["加权平均", "weighted"],
    ["min", "min"],
    ["最小值", "min"],
    ["max", "max"],
    ["最大值", "max"],
    ["none", "none"],
    ["不汇总", "none"],
  ])("reads %j as %s", (word, method) => {
    expect(readRollup(word)).toBe(method);
  });

  it("does not read a method it does not offer", () => {
    expect(readRollup("median")).toBe(UNREADABLE);
  });
});

describe("readLevel", () => {
  it.each([
    ["Company", 0],
    ["公司", 0],
    ["Team", 1],
    ["团队", 1],
    ["部门", 1],
    ["Region", 2],
    ["区域", 2],
    ["Customer", 3],
    ["客户", 3],
    ["Position", 4],
    ["岗位", 4],
    ["Individual", 5],
    ["个人", 5],
  ])("reads %j as level %i", (word, level) => {
    expect(readLevel(word)).toBe(level);
  });

  it("does not read a word that is no level", () => {
    expect(readLevel("boss")).toBe(UNREADABLE);
  });
});

describe("readBoolean", () => {
  it.each([
    [true, true],
    [false, false],
    ["TRUE", true],
    ["false", false],
    ["yes", true],
    ["No", false],
    ["是", true],
    ["否", false],
    [1, true],
    [0, false],
  ])("reads %j as %s", (cell, value) => {
    expect(readBoolean(cell)).toBe(value);
  });

  it("does not read a number other than 1 or 0", () => {
    expect(readBoolean(2)).toBe(UNREADABLE);
  });

  it("does not read a word that is neither yes nor no", () => {
    expect(readBoolean("maybe")).toBe(UNREADABLE);
  });
});

describe("cellErrorOf", () => {
  it("names the error of an error cell", () => {
    expect(cellErrorOf({ error: "#N/A" })).toBe("#N/A");
  });

  it("recognises error text typed into a file", () => {
    expect(cellErrorOf("#N/A")).toBe("#N/A");
  });

  it("recognises error text whatever its case and spacing", () => {
    expect(cellErrorOf(" #value! ")).toBe("#VALUE!");
  });

  it("does not take text that merely looks like an error for one", () => {
    expect(cellErrorOf("N/A")).toBeNull();
  });

  it("finds no error in a number", () => {
    expect(cellErrorOf(0)).toBeNull();
  });
});

describe("readText and isBlank", () => {
  it("trims text", () => {
    expect(readText("  Team A ")).toBe("Team A");
  });

  it("shows a number plainly", () => {
    expect(readText(5)).toBe("5");
  });

  it("does not read an error value as text", () => {
    expect(readText({ error: "#N/A" })).toBe(UNREADABLE);
  });

  it("does not read error text as text", () => {
    expect(readText("#N/A")).toBe(UNREADABLE);
  });

  it("takes white space for a blank cell", () => {
    expect(isBlank(" \t ")).toBe(true);
  });

  it("does not take zero for a blank cell", () => {
    expect(isBlank(0)).toBe(false);
  });
});

describe("defaultRollup", () => {
  it.each(["%", "s", "min", "h", "秒", "分钟", "小时", "天", "分", "points", " Points "])(
    "averages a goal measured in %j",
    (unit) => {
      expect(defaultRollup(unit)).toBe("average");
    }
  );

  it.each(["tickets", "元", "calls"])("sums a goal measured in %j", (unit) => {
    expect(defaultRollup(unit)).toBe("sum");
  });

  it("sums a goal without a unit", () => {
    expect(defaultRollup(null)).toBe("sum");
  });
});

describe("Traditional Chinese words", () => {
  it.each([
    ["團隊", 1],
    ["區域", 2],
    ["客戶", 3],
    ["崗位", 4],
    ["個人", 5],
    ["職位", 4],
  ])("reads the level “%s” as %s", (word, level) => {
    expect(readLevel(word)).toBe(level);
  });
});

describe("targets as plans write them (readQuantity)", () => {
  it.each([
    ["≥ 85%", 0.85, "min", "%"],
    ["≤30秒", 30, "max", "秒"],
    ["<=30", 30, "max", null],
    [">95", 95, "min", null],
    ["不低于95%", 0.95, "min", "%"],
    ["不超过30秒", 30, "max", "秒"],
    ["不超過30秒", 30, "max", "秒"],
    ["30秒以内", 30, "max", "秒"],
    ["at least 90", 90, "min", null],
    ["at most 5", 5, "max", null],
    ["100分", 100, null, "分"],
    ["1.2万件", 12000, null, "件"],
    ["$1,200", 1200, null, "$"],
    ["¥1,200", 1200, null, "¥"],
    ["-€900", -900, null, "€"],
    ["1,200 USD", 1200, null, "USD"],
    ["3.5万元", 35000, null, "元"],
    ["3亿", 300000000, null, null],
    ["5k", 5000, null, null],
    ["2M", 2000000, null, null],
  ])("reads “%s” as %s, bound %s, unit %s", (text, number, bound, unit) => {
    expect(readQuantity(text)).toEqual({ number, bound, unit });
  });

  it.each(["10%/5%", "12abc", "≥30以内", "≥"])("leaves “%s” unreadable", (text) => {
    expect(readQuantity(text)).toBe(UNREADABLE);
  });
});

describe("a goal table's targets with signs and units", () => {
  it("makes a ≤ target lower-is-better when no direction is given, and keeps its unit", () => {
    const read = readGoalTable([
      ["ID", "Goal", "Target", "Actual", "Direction"],
      ["G1", "Answer calls within the service level", "≤30秒", "28秒", ""],
      ["G2", "Answer calls within the service level", "≤30秒", 28, "越高越好"],
      ["G3", "Resolve tickets", "≥ 95%", "96%", ""],
    ]);
    expect(read.goals.map((goal) => [goal.target, goal.actual, goal.direction, goal.unit])).toEqual(
      [
        [30, 28, "lower", "秒"],
        [30, 28, "higher", "秒"],
        [0.95, 0.96, "higher", "%"],
      ]
    );
    expect(read.findings.map((f) => [f.code, f.row, f.variant, f.params.target])).toEqual([
      ["DIRECTION_INFERRED", 2, "sign", "≤30秒"],
    ]);
  });

  it("takes lower-is-better from a KPI's words when no direction is given, and says so once", () => {
    const read = readGoalTable([
      ["ID", "Goal", "KPI", "Target", "Direction"],
      ["G1", "Answer calls quickly", "Average handle time", 300, ""],
      ["G2", "Deliver on time", "On-time delivery rate", "95%", ""],
      ["G3", "Cut complaints", "客戶投訴", 5, ""],
      ["G4", "Cut complaints", "Complaints", 5, "higher"],
    ]);
    expect(read.goals.map((goal) => goal.direction)).toEqual([
      "lower",
      "higher",
      "lower",
      "higher",
    ]);
    expect(read.findings.map((f) => [f.code, f.row, f.variant, f.params.word])).toEqual([
      ["DIRECTION_INFERRED", 2, "words", "handle time"],
      ["DIRECTION_INFERRED", 4, "words", "投诉"],
    ]);
  });
});

describe("a target's unit against the unit column", () => {
  it.each([
    ["s", "分钟", true],
    ["秒", "seconds", false],
    ["$", "元", true],
    ["¥", "元", false],
    ["件", "tickets", false],
    ["分", "points", false],
  ])("%s against %s disagree: %s", (written, column, disagree) => {
    expect(unitsDisagree(written, column)).toBe(disagree);
  });

  it("makes a target in another unit than its column BAD_VALUE, naming both", () => {
    const read = readGoalTable([
      ["Goal", "Unit", "Target"],
      ["Answer calls quickly", "分钟", "30秒"],
      ["Answer chats quickly", "秒", "30秒"],
    ]);
    expect(read.findings.map((f) => [f.row, f.code, f.variant, f.params.written])).toEqual([
      [2, "BAD_VALUE", "unit", "秒"],
    ]);
    expect(read.goals.map((g) => g.target)).toEqual([null, 30]);
  });
});

describe("amounts in messages", () => {
  it("writes a currency sign before the number, other units after it", async () => {
    const { formatNumber } = await import("../../src/domain/catalogue");
    expect([formatNumber(1200, "$"), formatNumber(-300, "¥"), formatNumber(30, "秒")]).toEqual([
      "$1,200",
      "-¥300",
      "30 秒",
    ]);
  });
});
