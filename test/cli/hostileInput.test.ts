/**
 * Inputs the command line cannot use, each refused with exit 2 and its own reason in the chosen language, before
 * anything hangs, fills memory or shows a library's text. Fixtures come from other programs (LibreOffice saves the
 * .xls and .ods files, `mkfifo` the pipe) or are assembled here byte by byte (zip packages, an encrypted workbook's
 * compound-file header); large ones are never committed.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  linkSync,
  lstatSync,
  symlinkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { formula, handPackage, number, text } from "../support/handPackage";
import { checkWorkbookPackage, DEFAULT_LIMITS } from "../../src/cli/inputFile";
import { InputError, parseDelimited, sheetNameOf } from "../../src/cli/load";
import { forTerminal } from "../../src/cli/output";
import { cli, SAMPLES, tempFolder } from "./helpers";

const problems = join(SAMPLES, "cascade-problems.xlsx");
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempFolder());
});
afterAll(() => cleanup());

/** Runs `audit` (or `calc`) on a file and returns the status and what went to stderr. */
async function refused(args: string[], lang: "en" | "zh" = "en") {
  const { status, stderr, stdout } = await cli([...args, "--lang", lang]);
  return { status, stderr, stdout };
}

/** A spreadsheet LibreOffice saves in another format from a small CSV, under the name given. */
function savedByLibreOffice(format: string, name: string): string {
  const folder = join(dir, `lo-${format}`);
  mkdirSync(folder, { recursive: true });
  const csv = join(folder, "goals.csv");
  writeFileSync(csv, "ID,Goal,Target\nC1,Resolve 1000 tickets,1000\n");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      folder,
      csv,
    ],
    { stdio: "pipe", timeout: 120_000 }
  );
  const target = join(dir, name);
  copyFileSync(join(folder, `goals.${format}`), target);
  return target;
}

/** A package with one sheet, "Sheet1", whose sheetData holds `rows` and whose dimension claims a billion rows. */
function onlyCell(rows: string): Uint8Array {
  return handPackage({ Sheet1: rows }, { dimension: "A1:A1000000000" });
}

describe("files that are not workbooks the command line can read", () => {
  it("refuses a folder, naming it", async () => {
    const folder = join(dir, "goals.xlsx");
    mkdirSync(folder);
    const run = await refused(["audit", folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/goals\.xlsx: is a folder, not a file/);
  });

  it("refuses a pipe without waiting for it", async () => {
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const run = await refused(["audit", fifo]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/pipe\.csv: is not a regular file/);
  });

  it("refuses a device that never ends", async () => {
    const run = await refused(["audit", "/dev/zero"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\/dev\/zero: is not a regular file/);
  });

  it("refuses a file over the size limit, saying how to raise it", async () => {
    const run = await refused(["audit", problems, "--max-size", "0.01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/over the 0\.01 MB limit; raise it with --max-size/);
    const bad = await refused(["audit", problems, "--max-size", "lots"]);
    expect(bad.stderr).toMatch(/--max-size must be a number of megabytes above 0, not “lots”/);
  });

  it("names an Excel 97–2003 workbook saved by LibreOffice, even renamed .xlsx", async () => {
    const xls = savedByLibreOffice("xls", "old.xlsx");
    const run = await refused(["audit", xls]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /old\.xlsx: is an Excel 97–2003 workbook \(\.xls\); open it in Excel and save it as \.xlsx/
    );
  });

  it("names an OpenDocument spreadsheet saved by LibreOffice, in Chinese when asked", async () => {
    const ods = savedByLibreOffice("ods", "plan.xlsx");
    const run = await refused(["audit", ods], "zh");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/plan\.xlsx：这是 OpenDocument 电子表格（\.ods）；请另存为 \.xlsx/);
  });

  it("says a password-protected workbook needs a copy without its password", async () => {
    // An encrypted .xlsx is an OLE2 compound file whose directory names an "EncryptedPackage" stream.
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const body = Buffer.alloc(1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(body, 512);
    Buffer.from("EncryptionInfo", "utf16le").copy(body, 640);
    const file = join(dir, "secret.xlsx");
    writeFileSync(file, Buffer.concat([header, body]));
    const run = await refused(["calc", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /secret\.xlsx: the workbook is password-protected; save a copy without a password/
    );
  });

  it("says a zip that holds no workbook is not one", async () => {
    const file = join(dir, "photos.xlsx");
    writeFileSync(file, zipSync({ "holiday.txt": strToU8("sunny") }));
    const run = await refused(["audit", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/photos\.xlsx: is a zip archive that holds no workbook/);
  });

  it("says a damaged package is damaged, never with a library's words", async () => {
    const bytes = readFileSync(problems);
    const file = join(dir, "cut.xlsx");
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = await refused(["audit", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cut\.xlsx: the \.xlsx package is damaged/);
    expect(run.stderr).not.toMatch(/JSZip|TypeError|Error:|at .*\.js/);
  });

  it("refuses a small package whose only cell sits at row 1,000,000,000, for audit and calc", async () => {
    const file = join(dir, "far.xlsx");
    writeFileSync(file, onlyCell('<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>'));
    expect(readFileSync(file).length).toBeLessThan(2_000);
    const audit = await refused(["audit", file]);
    const calc = await refused(["calc", file, "--lang", "zh"]);
    expect([audit.status, calc.status]).toEqual([2, 2]);
    expect(audit.stderr).toMatch(
      /far\.xlsx: sheet “Sheet1” has a cell at row 1,000,000,000, column 1, outside Excel's grid/
    );
    expect(calc.stderr).toMatch(
      /far\.xlsx：工作表“Sheet1”在第 1000000000 行第 1 列有单元格，超出 Excel 的表格范围/
    );
  });

  it("says which part of a package is damaged when its XML cannot be followed", async () => {
    const file = join(dir, "broken-sheet.xlsx");
    writeFileSync(file, onlyCell('<row r="1"><c r="A1"><v>1</v>'));
    const run = await refused(["audit", file]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 2,
      stderr: expect.stringMatching(
        /broken-sheet\.xlsx: the workbook is damaged or incomplete and cannot be read \(xl\/worksheets\/sheet1\.xml\)/
      ),
    });
  });

  it("refuses a package whose parts would inflate past the limit, reading only its directory", () => {
    const bytes = readFileSync(problems);
    const small = { ...DEFAULT_LIMITS, maxPartBytes: 2_000 };
    expect(() => checkWorkbookPackage("big.xlsx", bytes, small)).toThrow(InputError);
    try {
      checkWorkbookPackage("big.xlsx", bytes, small);
    } catch (error) {
      expect((error as InputError).text("en")).toMatch(
        /^big\.xlsx: its parts would inflate to .* over the limit/
      );
      expect((error as InputError).text("zh")).toMatch(/^big\.xlsx：其内容解压后将达/);
    }
    expect(checkWorkbookPackage("ok.xlsx", bytes).parts).toContain("xl/workbook.xml");
  });

  it("reports a missing file in Chinese when asked", async () => {
    const run = await refused(["audit", join(dir, "无此文件.xlsx")], "zh");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/无此文件\.xlsx：文件不存在/);
  });
});

describe("--out onto the input", () => {
  it("recognises a hard link to the input and writes nothing", async () => {
    const input = join(dir, "mine.xlsx");
    copyFileSync(problems, input);
    const link = join(dir, "also-mine.xlsx");
    linkSync(input, link);
    const before = readFileSync(input);
    const run = await refused(["audit", input, "--out", link]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /also-mine\.xlsx: --out must not be the input file \(or a link to it\)/
    );
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("sheet names made from file names", () => {
  it("are names Excel accepts", () => {
    expect(sheetNameOf("'quoted'")).toBe("quoted");
    expect(sheetNameOf("History")).toBe("History_");
    expect(sheetNameOf("a:b/c?d*e[f]g\\h")).toBe("a_b_c_d_e_f_g_h");
    // 30 letters and an emoji (two UTF-16 units): cut before the emoji, never through it.
    const name = sheetNameOf(`${"x".repeat(30)}😀tail`);
    expect(name).toBe("x".repeat(30));
    expect(sheetNameOf(`${"y".repeat(29)}😀tail`)).toBe(`${"y".repeat(29)}😀`);
  });

  it("let CSV files named like that be audited and annotated", async () => {
    const csv =
      "ID,Goal,Target,Owner,Deadline,KPI\nC1,Resolve 1000 tickets,1000,Li,2026-12-31,Tickets\n";
    for (const file of ["'quoted'.csv", "History.csv"]) {
      const input = join(dir, file);
      writeFileSync(input, csv);
      const out = join(dir, `${file}.xlsx`);
      const run = await cli(["audit", input, "--out", out]);
      expect([file, run.status, run.stderr]).toEqual([file, 0, ""]);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    }
  });
});

describe("writing --out", () => {
  it("says when the folder does not exist, and when the name is a folder", async () => {
    const missing = await refused(["audit", problems, "--out", join(dir, "nowhere", "copy.xlsx")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/copy\.xlsx: the folder .*nowhere does not exist/);
    const folder = join(dir, "folder.xlsx");
    mkdirSync(folder, { recursive: true });
    const onFolder = await refused(["audit", problems, "--out", folder]);
    expect(onFolder.status).toBe(2);
    expect(onFolder.stderr).toMatch(/folder\.xlsx: is a folder; give --out a file name/);
  });

  it("leaves no temporary file behind", async () => {
    const out = join(dir, "clean-copy.xlsx");
    const run = await cli(["audit", problems, "--out", out]);
    expect(run.status).toBe(1);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("printing to a terminal", () => {
  it("escapes control characters a goal text carries, keeping line breaks and tabs", () => {
    expect(forTerminal("Goal\u001b[2J\u0007\r\nnext\tcell")).toBe(
      "Goal\\u001b[2J\\u0007\\u000d\nnext\tcell"
    );
  });

  it("ends quietly when the reader stops early (| head)", async () => {
    // Enough findings that the report is written in many pieces, most of them after the reader has gone.
    const many = join(dir, "many.csv");
    const rows = Array.from({ length: 20_000 }, (_, k) => `G${k},Resolve tickets ${k},${k + 1}`);
    writeFileSync(many, `ID,Goal,Target\n${rows.join("\n")}\n`);
    const child = spawn(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        join(__dirname, "../../src/cli/cli.ts"),
        "audit",
        many,
      ],
      { stdio: ["ignore", "pipe", "pipe"] }
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    // Read one chunk, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect([0, 1]).toContain(code);
  }, 60_000);
});

describe("CSV files in the encodings and shapes people save", () => {
  const goals =
    "ID,Goal,Target,Owner,Deadline,KPI\nC1,客服中心全年解决客户工单120万件,1200000,陈总,2026-12-31,工单量\n";

  /** The goals text encoded by iconv (another program than the one reading it). */
  function encoded(name: string, encoding: string, text = goals): string {
    const file = join(dir, name);
    writeFileSync(file, execFileSync("iconv", ["-f", "utf-8", "-t", encoding], { input: text }));
    return file;
  }

  async function goalTexts(file: string) {
    const run = await cli(["audit", file, "--json"]);
    return { run, report: JSON.parse(run.stdout || "{}") as { goals?: number } };
  }

  it("reads UTF-16 with a byte-order mark, as Excel's “Unicode text” saves it", async () => {
    const file = join(dir, "unicode.csv");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(goals, "utf16le")]));
    const { run, report } = await goalTexts(file);
    expect([run.status, report.goals, run.stderr]).toEqual([0, 1, ""]);
  });

  it("detects GB18030 and Big5 without a warning, and reads the goal text right", async () => {
    for (const [name, encoding, text] of [
      ["gb.csv", "gb18030", goals],
      [
        "big5.csv",
        "big5",
        "ID,Goal,Target,Owner,Deadline,KPI\nC1,客服中心全年解決客戶工單120萬件,1200000,陳總,2026-12-31,工單量\n",
      ],
    ] as const) {
      const file = encoded(name, encoding, text);
      const rows = parseDelimited(readFileSync(file), name);
      expect([name, rows[1]?.[1]]).toEqual([name, text.split("\n")[1]?.split(",")[1]]);
      const run = await cli(["audit", file]);
      expect([name, run.stderr]).toEqual([name, ""]);
    }
  });

  it("reads Shift_JIS and Latin-1 files as what they are, not as Chinese", () => {
    const japanese = "ID,Goal,Target\nC1,初回応答時間を短縮する,30\n";
    const sjis = encoded("sjis.csv", "shift_jis", japanese);
    expect(parseDelimited(readFileSync(sjis), "sjis.csv")[1]?.[1]).toBe("初回応答時間を短縮する");
    const french =
      "ID,Goal,Target\nC1,Résoudre les réclamations élevées,100\nC2,Améliorer la qualité,90\n";
    const latin = encoded("latin.csv", "latin1", french);
    expect(parseDelimited(readFileSync(latin), "latin.csv")[1]?.[1]).toBe(
      "Résoudre les réclamations élevées"
    );
  });

  it("names the encoding it used when it is not sure", async () => {
    const latin = encoded("short.csv", "latin1", "ID,Goal,Target\nC1,Café,1\n");
    const run = await cli(["audit", latin]);
    expect(run.stderr).toMatch(/short\.csv: read as [\w-]+ \(its encoding is not certain\)/);
  });

  it("refuses a quote that is never closed, naming the line where it starts", async () => {
    const file = join(dir, "quote.csv");
    writeFileSync(file, 'ID,Goal,Target\nC1,Resolve,100\nC2,"Open quote,50\nC3,Lost,10\n');
    const run = await refused(["audit", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/quote\.csv: line 3: a quoted value is never closed/);
  });

  it("ends a line at a lone carriage return", () => {
    const rows = parseDelimited(
      Buffer.from("ID,Goal,Target\rC1,Resolve,100\rC2,Answer,50\r"),
      "mac.csv"
    );
    expect(rows).toEqual([
      ["ID", "Goal", "Target"],
      ["C1", "Resolve", "100"],
      ["C2", "Answer", "50"],
    ]);
  });
});

describe("what the review found", () => {
  it("still writes calc's copy when the reader of its output has gone", async () => {
    const out = join(dir, "values-after-pipe.xlsx");
    const child = spawn(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        join(__dirname, "../../src/cli/cli.ts"),
        "calc",
        join(SAMPLES, "goal-formulas.xlsx"),
        "--out",
        out,
      ],
      { stdio: ["ignore", "pipe", "pipe"] }
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it("tells calc a CSV is not a workbook by its type, and writes through a link named by --out", async () => {
    const csv = join(dir, "plain.csv");
    writeFileSync(csv, "ID,Goal,Target\n");
    const run = await refused(["calc", csv]);
    expect(run.stderr).toMatch(/plain\.csv: unsupported file type “\.csv”; use \.xlsx or \.csv/);
    const target = join(dir, "real-copy.xlsx");
    const link = join(dir, "link-copy.xlsx");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    const wrote = await cli(["audit", problems, "--out", link]);
    expect(wrote.status).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("values and formulas the engine or the domain cannot take", () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = tempFolder()));
  afterAll(() => cleanup());

  const styles =
    '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';

  it("reads a date-formatted number past 9999-12-31 as a BAD_VALUE quoting it, for audit and calc alike", async () => {
    const file = join(dir, "far-date.xlsx");
    writeFileSync(
      file,
      handPackage(
        {
          Goals: `<row r="1">${text("A1", "ID")}${text("B1", "Goal")}${text("C1", "Target")}${text("D1", "Deadline")}${text("E1", "Check")}</row><row r="2">${text("A2", "G1")}${text("B2", "Resolve tickets")}${number("C2", 10)}${number("D2", 1_000_000_000, 1)}${formula("E2", "_xldudf_GOAL_VARIANCE(C2,C2)", 0)}</row>`,
        },
        { styles }
      )
    );
    const audit = await cli(["audit", file, "--json"]);
    const calc = await cli(["calc", file]);
    const findings = (
      JSON.parse(audit.stdout) as { findings: Array<{ code: string; message: string }> }
    ).findings;
    expect({
      badValue: findings.filter((f) => f.code === "BAD_VALUE").map((f) => f.message),
      calc: calc.status,
      stderr: audit.stderr + calc.stderr,
    }).toEqual({
      badValue: ["Cell D2 (Deadline): “1000000000” cannot be read as a date."],
      calc: 0,
      stderr: "",
    });
  });

  it("computes the rest of a workbook whose formula is too deep for the engine, and keeps the GOAL cells that depend on it", async () => {
    const deep = `SUM(${Array.from({ length: 1500 }, () => "1").join("+")})`;
    const file = join(dir, "deep.xlsx");
    writeFileSync(
      file,
      handPackage({
        Calc: `<row r="1">${formula("A1", deep, 1500)}${formula("B1", "_xldudf_GOAL_VARIANCE(A1,1000)", 500)}${formula("C1", "Table1[[#This Row],[Actual]]", 7)}${formula("D1", "_xldudf_GOAL_VARIANCE(C1,5)", 2)}${formula("E1", "_xldudf_GOAL_VARIANCE(5,4)", 0)}</row>`,
      })
    );
    const out = join(dir, "deep-values.xlsx");
    const run = await cli(["calc", file, "--json", "--out", out]);
    const cells = JSON.parse(run.stdout) as Array<{
      cell: string;
      value: unknown;
      kept?: boolean;
      message?: string;
    }>;
    expect(
      cells.map(({ cell, value, kept }) => ({ cell, ...(kept ? { kept } : { value }) }))
    ).toEqual([
      { cell: "Calc!B1", kept: true },
      { cell: "Calc!D1", kept: true },
      { cell: "Calc!E1", value: 1 },
    ]);
    expect(cells[0]?.message).toMatch(
      /the formula in Calc!A1 is too long or too deeply nested for the engine here/
    );
    expect(cells[1]?.message).toMatch(/the engine here cannot compute the formula in Calc!C1/);
    expect(run.stderr).toMatch(/Calc!B1 keeps its formula and saved value in the copy/);
    const sheet = strFromU8(unzipSync(readFileSync(out))["xl/worksheets/sheet1.xml"] as Uint8Array);
    expect({
      b1: /<c r="B1"[\s\S]*?<\/c>/.exec(sheet)?.[0],
      d1: /<c r="D1"[\s\S]*?<\/c>/.exec(sheet)?.[0],
      e1: /<c r="E1"[\s\S]*?<\/c>/.exec(sheet)?.[0],
    }).toEqual({
      b1: '<c r="B1"><f>_xldudf_GOAL_VARIANCE(A1,1000)</f><v>500</v></c>',
      d1: '<c r="D1"><f>_xldudf_GOAL_VARIANCE(C1,5)</f><v>2</v></c>',
      e1: '<c r="E1"><v>1</v></c>',
    });
  });
});
