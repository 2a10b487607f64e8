/**
 * Goal sheets in the shapes managers keep, made with LibreOffice from text (never copied from anyone): a
 * Traditional Chinese KPI plan without ids under a banner, and an OKR-style list whose goal column is "Title" beside
 * an empty "Description", with a "Start" value beside a "Start Date", and an export shaped like Viva Goals' (US dates,
 * "Aligned To (weight, Objective ID)", Object Type). Each audits with no column renamed and no false alarm from a
 * wrongly chosen column.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { AuditReport } from "../../src/cli/report";
import { libreOfficeConvert } from "../support/foreignWorkbook";
import { outlinedWorkbook } from "../support/outlinedWorkbook";
import { cli, tempFolder } from "./helpers";

/** An .xlsx made by LibreOffice from UTF-8 CSV text. */
function workbookFrom(dir: string, name: string, lines: string[]): string {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
  // CSV import: comma, double quote, UTF-8 (76); the first line is data like every other.
  return libreOfficeConvert(dir, csv, "xlsx:Calc MS Excel 2007 XML", "CSV:44,34,76,1");
}

/** A text merged over `rows` rows (an OKR sheet's objective beside its key results). */
interface Tall {
  text: string;
  rows: number;
}
type FormValue = string | number | null | Tall;

/**
 * A flat ODS cell: text, a number, a text spanning `span` columns (a merged banner) or `rows` rows (`Tall`); the
 * rows under a tall cell hold "covered" for its place.
 */
function odsCell(value: FormValue | "covered", span = 1): string {
  if (value === "covered") return "<table:covered-table-cell/>";
  if (value !== null && typeof value === "object")
    return `<table:table-cell office:value-type="string" table:number-rows-spanned="${value.rows}"><text:p>${value.text}</text:p></table:table-cell>`;
  const merged = span > 1 ? ` table:number-columns-spanned="${span}"` : "";
  const covered = "<table:covered-table-cell/>".repeat(span - 1);
  if (value === null) return "<table:table-cell/>";
  if (typeof value === "number")
    return `<table:table-cell office:value-type="float" office:value="${value}"${merged}><text:p>${value}</text:p></table:table-cell>${covered}`;
  const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<table:table-cell office:value-type="string"${merged}><text:p>${text}</text:p></table:table-cell>${covered}`;
}

/** An .xlsx made by LibreOffice from a flat ODS sheet whose rows may hold merged banners (`[text, span]`). */
function formWorkbook(
  dir: string,
  name: string,
  rows: Array<Array<FormValue | "covered"> | [string, number]>,
  sheet = "考核表"
): string {
  const body = rows
    .map((row) => {
      const cells =
        row.length === 2 && typeof row[0] === "string" && typeof row[1] === "number" && row[1] > 1
          ? odsCell(row[0], row[1])
          : row.map((value) => odsCell(value)).join("");
      return `<table:table-row>${cells || "<table:table-cell/>"}</table:table-row>`;
    })
    .join("");
  const fods = join(dir, `${name}.fods`);
  writeFileSync(
    fods,
    `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet><table:table table:name="${sheet}">${body}</table:table></office:spreadsheet></office:body></office:document>`
  );
  return libreOfficeConvert(dir, fods, "xlsx:Calc MS Excel 2007 XML");
}

const codes = (report: AuditReport) => report.findings.map((finding) => finding.code);

describe("real goal sheets", () => {
  const folder = tempFolder();
  afterAll(() => folder.cleanup());

  it("audits a Traditional Chinese KPI plan with a banner, no ids and parents named by their text", async () => {
    const company = "客服中心全年工單於4小時內解決";
    const file = workbookFrom(folder.dir, "kpi-plan-tw", [
      "2026年度客服部KPI計劃,,,,,,",
      "項目,上級目標,負責人,目標值,實際值,截止時間,權重（%）",
      `${company},,王經理,1000,950,2026-12-31,100`,
      `北區工單於4小時內解決,${company},陳組長,600,590,2026-12-31,100`,
      `南區工單於4小時內解決,${company},林組長,400,380,2026-12-31,100`,
    ]);
    const { stdout, stderr } = await cli(["audit", file, "--json", "--lang", "zh"]);
    const report = JSON.parse(stdout) as AuditReport;
    expect(stderr).toBe("");
    expect(report.goals).toBe(3);
    const false_alarms = [
      "MISSING_COLUMN",
      "BAD_VALUE",
      "ORPHAN",
      "DUPLICATE_COLUMN",
      "MISSING_OWNER",
      "WEIGHTS_NOT_100",
    ];
    expect(codes(report).filter((code) => false_alarms.includes(code))).toEqual([]);
    // The banner is row 1: goals are numbered from the worksheet row of the first one.
    expect(new Set(report.findings.map((finding) => finding.id))).not.toContain("1");
  });

  it("reads an OKR list by its Title, not its empty Description, and a Start value beside a Start Date as no second start date", async () => {
    const file = workbookFrom(folder.dir, "okr-list", [
      "Id,Title,Description,Owner,Start Date,Start,Target,Current,End Date,Parent",
      "1,Resolve every ticket within 4 hours by 2026-12-31,,Ana,2026-01-01,20,1000,900,2026-12-31,",
      "2,North resolves tickets within 4 hours by 2026-12-31,,Ben,2026-01-01,10,600,560,2026-12-31,1",
      "3,South resolves tickets within 4 hours by 2026-12-31,,Caro,2026-01-01,10,400,390,2026-12-31,1",
    ]);
    const { stdout } = await cli(["audit", file, "--json"]);
    const report = JSON.parse(stdout) as AuditReport;
    expect(report.goals).toBe(3);
    expect(
      codes(report).filter((code) => ["BAD_VALUE", "DUPLICATE_COLUMN", "SMART_S"].includes(code))
    ).toEqual([]);
  });

  /** A Viva Goals-shaped export (Microsoft retired Viva Goals on 2025-12-31; its users hold such CSVs). */
  const vivaExport = [
    'Id,Title,Owner,Period,Start Date,End Date,"Aligned To (weight, Objective ID)",Metric Name,Unit,Target,Start,Actual Progress,Progress %,Object Type,Status',
    "101,Delight our customers in 2025,Ana Lopez,Annual 2025,01/01/2025,12/31/2025,,,,,,,62%,Objective,On Track",
    '102,Raise CSAT to 92% by March,Ben Wu,Q1 2025,01/01/2025,03/31/2025,"Delight our customers in 2025 (weight: 50%, Id: 101)",CSAT,%,92,85,88,43%,Key Result,Behind',
    '103,Answer chats within 30 seconds by March,Cara Diaz,Q1 2025,01/01/2025,03/31/2025,"Delight our customers in 2025 (weight: 50%, Id: 101)",Chat first response time,seconds,30,60,45,50%,Key Result,At Risk',
    '104,Publish 40 help articles by March,Dev Patel,Q1 2025,01/15/2025,03/31/2025,"Raise CSAT to 92% by March (weight: 100%, Id: 102)",Articles published,articles,40,0,25,62.5%,Initiative,On Track',
    '105,Cut churn to 5% by June,Eve Sato,Q2 2025,04/01/2025,06/30/2025,"Grow retention (weight: 20%, Id: 999)",Churn,%,5,8,6,50%,Key Result,Behind',
  ];
  const falseAlarms = [
    "MISSING_COLUMN",
    "DUPLICATE_COLUMN",
    "BAD_VALUE",
    "DATE_ORDER_ASSUMED",
    "NO_EXECUTOR",
    "SMART_M",
    "SMART_T",
    "MISSING_OWNER",
    "WEIGHTS_NOT_100",
  ];

  it.each(["csv", "xlsx"])(
    "audits a Viva Goals export (%s) as a cascade, with no column renamed and no false alarm",
    async (kind) => {
      const file =
        kind === "csv"
          ? join(folder.dir, "viva-export.csv")
          : workbookFrom(folder.dir, "viva-export", vivaExport);
      if (kind === "csv") writeFileSync(file, `${vivaExport.join("\r\n")}\r\n`);
      const { stdout, stderr } = await cli(["audit", file, "--json"]);
      const report = JSON.parse(stdout) as AuditReport;
      expect(stderr).toBe("");
      expect(report.goals).toBe(5);
      expect(codes(report).filter((code) => falseAlarms.includes(code))).toEqual([]);
      // Parents come from the "Id: …" at the end of each alignment: only the one naming no goal hangs.
      const orphans = report.findings.filter((finding) => finding.code === "ORPHAN");
      expect(orphans.map((finding) => [finding.id, finding.message])).toEqual([
        ["105", "Parent “999” does not exist: the goal hangs from nothing (cascade gap)."],
      ]);
      // "Start" beside "Start Date" is the metric's starting value; "Chat first response time" is lower-is-better.
      const statuses = report.findings
        .filter((finding) => ["AT_RISK", "OFF_TRACK"].includes(finding.code))
        .map((finding) => `${finding.id} ${finding.code}`);
      expect(statuses).toEqual(["102 AT_RISK", "103 OFF_TRACK", "104 OFF_TRACK", "105 OFF_TRACK"]);
    }
  );

  it("reads a 绩效考核表 form's goal rows and nothing else: banners, sections, units row, totals, signatures", async () => {
    const file = formWorkbook(folder.dir, "kpi-form", [
      ["2026年第一季度 客服中心员工绩效考核表", 6],
      ["部门：客服一部　　姓名：张伟　　岗位：客服专员", 6],
      [null],
      ["序号", "考核指标", "权重", "目标值", "实际完成", "负责人"],
      [null, null, "（%）", "（单位见指标）", null, null],
      ["一、业绩指标（70%）", 6],
      [1, "首次响应时长不超过30秒", "30%", "≤30秒", "28秒", "张伟"],
      [2, "一次解决率达到85%", "40%", "≥ 85%", "82%", "张伟"],
      ["二、行为指标（30%）", 6],
      [3, "客户满意度评分达到4.5分", "30%", "4.5分", "4.6分", "张伟"],
      ["合计", null, "100%", null, null, null],
      [null],
      ["考核人签字：", null, null, "日期：", null, null],
      ["被考核人签字：", null, null, "日期：", null, null],
    ]);
    const { stdout, stderr } = await cli(["audit", file, "--json", "--lang", "zh"]);
    const report = JSON.parse(stdout) as AuditReport;
    expect(stderr).toBe("");
    expect(report.goals).toBe(3);
    const alarms = ["BAD_VALUE", "MISSING_COLUMN", "SMART_S", "SMART_M", "WEIGHTS_NOT_100"];
    expect(
      report.findings
        .filter((finding) => alarms.includes(finding.code))
        .map((finding) => `${finding.row} ${finding.code}: ${finding.message}`)
    ).toEqual([]);
    expect(new Set(report.findings.map((finding) => finding.row))).toEqual(new Set([7, 8, 10]));
  });

  it("reads an Objective column beside a Key Result column as the cascade: merged objectives are the key results' parents", async () => {
    const objective = (text: string, rows: number): Tall => ({ text, rows });
    const file = formWorkbook(
      folder.dir,
      "okr-sheet",
      [
        ["Objective", "Key Result", "Owner", "Target", "Actual", "Due Date"],
        [
          objective("Delight our customers", 3),
          "Raise CSAT to 92% by June",
          "Ana",
          "92%",
          "88%",
          "2026-06-30",
        ],
        ["covered", "Answer chats within 30 seconds by June", "Ben", 30, 45, "2026-06-30"],
        ["covered", "Publish 40 help articles by June", "Cara", 40, 25, "2026-06-30"],
        [
          objective("Improve performance", 2),
          "Cut churn to 5% by December",
          "Dev",
          "5%",
          "6%",
          "2026-12-31",
        ],
        ["covered", "Improve performance", "Eve", 120, 100, "2026-12-31"],
      ],
      "OKRs"
    );
    for (const lang of ["en", "zh"]) {
      const { stdout, stderr } = await cli([
        "audit",
        file,
        "--json",
        "--lang",
        lang,
        "--as-of",
        "2026-03-31",
      ]);
      const report = JSON.parse(stdout) as AuditReport;
      expect(stderr).toBe("");
      // Five key results and the two objectives they name.
      expect(report.goals).toBe(7);
      const alarms = [
        "MISSING_COLUMN",
        "DUPLICATE_COLUMN",
        "BAD_VALUE",
        "ORPHAN",
        "NO_EXECUTOR",
        "MISSING_OWNER",
        "SMART_T",
        "SMART_R",
      ];
      expect(codes(report).filter((code) => alarms.includes(code))).toEqual([]);
      // Objectives are measured by their key results; the key results without a unit have no metric.
      const unmeasured = report.findings.filter((finding) => finding.code === "SMART_M");
      expect(unmeasured.map((finding) => finding.id)).toEqual(["3", "4", "6"]);
      // "Improve performance" is vague as an objective (its cell A5) and copied by its own key result (a duplicate of its parent).
      const grow = report.findings
        .filter((finding) => ["SMART_S", "DUPLICATE_OF_PARENT"].includes(finding.code))
        .map((finding) => `${finding.code} ${finding.id} ${finding.field}`);
      expect(grow).toEqual(["SMART_S A5 parent", "DUPLICATE_OF_PARENT 6 goal", "SMART_S 6 goal"]);
    }
  });

  it.each(["indent", "group"] as const)(
    "reads the cascade a sheet without ids or parents shows by its rows' depth (%s)",
    async (how) => {
      const header = ["Goal", "Owner", "Target", "Deadline"];
      const rows = [
        {
          depth: 0,
          cells: ["Resolve 10,000 tickets within 4 hours by December", "Ana", 10000, "2026-12-31"],
        },
        {
          depth: 1,
          cells: [
            "North resolves 6,000 tickets within 4 hours by December",
            "Ben",
            6000,
            "2026-12-31",
          ],
        },
        {
          depth: 2,
          cells: ["Li resolves 3,000 tickets within 4 hours by December", "Li", 3000, "2026-12-31"],
        },
        {
          depth: 2,
          cells: ["Wu resolves 3,000 tickets within 4 hours by December", "Wu", 3000, "2026-12-31"],
        },
        {
          depth: 1,
          cells: [
            "South resolves 3,000 tickets within 4 hours by December",
            "Caro",
            3000,
            "2026-12-31",
          ],
        },
        {
          depth: 0,
          cells: ["Answer 90% of calls within 20 seconds by December", "Dan", 0.9, "2026-12-31"],
        },
      ];
      const audit = async (file: string) => {
        const { stdout, stderr } = await cli(["audit", file, "--json"]);
        expect(stderr).toBe("");
        const report = JSON.parse(stdout) as AuditReport;
        expect(report.goals).toBe(6);
        return report.findings
          .filter((finding) =>
            ["UNDER_ALLOCATED", "OVER_ALLOCATED", "ORPHAN"].includes(finding.code)
          )
          .map((finding) => `${finding.code} ${finding.id}`);
      };
      // North (6,000) and South (3,000) fall 1,000 short of row 2; Li and Wu add up to North's 6,000.
      const outlined = outlinedWorkbook(folder.dir, `outline-${how}`, header, rows, how);
      expect(await audit(outlined)).toEqual(["UNDER_ALLOCATED 2"]);
      // The same rows without depth are a flat list: no cascade, so nothing falls short.
      const flat = outlinedWorkbook(
        folder.dir,
        `flat-${how}`,
        header,
        rows.map((row) => ({ ...row, depth: 0 })),
        how
      );
      expect(await audit(flat)).toEqual([]);
    }
  );

  it("audits the first of several tables on a sheet and says the others were left aside", async () => {
    const lines = [
      "Team goals 2026,,",
      "Goal,Owner,Target",
      "Resolve every ticket within 4 hours by 2026-12-31,Ana,1000",
      "",
      "Individual goals 2026,,",
      "Goal,Owner,Target",
      "Answer 5 calls an hour by 2026-12-31,Ben,5",
    ];
    const csv = join(folder.dir, "two-tables.csv");
    writeFileSync(csv, `${lines.join("\n")}\n`);
    for (const file of [csv, workbookFrom(folder.dir, "two-tables-xlsx", lines)]) {
      const { stdout, stderr } = await cli(["audit", file, "--json"]);
      const report = JSON.parse(stdout) as AuditReport;
      expect(report.goals).toBe(1);
      expect(stderr).toContain("1 other complete goal table was left aside");
    }
  });
});
