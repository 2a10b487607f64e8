import { outcomeText } from "../../src/commands/outcomeText";
import { CellValue, isoFromDay } from "../../src/domain";
import { child, goal, table } from "../domain/builders";
import { FakeExcel, officeMock } from "../excel/fakeExcel";
import { MemoryWorkbook } from "../support/MemoryWorkbook";

type Commands = typeof import("../../src/commands/commands");

let office: ReturnType<typeof officeMock>;
let commands: Commands;
beforeEach(async () => {
  office = officeMock();
  (globalThis as Record<string, unknown>).Office = office.office;
  // The shared runtime's page, beside which the notice page is served.
  (globalThis as Record<string, unknown>).location = new URL(
    "https://localhost:3000/taskpane.html"
  );
  // A fresh module per test: it registers the command with Office when it is loaded.
  await jest.isolateModulesAsync(async () => {
    commands = await import("../../src/commands/commands");
  });
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).location;
  delete (globalThis as Record<string, unknown>).Excel;
});

const cascade = (): CellValue[][] =>
  table([
    goal({ id: "C1", level: "Company", target: 1000, actual: 700 }),
    child("C1", { id: "T1", level: "Team", target: 600, actual: 600 }),
    child("X9", { id: "T3", level: "Team", target: 100, actual: 95 }),
  ]);

/** A command host over an in-memory workbook; records the task pane openings and completions. */
function host(book: MemoryWorkbook) {
  const opened: string[] = [];
  const notices: string[] = [];
  const event = { completed: jest.fn() };
  return {
    event,
    opened,
    notices,
    host: {
      workbook: book,
      showTaskpane: async () => void opened.push("pane"),
      notify: async (message: string) => void notices.push(message),
      language: () => "en" as const,
      // A fixed day after the fixtures' deadlines: nothing is paced, whatever day the tests run on.
      today: () => new Date(2027, 0, 15),
    },
  };
}

describe("the Audit goals button's as-of date", () => {
  it("is today's (the host's clock) unless the options choose one", async () => {
    const book = new MemoryWorkbook({ Goals: cascade() });
    const { host: surroundings } = host(book);
    const midYear = { ...surroundings, today: () => new Date(2026, 5, 30) };
    const outcome = await commands.auditGoals({ completed: jest.fn() }, midYear);
    expect(
      outcome.status === "audited" ? isoFromDay(outcome.run.judged.asOf ?? 0) : outcome.status
    ).toBe("2026-06-30");
    await book.saveSetting("options", { asOf: "2026-03-31" });
    const chosen = await commands.auditGoals({ completed: jest.fn() }, midYear);
    expect(
      chosen.status === "audited" ? isoFromDay(chosen.run.judged.asOf ?? 0) : chosen.status
    ).toBe("2026-03-31");
  });
});

describe("the Audit goals button", () => {
  it("audits the only goal table, leaves the task pane closed and says what it found", async () => {
    const book = new MemoryWorkbook({ Goals: cascade() });
    const { event, opened, notices, host: surroundings } = host(book);
    const outcome = await commands.auditGoals(event, surroundings);
    expect(outcome.status).toBe("audited");
    expect(book.calls.get("applyAudit")).toBe(1);
    expect(opened).toEqual([]);
    if (outcome.status !== "audited") throw new Error(outcome.status);
    const { findings } = outcome.run.result;
    expect(notices).toEqual([
      `Audited 3 goals on “Goals”: ${findings.length} findings, ${
        findings.filter((finding) => finding.severity === "error").length
      } of them errors. They are coloured on the sheet and listed on “Audit”; Clear audit in Goal Cascade removes them.`,
    ]);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(commands.lastAuditCommandOutcome()).toBe(outcome);
  });

  it("opens the task pane when the sheet has no goal table", async () => {
    const { event, opened, host: surroundings } = host(new MemoryWorkbook({ Notes: [["Hello"]] }));
    expect((await commands.auditGoals(event, surroundings)).status).toBe("noTable");
    expect(opened).toEqual(["pane"]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("audits the first of several complete tables and says how many it left aside", async () => {
    const book = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Target"],
        ["G1", "x", 1],
        [],
        ["ID", "Goal", "Target"],
        ["G2", "y", 2],
      ],
    });
    book
      .sheet("Goals")
      .tables.push({ name: "A", address: "A1:C2" }, { name: "B", address: "A4:C5" });
    const { event, opened, host: surroundings } = host(book);
    const outcome = await commands.auditGoals(event, surroundings);
    expect({
      status: outcome.status,
      table: outcome.status === "audited" ? outcome.run.source.tableName : null,
      others: outcome.status === "audited" ? outcome.others : null,
      opened,
      notice: outcomeText(outcome, "en"),
    }).toEqual({
      status: "audited",
      table: "A",
      others: 1,
      opened: [],
      notice: expect.stringContaining(
        "1 other complete goal table(s) on this sheet were left aside"
      ),
    });
  });

  it("opens the task pane to choose when several tables are on the sheet and none is complete", async () => {
    const book = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Owner"],
        ["G1", "x", "Li"],
        [],
        ["ID", "Goal", "Owner"],
        ["G2", "y", "Wang"],
      ],
    });
    book
      .sheet("Goals")
      .tables.push({ name: "A", address: "A1:C2" }, { name: "B", address: "A4:C5" });
    const { event, opened, host: surroundings } = host(book);
    const outcome = await commands.auditGoals(event, surroundings);
    expect(outcome.status).toBe("chooseTable");
    expect(book.calls.get("applyAudit")).toBeUndefined();
    expect(opened).toEqual(["pane"]);
  });

  it("opens the task pane to explain a missing required column", async () => {
    const book = new MemoryWorkbook({
      Goals: [
        ["ID", "Goal", "Owner"],
        ["G1", "x", "Li"],
      ],
    });
    const { event, opened, host: surroundings } = host(book);
    const outcome = await commands.auditGoals(event, surroundings);
    expect(outcome.status).toBe("missingColumn");
    expect(opened).toEqual(["pane"]);
  });

  it("opens the task pane with the error when the workbook fails, and still completes", async () => {
    const book = new MemoryWorkbook({ Goals: cascade() });
    book.applyAudit = async () => {
      throw Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" });
    };
    const { event, opened, host: surroundings } = host(book);
    const outcome = await commands.auditGoals(event, surroundings);
    expect(outcome).toMatchObject({ status: "failed", error: { code: "PROTECTED" } });
    expect(opened).toEqual(["pane"]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("still says what happened when the task pane cannot open, and completes", async () => {
    const { event, notices, host: surroundings } = host(new MemoryWorkbook({ Notes: [["Hello"]] }));
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    surroundings.showTaskpane = async () => {
      throw new Error("not supported");
    };
    await commands.auditGoals(event, surroundings);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^No goal table on the active sheet\./);
    errors.mockRestore();
  });

  it("completes when neither the pane nor a notice can be shown", async () => {
    const { event, host: surroundings } = host(new MemoryWorkbook({ Notes: [["Hello"]] }));
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    surroundings.showTaskpane = async () => {
      throw new Error("not supported");
    };
    surroundings.notify = async () => {
      throw new Error("another dialog is open");
    };
    await commands.auditGoals(event, surroundings);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it("explains a failure in the user's language, naming what to do", async () => {
    const book = new MemoryWorkbook({ Goals: cascade() });
    book.applyAudit = async () => {
      throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    };
    const { event, notices, host: surroundings } = host(book);
    surroundings.language = () => "zh" as never;
    await commands.auditGoals(event, surroundings);
    expect(notices[0]).toMatch(/^Excel 正在编辑单元格。/);
    expect(notices[0]).toMatch(/打开 Goal Cascade/);
  });

  it("uses the audit options saved in the workbook, and the defaults when they are not valid", async () => {
    const book = new MemoryWorkbook({ Goals: cascade() });
    const { event, host: surroundings } = host(book);
    /** The status finding of C1 (actual 700 against 1,000: 70 % attained). */
    const statusOfC1 = async () => {
      const outcome = await commands.auditGoals(event, surroundings);
      if (outcome.status !== "audited") throw new Error(outcome.status);
      return outcome.run.result.findings.find(
        (finding) =>
          finding.id === "C1" && (finding.code === "OFF_TRACK" || finding.code === "AT_RISK")
      )?.code;
    };
    book.settings.set("options", { atRisk: 0.5 });
    expect(await statusOfC1()).toBe("AT_RISK");
    book.settings.set("options", { atRisk: "very" });
    expect(await statusOfC1()).toBe("OFF_TRACK");
  });

  it("tells listeners the outcome", async () => {
    const seen: string[] = [];
    const stop = commands.onAuditCommand((outcome) => seen.push(outcome.status));
    const { event, host: surroundings } = host(new MemoryWorkbook({ Notes: [["Hello"]] }));
    await commands.auditGoals(event, surroundings);
    stop();
    await commands.auditGoals(event, surroundings);
    expect(seen).toEqual(["noTable"]);
  });
});

describe("in Excel", () => {
  it("is associated with the manifest's function name once Office is ready, and audits through Excel.run", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Goals", cascade());
    (globalThis as Record<string, unknown>).Excel = { run: fake.run };
    const handler = office.associated.get(commands.AUDIT_COMMAND);
    if (!handler) throw new Error("auditGoals was not associated");
    const event = { completed: jest.fn() };
    jest.useFakeTimers();
    try {
      await handler(event);
      expect(event.completed).toHaveBeenCalledTimes(1);
      expect(office.shown).toEqual([]);
      expect(fake.sheets.map((sheet) => sheet.name)).toEqual(["Goals", "Audit"]);
      expect(fake.sheet("Goals").rules.length).toBeGreaterThan(0);
      expect(fake.lastRunOptions).toEqual({ delayForCellEdit: true });
      // The notice: the page beside the add-in's, with the sentence; it closes itself (an open dialog blocks
      // calculation).
      expect(office.dialogs).toHaveLength(1);
      const url = new URL(office.dialogs[0]?.url ?? "");
      expect(url.href.startsWith("https://localhost:3000/notice.html?")).toBe(true);
      expect(url.searchParams.get("message")).toMatch(/^Audited 3 goals/);
      expect(office.dialogs[0]?.closed).toBe(false);
      jest.advanceTimersByTime(8_000);
      expect(office.dialogs[0]?.closed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it("closes the notice when its OK button answers", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Notes", [["Hello"]]);
    (globalThis as Record<string, unknown>).Excel = { run: fake.run };
    await office.associated.get(commands.AUDIT_COMMAND)?.({ completed: jest.fn() });
    expect(office.dialogs).toHaveLength(1);
    office.dialogs[0]?.message("close");
    expect(office.dialogs[0]?.closed).toBe(true);
  });

  it("opens the task pane through Office when there is nothing to audit", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Notes", [["Hello"]]);
    (globalThis as Record<string, unknown>).Excel = { run: fake.run };
    const event = { completed: jest.fn() };
    await office.associated.get(commands.AUDIT_COMMAND)?.(event);
    expect(office.shown).toHaveLength(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    // The notice says why too (Office may ignore showAsTaskpane); OK closes it.
    expect(office.dialogs).toHaveLength(1);
    office.dialogs[0]?.message("close");
    expect(office.dialogs[0]?.closed).toBe(true);
  });
});
