import {
  decideDateOrder,
  isoFromDay,
  makePeriod,
  periodInYearOf,
  periodsWithin,
  readDateAs,
  readPeriod,
  readPeriodCell,
  readsAsDate,
  UNREADABLE,
} from "../../src/domain";

/** The key of a period cell, or what the reader said instead; year-less periods as "?kind index". */
function key(value: string | number, fiscalStart = 1): string | null | typeof UNREADABLE {
  const period = readPeriodCell(value, fiscalStart);
  if (period === null || period === UNREADABLE) return period;
  return "yearless" in period
    ? `?${period.kind} ${period.index}${period.fiscal ? " fiscal" : ""}`
    : period.key;
}

/** First and last day of a period, as ISO dates. */
function span(value: string, fiscalStart = 1): string {
  const period = readPeriod(value, fiscalStart);
  if (period === null || period === UNREADABLE) return String(period);
  return `${isoFromDay(period.startDay)}…${isoFromDay(period.endDay)}`;
}

describe("period forms (issue 11 §2)", () => {
  it.each([
    ["2025年度", "2025"],
    ["Annual 2025", "2025"],
    ["FY 2025", "2025"],
    ["FY26", "2026"],
    ["2026财年", "2026"],
    ["2026財年", "2026"],
    ["FY26 Q1", "2026-Q1"],
    ["Q1 FY26", "2026-Q1"],
    ["Q3 2025", "2025-Q3"],
    ["3Q 2025", "2025-Q3"],
    ["2025 Q3", "2025-Q3"],
    ["2025年第三季度", "2025-Q3"],
    ["2025年Q3", "2025-Q3"],
    ["H1 2025", "2025-H1"],
    ["2025-H1", "2025-H1"],
    ["1H 2025", "2025-H1"],
    ["2025年上半年", "2025-H1"],
    ["FY25 H2", "2025-H2"],
    ["Jan 2025", "2025-01"],
    ["January 2025", "2025-01"],
    ["Sept 2025", "2025-09"],
    ["Jan-25", "2025-01"],
    ["2025 Dec", "2025-12"],
    ["03/2025", "2025-03"],
    ["2025/3", "2025-03"],
    ["2025年三月", "2025-03"],
    ["２０２５年３月", "2025-03"],
  ])("reads %s as %s", (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each([
    ["Q1", "?quarter 1"],
    ["1Q", "?quarter 1"],
    ["第一季度", "?quarter 1"],
    ["四季度", "?quarter 4"],
    ["FQ2", "?quarter 2 fiscal"],
    ["H2", "?half 2"],
    ["上半年", "?half 1"],
    ["Mar", "?month 3"],
    ["October", "?month 10"],
    ["3月", "?month 3"],
    ["十二月", "?month 12"],
  ])("reads %s without its year", (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it.each(["Q5", "2025-H3", "FY26 Q0", "13月", "Smarch 2025", "Q1 and Q2", "2025-13"])(
    "does not read %s",
    (text) => {
      expect(key(text)).toBe(UNREADABLE);
    }
  );

  it("keeps year-less forms out of readPeriod", () => {
    expect(readPeriod("Q1")).toBe(UNREADABLE);
    expect(readPeriod("2026-Q1")).not.toBe(UNREADABLE);
  });
});

describe("fiscal years (--fiscal-year-start)", () => {
  it("names a fiscal year by the calendar year it ends in", () => {
    expect(key("FY26", 7)).toBe("FY2026");
    expect(span("FY26", 7)).toBe("2025-07-01…2026-06-30");
  });

  it("counts fiscal quarters and halves from the fiscal year's first month", () => {
    expect(span("FY26 Q1", 7)).toBe("2025-07-01…2025-09-30");
    expect(span("Q4 FY26", 7)).toBe("2026-04-01…2026-06-30");
    expect(span("FY26 H2", 4)).toBe("2025-10-01…2026-03-31");
    expect(key("FY26 Q1", 7)).toBe("FY2026-Q1");
  });

  it("leaves calendar forms and months calendar", () => {
    expect(span("2026-Q1", 7)).toBe("2026-01-01…2026-03-31");
    expect(key("Jan 2026", 7)).toBe("2026-01");
    expect(key("2026", 7)).toBe("2026");
  });

  it("is the calendar year when it starts in January", () => {
    expect(span("FY26", 1)).toBe("2026-01-01…2026-12-31");
  });

  it("does not make a fiscal year from a month outside 1–12", () => {
    expect(makePeriod("year", 2026, 1, 13)).toBeNull();
  });

  it("lists a fiscal year's own quarters and its calendar months", () => {
    const year = readPeriod("FY26", 7);
    if (year === null || year === UNREADABLE) throw new Error("FY26 unread");
    expect(periodsWithin(year, "quarter").map((part) => part.key)).toEqual([
      "FY2026-Q1",
      "FY2026-Q2",
      "FY2026-Q3",
      "FY2026-Q4",
    ]);
    const months = periodsWithin(year, "month").map((part) => part.key);
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(["2025-07", "2026-06"]);
  });

  it("places a fiscal quarter without a year in the fiscal year of the goal's day", () => {
    const day = readDateAs("2025-08-15", "mdy") as number;
    expect(
      periodInYearOf({ yearless: true, kind: "quarter", index: 1, fiscal: true }, day, 7)?.key
    ).toBe("FY2026-Q1");
    expect(
      periodInYearOf({ yearless: true, kind: "quarter", index: 1, fiscal: false }, day, 7)?.key
    ).toBe("2025-Q1");
  });
});

describe("readDateAs", () => {
  const iso = (value: string, order: "mdy" | "dmy" | "ymd") => {
    const day = readDateAs(value, order);
    return typeof day === "number" ? isoFromDay(day) : day;
  };

  it.each([
    ["12/31/2025", "mdy", "2025-12-31"],
    ["03/04/2026", "mdy", "2026-03-04"],
    ["03/04/2026", "dmy", "2026-04-03"],
    ["31/12/2025", "dmy", "2025-12-31"],
    ["31.12.2025", "dmy", "2025-12-31"],
    ["31-12-2025", "dmy", "2025-12-31"],
    ["12/31/25", "mdy", "2025-12-31"],
    ["25/12/31", "ymd", "2025-12-31"],
    ["12/31/2025 0:00", "mdy", "2025-12-31"],
    ["12/31/2025 11:30 PM", "mdy", "2025-12-31"],
    ["Dec 31, 2025", "dmy", "2025-12-31"],
    ["December 31 2025", "mdy", "2025-12-31"],
    ["31-Dec-25", "mdy", "2025-12-31"],
    ["31 Dec 2025", "mdy", "2025-12-31"],
    ["民國114/07/09", "mdy", "2025-07-09"],
    ["民国 114.7.9", "mdy", "2025-07-09"],
    ["114/07/09", "mdy", "2025-07-09"],
    ["114年7月9日", "mdy", "2025-07-09"],
    ["2025-12-31", "dmy", "2025-12-31"],
  ] as const)("reads %s (%s) as %s", (value, order, expected) => {
    expect(iso(value, order)).toBe(expected);
  });

  it.each([
    ["12/31/2025", "dmy"],
    ["31/12/2025", "mdy"],
    ["02/30/2026", "mdy"],
    ["1/2/3/4", "mdy"],
    ["next Friday", "mdy"],
  ] as const)("does not read %s (%s)", (value, order) => {
    expect(readDateAs(value, order)).toBe(UNREADABLE);
  });

  it("tells a date cell in either order from other text", () => {
    expect(readsAsDate("31/12/2025")).toBe(true);
    expect(readsAsDate("12/31/2025")).toBe(true);
    expect(readsAsDate("10%/5%")).toBe(false);
    expect(readsAsDate("Q1 2026")).toBe(false);
  });
});

describe("decideDateOrder", () => {
  it("reads a column day first when a day above 12 shows it", () => {
    expect(decideDateOrder(["03/04/2026", "28/02/2026", null], "auto")).toEqual({
      order: "dmy",
      assumedAt: -1,
    });
  });

  it("reads a column month first when a day above 12 shows that", () => {
    expect(decideDateOrder(["03/04/2026", "02/28/2026"], "auto")).toEqual({
      order: "mdy",
      assumedAt: -1,
    });
  });

  it("assumes month first at the first ambiguous date when nothing shows the order", () => {
    expect(
      decideDateOrder(["2026-03-31", "05/05/2026", "03/04/2026", "04/03/2026"], "auto")
    ).toEqual({ order: "mdy", assumedAt: 2 });
  });

  it("assumes nothing of a column whose dates are all unambiguous", () => {
    expect(decideDateOrder(["2026-03-31", "05/05/2026", 46112], "auto")).toEqual({
      order: "mdy",
      assumedAt: -1,
    });
  });

  it("follows the majority when the dates contradict each other", () => {
    expect(decideDateOrder(["31/01/2026", "28/02/2026", "01/31/2026"], "auto").order).toBe("dmy");
    expect(decideDateOrder(["31/01/2026", "01/31/2026", "02/28/2026"], "auto").order).toBe("mdy");
  });

  it("takes the order the user chose without looking", () => {
    expect(decideDateOrder(["31/01/2026"], "mdy")).toEqual({ order: "mdy", assumedAt: -1 });
  });
});
