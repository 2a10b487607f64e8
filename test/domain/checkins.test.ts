/** The check-ins sheet of DESIGN §8: its headers in both languages, its cells read as people write them. */
import { CellValue, latestCheckins, readCheckins } from "../../src/domain";

const EN = ["Goal ID", "Period", "As of", "Actual", "Note", "Entered by", "Entered at"];

describe("reading the check-ins sheet", () => {
  it("reads each report with its goal, period, date and actual, in English or Chinese headers in any order", () => {
    const english = readCheckins([
      EN,
      ["T1", "2026-01", "2026-01-31", 48900, "Jan close", "Li", "2026-02-01 09:30"],
      [],
      ["t1", "2026年2月", 46084, "50,100", null, "Li", 46085.5],
    ]);
    expect(english.problems).toEqual([]);
    expect(english.missing).toEqual([]);
    expect(
      english.checkins.map((one) => [one.row, one.goalKey, one.period.key, one.actual, one.note])
    ).toEqual([
      [2, "t1", "2026-01", 48900, "Jan close"],
      [4, "t1", "2026-02", 50100, null],
    ]);
    // 2026-02-01 09:30 is day 20485 and 0.395833… of a day; the serial 46085.5 is noon on 2026-03-04.
    expect(english.checkins[0]?.enteredAt).toBeCloseTo(20485 + 9.5 / 24, 9);
    expect(english.checkins[1]?.enteredAt).toBeCloseTo(46085.5 - 25569, 9);

    const chinese = readCheckins(
      [
        ["实际值", "目标编号", "周期", "填报人"],
        ["１２３", "P101", "2026年第1季度", "张伟"],
      ],
      3
    );
    expect(
      chinese.checkins.map((one) => [one.row, one.goalId, one.period.key, one.actual])
    ).toEqual([[4, "P101", "2026-Q1", 123]]);
    expect(chinese.missing).toEqual(["asOf", "note", "enteredAt"]);
  });

  it("names each cell it cannot read, and leaves that row out", () => {
    const sheet = readCheckins([
      EN,
      ["T1", "next month", null, 5],
      ["T1", "2026-03", "31/03/2026", "lots"],
      [null, "2026-04", null, 7],
    ]);
    expect(sheet.checkins).toEqual([]);
    expect(sheet.problems).toEqual([
      { row: 2, field: "period", value: "next month" },
      { row: 3, field: "actual", value: "lots" },
      { row: 3, field: "asOf", value: "31/03/2026" },
      { row: 4, field: "goalId", value: "" },
    ]);
  });

  it("reads nothing without a goal id, a period and an actual column, and says which are missing", () => {
    const sheet = readCheckins([
      ["Goal ID", "Note"],
      ["T1", "hello"],
    ]);
    expect(sheet.checkins).toEqual([]);
    expect(sheet.missing).toEqual(["period", "asOf", "actual", "enteredBy", "enteredAt"]);
  });
});

describe("the check-in that counts", () => {
  const rows = (...lines: CellValue[][]) => readCheckins([EN, ...lines]).checkins;

  it("is the latest entered, whatever the order of the rows", () => {
    const latest = latestCheckins(
      rows(
        ["T1", "2026-01", null, 100, null, null, "2026-02-02 10:00"],
        ["T1", "2026-01", null, 90, null, null, "2026-02-01 10:00"],
        ["T1", "2026-02", null, 80, null, null, "2026-03-01 08:00"]
      )
    );
    expect(latest.get("t1")?.get("2026-01")?.actual).toBe(100);
    expect(latest.get("t1")?.get("2026-02")?.actual).toBe(80);
  });

  it("is the later row on a tie, or when no time is given (a correction is appended)", () => {
    const latest = latestCheckins(
      rows(["T1", "2026-01", null, 90], ["T1", "2026-01", null, 95], ["T2", "2026-01", null, 1])
    );
    expect(latest.get("t1")?.get("2026-01")).toMatchObject({ actual: 95, row: 3 });
    expect([...latest.keys()]).toEqual(["t1", "t2"]);
  });
});
