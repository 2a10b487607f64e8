import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { problemCascade } from "../../scripts/sampleData";
import { AuditReport } from "../../src/cli/report";
import { cli, SAMPLES, tempFolder } from "./helpers";

const problems = join(SAMPLES, "cascade-problems.xlsx");
const clean = join(SAMPLES, "cascade-clean.xlsx");

/** Worksheet row of each goal id in the problem sample (the last row for a duplicated id). */
async function rowsById(file: string, sheet: string): Promise<Map<string, number[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows = new Map<string, number[]>();
  workbook.getWorksheet(sheet)!.eachRow((row, number) => {
    const id = row.getCell(1).value;
    if (typeof id === "string") rows.set(id, [...(rows.get(id) ?? []), number]);
  });
  return rows;
}

describe("goal-cascade audit", () => {
  it("lists every deliberate problem of the problem sample with its code and row, and exits 1", async () => {
    const { status, stdout } = await cli(["audit", problems, "--json"]);
    const report = JSON.parse(stdout) as AuditReport;
    const rows = await rowsById(problems, "目标分解");
    const found = new Set(report.findings.map((f) => `${f.code}@${f.row}`));
    const planted = problemCascade().problems.map((p) => {
      const at = rows.get(p.id)!;
      return `${p.code}@${p.code === "DUPLICATE_ID" ? at[at.length - 1] : at[0]}`;
    });
    expect({ status, missing: planted.filter((p) => !found.has(p)) }).toEqual({
      status: 1,
      missing: [],
    });
  });

  it("prints the JSON shape of the contract for every finding", async () => {
    const report = JSON.parse((await cli(["audit", problems, "--json"])).stdout) as AuditReport;
    const shapes = new Set(report.findings.map((f) => Object.keys(f).join(",")));
    expect([...shapes]).toEqual(["code,severity,file,sheet,row,id,field,message"]);
  });

  it("pins the whole audit of the problem sample to its golden file", async () => {
    const { stdout } = await cli(["audit", "samples/cascade-problems.xlsx", "--json"]);
    const golden = join(__dirname, "golden", "cascade-problems.json");
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, stdout);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });

  it("finds nothing in the clean sample and exits 0", async () => {
    const { status, stdout } = await cli(["audit", clean, "--json"]);
    expect({ status, report: JSON.parse(stdout) }).toEqual({
      status: 0,
      report: { goals: 31, findings: [] },
    });
  });

  it("reads one cascade from two files: the team CSV hangs under the company workbook's goals", async () => {
    const both = await cli([
      "audit",
      join(SAMPLES, "multi", "company.xlsx"),
      join(SAMPLES, "multi", "online-team.csv"),
      "--json",
    ]);
    expect({
      status: both.status,
      findings: (JSON.parse(both.stdout) as AuditReport).findings,
    }).toEqual({ status: 0, findings: [] });
  });

  it("reports the company file alone as teams that nobody executes", async () => {
    const alone = JSON.parse(
      (await cli(["audit", join(SAMPLES, "multi", "company.xlsx"), "--json"])).stdout
    ) as AuditReport;
    expect(alone.findings.filter((f) => f.code === "NO_EXECUTOR").map((f) => f.id)).toEqual([
      "T4",
      "T5",
      "T6",
    ]);
  });

  it("writes the summary in Chinese with --lang zh", async () => {
    const { stdout } = await cli(["audit", problems, "--lang", "zh"]);
    expect(stdout).toMatch(/^已审核 1 个文件中的 35 个目标。/);
  });

  it("chooses Chinese from $LANG when --lang is not given", async () => {
    const { stdout } = await cli(["audit", clean], { LANG: "zh_CN.UTF-8" });
    expect(stdout).toContain("没有发现问题");
  });

  it("judges actuals against the pace to date with --as-of", async () => {
    const { dir, cleanup } = tempFolder();
    const file = join(dir, "pace.csv");
    writeFileSync(
      file,
      "ID,Owner,Goal,KPI,Unit,Start,Deadline,Target,Actual\nG1,Li,Resolve tickets in 2026,Tickets,tickets,2026-01-01,2026-12-31,1200,500\n"
    );
    const paced = JSON.parse(
      (await cli(["audit", file, "--json", "--as-of", "2026-04-30"])).stdout
    ) as AuditReport;
    const full = JSON.parse((await cli(["audit", file, "--json"])).stdout) as AuditReport;
    cleanup();
    expect([paced.findings.map((f) => f.code), full.findings.map((f) => f.code)]).toEqual([
      [],
      ["OFF_TRACK"],
    ]);
  });
});

describe("goal-cascade audit on input it cannot use", () => {
  it("exits 2 with the reason when the file does not exist", async () => {
    const { status, stderr } = await cli(["audit", "no-such-file.xlsx"]);
    expect({ status, stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining("no-such-file.xlsx: no such file"),
    });
  });

  it("exits 2 when a file is not a workbook", async () => {
    const { dir, cleanup } = tempFolder();
    const file = join(dir, "broken.xlsx");
    writeFileSync(file, "this is not a zip");
    const { status, stderr } = await cli(["audit", file]);
    cleanup();
    expect({ status, stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining("is not an .xlsx workbook (the file is damaged"),
    });
  });

  it("exits 2 when no sheet holds a goal table", async () => {
    const { dir, cleanup } = tempFolder();
    const file = join(dir, "notes.csv");
    writeFileSync(file, "Name,Phone\nLi,123\n");
    const { status, stderr } = await cli(["audit", file]);
    cleanup();
    expect({ status, stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining("no goal table found"),
    });
  });

  it("exits 2 for a sheet name that does not exist, listing the sheets", async () => {
    const { status, stderr } = await cli(["audit", problems, "--sheet", "Nope"]);
    expect({ status, stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining("“说明”, “目标分解”"),
    });
  });

  it("exits 2 for an unknown option or a bad --as-of", async () => {
    const runs = await Promise.all([
      cli(["audit", clean, "--colour"]),
      cli(["audit", clean, "--as-of", "30/04/2026"]),
    ]);
    expect(runs.map((r) => r.status)).toEqual([2, 2]);
  });

  it("reports a missing required column as one fatal finding naming the accepted headers, and exits 1", async () => {
    const { dir, cleanup } = tempFolder();
    const file = join(dir, "no-target.csv");
    writeFileSync(file, "ID,Goal,Owner\nG1,Resolve tickets,Li\n");
    const { status, stdout } = await cli(["audit", file, "--json"]);
    cleanup();
    const report = JSON.parse(stdout) as AuditReport;
    expect({
      status,
      findings: report.findings.map((f) => [f.code, f.severity, f.row, f.field, f.message]),
    }).toEqual({
      status: 1,
      findings: [
        [
          "MISSING_COLUMN",
          "fatal",
          1,
          "target",
          expect.stringMatching(/Accepted headers: Target, .*Quota.*目标值/),
        ],
      ],
    });
  });
});

describe("reading CSV files", () => {
  it("reads GB18030, as Chinese Excel saves CSV", async () => {
    const report = JSON.parse(
      (await cli(["audit", join(SAMPLES, "multi", "online-team.csv"), "--json"])).stdout
    ) as AuditReport;
    expect(report.findings.filter((f) => f.code === "ORPHAN").map((f) => [f.row, f.id])).toEqual([
      [2, "P201"],
      [3, "P202"],
      [4, "P203"],
      [5, "P211"],
      [6, "P212"],
      [7, "P213"],
    ]);
  });

  it("reads UTF-8 with a byte-order mark and Chinese headers", async () => {
    const { dir, cleanup } = tempFolder();
    const file = join(dir, "bom.csv");
    writeFileSync(
      file,
      '\uFEFF目标编号,上级目标,目标描述,目标值,责任人\nG1,,全年解决工单120万件,"1,200,000",陈总\nG2,G9,一组解决工单60万件,600000,李\n'
    );
    const report = JSON.parse((await cli(["audit", file, "--json"])).stdout) as AuditReport;
    cleanup();
    expect(report.findings.filter((f) => f.code === "ORPHAN").map((f) => f.id)).toEqual(["G2"]);
  });

  it("names the cell of a value it cannot read", async () => {
    const { dir, cleanup } = tempFolder();
    const file = join(dir, "bad.csv");
    writeFileSync(file, "ID,Goal,Target\nG1,Resolve tickets within a day,lots\n");
    const report = JSON.parse((await cli(["audit", file, "--json"])).stdout) as AuditReport;
    cleanup();
    expect(
      report.findings.filter((f) => f.code === "BAD_VALUE").map((f) => [f.row, f.field, f.message])
    ).toEqual([[2, "target", expect.stringContaining("Cell C2")]]);
  });
});

describe("goal-cascade audit of a sheet without ids", () => {
  it("audits a CSV whose goals have no ID column: ids are rows, parents named by their text", async () => {
    const folder = tempFolder();
    const file = join(folder.dir, "team goals.csv");
    writeFileSync(
      file,
      [
        "Goal,Parent,Owner,Target,Actual,Deadline",
        "Resolve every ticket within 4 hours by 2026-12-31,,Zhang,1000,950,2026-12-31",
        'North resolves tickets within 4 hours,"Resolve every ticket within 4 hours by 2026-12-31",Li,600,590,2026-12-31',
        "South resolves tickets within 4 hours,Some goal nobody wrote,Chen,400,380,2026-12-31",
      ].join("\n")
    );
    const { status, stdout, stderr } = await cli(["audit", file, "--json"]);
    const report = JSON.parse(stdout) as AuditReport;
    expect(stderr).toBe("");
    expect(report.goals).toBe(3);
    expect(report.findings.filter((f) => f.code === "ORPHAN").map((f) => [f.row, f.id])).toEqual([
      [4, "4"],
    ]);
    expect(report.findings.some((f) => f.code === "MISSING_COLUMN")).toBe(false);
    expect(status).toBe(1);
    folder.cleanup();
  });
});

describe("goal-cascade audit --map", () => {
  const folder = tempFolder();
  afterAll(() => folder.cleanup());
  const file = join(folder.dir, "own headers.csv");
  writeFileSync(
    file,
    [
      "Ref,Summary,Up,Who,Number",
      "x,Resolve every ticket within 4 hours by 2026-12-31,,Zhang,1000",
      "x,North resolves tickets within 4 hours by 2026-12-31,Resolve every ticket within 4 hours by 2026-12-31,Li,600",
    ].join("\n")
  );

  it("reads columns the headers of which it does not know, as the user maps them", async () => {
    expect((await cli(["audit", file])).status).toBe(2);
    const mapped = await cli([
      "audit",
      file,
      "--json",
      "--map",
      "goal=Summary",
      "--map",
      "target=number",
      "--map",
      "parent=Up",
      "--map",
      "owner=Who",
    ]);
    const report = JSON.parse(mapped.stdout) as AuditReport;
    expect(report.goals).toBe(2);
    expect(
      report.findings.filter((f) => ["ORPHAN", "MISSING_OWNER", "BAD_VALUE"].includes(f.code))
    ).toEqual([]);
  });

  it("reads an id column as none with --map id=-, and ids become rows", async () => {
    const asIds = await cli([
      "audit",
      file,
      "--json",
      "--map",
      "goal=Summary",
      "--map",
      "target=Number",
      "--map",
      "id=Ref",
    ]);
    expect((JSON.parse(asIds.stdout) as AuditReport).findings.map((f) => f.code)).toContain(
      "DUPLICATE_ID"
    );
    const none = await cli([
      "audit",
      file,
      "--json",
      "--map",
      "goal=Summary",
      "--map",
      "target=Number",
      "--map",
      "id=-",
    ]);
    const report = JSON.parse(none.stdout) as AuditReport;
    expect(report.findings.map((f) => f.code)).not.toContain("DUPLICATE_ID");
    expect(new Set(report.findings.map((f) => f.id))).toEqual(new Set(["2", "3"]));
  });

  it.each([
    [["--map", "title=Summary"], "“title” is not a field"],
    [["--map", "goal"], "give the column's header"],
    [
      ["--map", "goal=Nope", "--map", "target=Number"],
      "(“Nope”, “Number”) are spelled as on the sheet",
    ],
    [
      ["--map", "goal=Summary", "--map", "target=Number", "--map", "owner=Nobody"],
      "has no column “Nobody”",
    ],
    [["--map", "goal=Summary", "--map", "goal=Up"], "mapped twice"],
  ])("exits 2 for %j, saying why", async (options, reason) => {
    const run = await cli(["audit", file, ...options]);
    expect({ status: run.status, reason: run.stderr.includes(reason) }).toEqual({
      status: 2,
      reason: true,
    });
  });
});

describe("goal-cascade audit --fiscal-year-start and --date-order", () => {
  const folder = tempFolder();
  afterAll(() => folder.cleanup());
  const file = join(folder.dir, "fiscal.csv");
  writeFileSync(
    file,
    [
      "ID,Parent,Goal,Owner,Target,Period,Due Date",
      "Y,,Resolve tickets by June,Li,400,,2026-06-30",
      "Q1,Y,Resolve tickets in fiscal Q1,Li,100,FY26 Q1,",
      "Q2,Y,Resolve tickets in fiscal Q2,Li,100,FY26 Q2,",
      "Q3,Y,Resolve tickets in fiscal Q3,Li,100,FY26 Q3,",
      "Q4,Y,Resolve tickets in fiscal Q4,Li,100,FY26 Q4,",
    ].join("\n")
  );
  const codes = async (...options: string[]) =>
    (JSON.parse((await cli(["audit", file, "--json", ...options])).stdout) as AuditReport).findings
      .filter((f) => ["DEADLINE_AFTER_PARENT", "UNDER_ALLOCATED", "BAD_VALUE"].includes(f.code))
      .map((f) => `${f.code}@${f.row}`);

  it("reads FY periods from the month given, so the quarters fit their year", async () => {
    // With calendar years FY26 Q3 and Q4 end after the year's deadline of 30 June 2026.
    expect(await codes()).toEqual(["DEADLINE_AFTER_PARENT@5", "DEADLINE_AFTER_PARENT@6"]);
    expect(await codes("--fiscal-year-start", "7")).toEqual([]);
  });

  it("reads dates in the order given", async () => {
    const dayFirst = join(folder.dir, "day first.csv");
    writeFileSync(dayFirst, "Goal,Target,Due Date\nResolve tickets within a day,10,03/04/2026\n");
    const deadline = async (...options: string[]) =>
      (
        JSON.parse((await cli(["audit", dayFirst, "--json", ...options])).stdout) as AuditReport
      ).findings.map((f) => f.code);
    expect(await deadline()).toContain("DATE_ORDER_ASSUMED");
    expect(await deadline("--date-order", "dmy")).not.toContain("DATE_ORDER_ASSUMED");
  });

  it.each([
    [["--fiscal-year-start", "13"], "--fiscal-year-start must be the fiscal year's first month"],
    [["--fiscal-year-start", "July"], "not “July”"],
    [["--date-order", "dym"], "--date-order must be one of auto, mdy, dmy, ymd"],
    [["--date-order", "dym", "--lang", "zh"], "--date-order 必须是"],
  ])("exits 2 for %j, saying why", async (options, reason) => {
    const run = await cli(["audit", file, ...options]);
    expect({ status: run.status, reason: run.stderr.includes(reason) }).toEqual({
      status: 2,
      reason: true,
    });
  });
});

describe("goal-cascade audit --json, written directly", () => {
  it("prints what JSON.stringify(report, null, 2) prints, byte for byte, in both languages", async () => {
    for (const lang of ["en", "zh"]) {
      const { stdout } = await cli(["audit", problems, "--json", "--lang", lang]);
      const report = JSON.parse(stdout) as AuditReport;
      expect(report.findings.length).toBeGreaterThan(10);
      expect(stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    }
  });
});
