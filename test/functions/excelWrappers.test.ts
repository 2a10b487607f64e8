/**
 * The Excel wrappers: what Excel passes on the web (null for a blank) and on the desktop (0) reads the same, and a
 * failed cell becomes a CustomFunctions.Error with a message Excel can show.
 */
import * as functions from "../../src/functions/functions";
import { resetStartupRequest } from "../../src/excel/startup";

class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

beforeAll(() => {
  (globalThis as Record<string, unknown>).CustomFunctions = { Error: FakeCustomFunctionsError };
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});

// The wrappers reach for CustomFunctions only when called, as in Excel's runtime.
const wrappers = () => functions;

describe("GOAL functions as Excel calls them", () => {
  it("reads a blank cell the same on the web (null) and on the desktop (0)", () => {
    const { variance, status } = wrappers();
    expect(variance([[null], [0]], [[100], [100]])).toEqual([[-100], [-100]]);
    expect(status([[null], [0]], [[100], [100]])).toEqual([["Off track"], ["Off track"]]);
  });

  it("reads a blank optional argument the same whether Excel passes null or 0", () => {
    const { variance } = wrappers();
    expect(variance([[25]], [[30]], null as unknown as unknown[][])).toEqual(
      variance([[25]], [[30]], [[0]])
    );
    expect(variance([[25]], [[30]], null as unknown as unknown[][])).toEqual([[-5]]);
  });

  it("turns a failed cell into a #VALUE! error with its message, the other cells computing", () => {
    const { variance } = wrappers();
    const [[bad], [good]] = variance([["lots"], [120]], [[100], [100]]) as [
      [FakeCustomFunctionsError],
      [number],
    ];
    expect(bad).toBeInstanceOf(FakeCustomFunctionsError);
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toBe("actual: “lots” is not a number.");
    expect(good).toBe(20);
  });

  it("gives #DIV/0! for a target of 0 and #N/A for an unknown parent", () => {
    const { attainment, rollup } = wrappers();
    expect((attainment([[1]], [[0]])[0]?.[0] as FakeCustomFunctionsError).code).toBe("#DIV/0!");
    const rolled = rollup([["A"]], [["X"]], [[1]]);
    expect((rolled[0]?.[0] as FakeCustomFunctionsError).code).toBe("#N/A");
  });

  it("throws the error of a single-valued function", () => {
    const { score } = wrappers();
    expect(score([[1.1], [0.8]], [[0.6], [0.4]])).toBeCloseTo(0.98, 9);
    expect(() => score([[1]], [[1]], [["yes"]])).toThrow(FakeCustomFunctionsError);
  });

  it("forecasts from a column as the desktop passes it (blanks as 0) and throws #N/A with nothing reported", () => {
    const { forecast, needed } = wrappers();
    // Quarters 10, 20 reported, two left: linear (10 + 20) · 4/2 = 60; needed (100 − 30)/2 = 35.
    expect(forecast([[10], [20], [0], [0]])).toBe(60);
    expect(forecast([[10], [20], [null], [null]], null as unknown as unknown[][], "linear")).toBe(
      60
    );
    expect(needed([[10], [20], [0], [0]], 100)).toBe(35);
    let thrown: unknown = null;
    try {
      forecast([[0], [0]]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect((thrown as FakeCustomFunctionsError).code).toBe("#N/A");
    expect((thrown as FakeCustomFunctionsError).message).toMatch(/^No period is reported yet/);
  });

  it("says what to do, in words, when GOAL.AUDIT's audit cannot be loaded", async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock("../../src/functions/auditCore", () => {
        throw new Error("ChunkLoadError: Loading chunk audit failed.");
      });
      const isolated = await import("../../src/functions/functions");
      await expect(
        isolated.audit([["ID", "Goal", "Target"]], null, null, {} as CustomFunctions.Invocation)
      ).rejects.toMatchObject({
        code: "#VALUE!",
        message: expect.stringMatching(/^GOAL\.AUDIT could not load its audit: reload the add-in/),
      });
    });
    jest.dontMock("../../src/functions/auditCore");
  });

  it("numbers audit findings by worksheet row from the table's address", async () => {
    const { audit } = wrappers();
    const table = [
      ["ID", "Parent", "Goal", "Target"],
      ["T1", "X9", "Resolve 600k tickets", 600000],
    ];
    const rows = await audit(table, "en", null, {
      parameterAddresses: ["Goals!B7:E8"],
    } as unknown as CustomFunctions.Invocation);
    expect(rows.filter((row) => row[2] === "ORPHAN").map((row) => row.slice(0, 2))).toEqual([
      [8, "T1"],
    ]);
  });

  it("reads data-typed cells (formatted numbers, entities) by their basic value", () => {
    const { variance } = wrappers();
    const formatted = { type: "FormattedNumber", basicValue: 120, numberFormat: "#,##0" };
    const entity = { type: "Entity", text: "Target", basicValue: 100, properties: {} };
    expect(variance([[formatted]], [[entity]])).toEqual([[20]]);
    const error = variance(
      [[{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }]],
      [[1]]
    );
    expect((error[0]?.[0] as FakeCustomFunctionsError).message).toBe(
      "actual holds the error #N/A."
    );
  });

  it("tells a left-out optional argument (null) from a blank cell passed to it ([[null]])", () => {
    const { smart } = wrappers();
    const none = null as unknown as unknown[][];
    // Owner left out: A is not checked. Owner given as a blank cell (web) or 0 (desktop): nobody to achieve it.
    expect(smart([["Resolve 1,000 tickets"]], [[1000]], [["2026-12-31"]], none)).toEqual([
      ["SMART"],
    ]);
    expect(smart([["Resolve 1,000 tickets"]], [[1000]], [["2026-12-31"]], [[null]])).toEqual([
      ["SM-RT"],
    ]);
    expect(smart([["Resolve 1,000 tickets"]], [[1000]], [["2026-12-31"]], [[0]])).toEqual([
      ["SM-RT"],
    ]);
  });

  it("says rows count from the table when Excel gives no parameter addresses", async () => {
    const { audit } = wrappers();
    const table = [
      ["ID", "Parent", "Goal", "Target"],
      ["T1", "X9", "Resolve 600k tickets", 600000],
    ];
    const rows = await audit(table, null, null, {} as CustomFunctions.Invocation);
    expect(rows[0]?.[2]).toBe("ROWS_FROM_TABLE");
    expect(rows.find((row) => row[2] === "ORPHAN")?.slice(0, 2)).toEqual([2, "T1"]);
  });

  it("asks Office once to load the add-in with this workbook after a GOAL function is used", async () => {
    const setStartupBehavior = jest.fn(() => Promise.resolve());
    const office = {
      addin: { setStartupBehavior },
      StartupBehavior: { load: "Load", none: "None" },
      context: { requirements: { isSetSupported: (name: string) => name === "SharedRuntime" } },
    };
    (globalThis as Record<string, unknown>).Office = office;
    resetStartupRequest();
    try {
      const { variance, status } = wrappers();
      variance([[1]], [[2]]);
      status([[1]], [[2]]);
      expect(setStartupBehavior.mock.calls).toEqual([["Load"]]);
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
      resetStartupRequest();
    }
  });
});
