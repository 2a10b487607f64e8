import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { readZipDirectory } from "../../src/xlsx/zip";
import { decodeXml } from "../../src/xlsx/xml";
import { isOwnRule } from "../../src/workbook/ownAudit";
import {
  changedParts,
  foreignWorkbook,
  libreOfficeConvert,
  partText as text,
} from "../support/foreignWorkbook";
import { cli, tempFolder } from "./helpers";

/** The parts of a package by name. */
function partsOf(file: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(file));
}

/** The compressed bytes of each entry, as stored in the zip. */
function storedEntries(file: string): Record<string, string> {
  const bytes = new Uint8Array(readFileSync(file));
  return Object.fromEntries(
    readZipDirectory(bytes).map((entry) => [
      entry.name,
      Buffer.from(
        bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)
      ).toString("base64"),
    ])
  );
}

/** The text with every span matching `pattern` taken out. */
const without = (xml: string, pattern: RegExp) => xml.replace(pattern, "");

describe("audit --out and calc --out keep every part they do not own (a LibreOffice workbook with hand-made Excel parts)", () => {
  let dir: string;
  let cleanup: () => void;
  let input: string;
  let before: Record<string, Uint8Array>;

  beforeAll(() => {
    ({ dir, cleanup } = tempFolder());
    input = foreignWorkbook(dir).file;
    before = partsOf(input);
  });
  afterAll(() => cleanup());

  it("has the parts the test is about", () => {
    const names = Object.keys(before);
    for (const expected of [
      /^xl\/pivotTables\/pivotTable1\.xml$/,
      /^xl\/pivotCache\/pivotCacheDefinition1\.xml$/,
      /^xl\/pivotCache\/pivotCacheRecords1\.xml$/,
      /^xl\/charts\/chart1\.xml$/,
      /^xl\/drawings\/drawing1\.xml$/,
      /^xl\/media\/image1\.png$/,
      /^xl\/comments1\.xml$/,
      /^xl\/drawings\/vmlDrawing1\.vml$/,
      /^xl\/slicers\/slicer1\.xml$/,
      /^xl\/timelines\/timeline1\.xml$/,
      /^xl\/threadedComments\/threadedComment1\.xml$/,
      /^customXml\/item1\.xml$/,
      /^xl\/externalLinks\/externalLink1\.xml$/,
      /^xl\/printerSettings\/printerSettings1\.bin$/,
    ])
      expect(names.filter((name) => expected.test(name))).toHaveLength(1);
    expect(text(before, "xl/worksheets/sheet1.xml")).toContain("<dataValidations");
  });

  describe("audit --out", () => {
    let out: string;
    let after: Record<string, Uint8Array>;

    beforeAll(async () => {
      out = join(dir, "audited.xlsx");
      const run = await cli(["audit", input, "--out", out]);
      expect(run.stderr).toBe("");
      after = partsOf(out);
    });

    it("changes only the parts it owns, and adds only its audit sheet", () => {
      expect({
        changed: changedParts(before, after),
        added: Object.keys(after).filter((name) => !before[name]),
      }).toEqual({
        changed: [
          "[Content_Types].xml",
          "xl/_rels/workbook.xml.rels",
          "xl/styles.xml",
          "xl/workbook.xml",
          "xl/worksheets/sheet1.xml",
        ],
        added: ["xl/worksheets/sheet4.xml"],
      });
    });

    it("copies the compressed bytes of every part it did not change", () => {
      const original = storedEntries(input);
      const copy = storedEntries(out);
      const unchanged = Object.keys(original).filter(
        (name) => !changedParts(before, after).includes(name)
      );
      expect(unchanged.filter((name) => original[name] !== copy[name])).toEqual([]);
    });

    it("leaves the goal sheet as it was apart from its own conditional formats", () => {
      const sheet = text(after, "xl/worksheets/sheet1.xml");
      // Every conditional format of the copy is one of the audit's (the input had none).
      const formats = sheet.match(/<conditionalFormatting /g)?.length ?? 0;
      const formulas = [...sheet.matchAll(/<formula>([^<]*)<\/formula>/g)].map((m) =>
        decodeXml(m[1] as string)
      );
      expect({ formats, marked: formulas.filter((f) => isOwnRule(f, ["Audit"])).length }).toEqual({
        formats: expect.any(Number),
        marked: formats,
      });
      expect(formats).toBeGreaterThan(0);
      expect(without(sheet, /<conditionalFormatting [\s\S]*?<\/conditionalFormatting>/g)).toBe(
        text(before, "xl/worksheets/sheet1.xml")
      );
    });

    it("registers the audit sheet and nothing else in the workbook, its relationships and content types", () => {
      expect(without(text(after, "xl/workbook.xml"), /<sheet name="Audit"[^>]*\/>/)).toBe(
        text(before, "xl/workbook.xml")
      );
      expect(
        without(
          text(after, "xl/_rels/workbook.xml.rels"),
          /<Relationship Id="[^"]+" Type="[^"]+\/worksheet" Target="worksheets\/sheet4\.xml"\/>/
        )
      ).toBe(text(before, "xl/_rels/workbook.xml.rels"));
      expect(
        without(
          text(after, "[Content_Types].xml"),
          /<Override PartName="\/xl\/worksheets\/sheet4\.xml"[^>]*\/>/
        )
      ).toBe(text(before, "[Content_Types].xml"));
    });

    it("only appends to the styles' lists, so every cell keeps its format", () => {
      const inner = (xml: string, list: string) =>
        new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
      const original = text(before, "xl/styles.xml");
      const appended = text(after, "xl/styles.xml");
      for (const list of [
        "numFmts",
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
        "cellStyles",
      ])
        expect(inner(appended, list).startsWith(inner(original, list))).toBe(true);
      // One differential format per colour family the rules use.
      const families = new Set(
        [...text(after, "xl/worksheets/sheet1.xml").matchAll(/dxfId="(\d+)"/g)].map((m) => m[1])
      );
      expect(inner(appended, "dxfs").match(/<dxf>/g)).toHaveLength(families.size);
    });

    it("writes a copy LibreOffice opens, finding the pivot table, chart, comment and image in it", () => {
      const folder = join(dir, "reopened");
      mkdirSync(folder);
      const reopened = libreOfficeConvert(folder, out, "xlsx:Calc MS Excel 2007 XML");
      const names = Object.keys(partsOf(reopened));
      expect({
        pivot: names.some((name) => name.startsWith("xl/pivotTables/")),
        chart: names.some((name) => name.startsWith("xl/charts/")),
        comment: names.some((name) => /comments\d*\.xml$/.test(name)),
        image: names.some((name) => name.startsWith("xl/media/")),
        sheets: (
          /<sheets>([\s\S]*?)<\/sheets>/.exec(text(partsOf(reopened), "xl/workbook.xml"))?.[1] ?? ""
        ).match(/name="[^"]+"/g),
      }).toEqual({
        pivot: true,
        chart: true,
        comment: true,
        image: true,
        sheets: ['name="Goals"', 'name="Calc"', 'name="Pivot"', 'name="Audit"'],
      });
    });

    it("audits its own copy again without stacking a second audit", async () => {
      const again = join(dir, "again.xlsx");
      await cli(["audit", out, "--out", again]);
      const twice = partsOf(again);
      expect({
        parts: Object.keys(twice).sort(),
        formats: text(twice, "xl/worksheets/sheet1.xml").match(/<conditionalFormatting /g)?.length,
        styles: text(twice, "xl/styles.xml"),
      }).toEqual({
        parts: Object.keys(after).sort(),
        formats: text(after, "xl/worksheets/sheet1.xml").match(/<conditionalFormatting /g)?.length,
        styles: text(after, "xl/styles.xml"),
      });
    });
  });

  describe("calc --out", () => {
    let after: Record<string, Uint8Array>;

    beforeAll(async () => {
      const out = join(dir, "values.xlsx");
      const run = await cli(["calc", input, "--out", out]);
      expect(run.status).toBe(0);
      after = partsOf(out);
    });

    it("changes the GOAL cell's sheet, the calculation chain and the workbook's recalculation flag only", () => {
      expect(changedParts(before, after)).toEqual([
        "xl/calcChain.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet2.xml",
      ]);
    });

    it("replaces the GOAL formula by its value and keeps the other formulas with their cached values", () => {
      const row = /<row [^>]*>([\s\S]*?)<\/row>/.exec(text(after, "xl/worksheets/sheet2.xml"))?.[1];
      const original =
        /<row [^>]*>([\s\S]*?)<\/row>/.exec(text(before, "xl/worksheets/sheet2.xml"))?.[1] ?? "";
      expect(row).toBe(
        original.replace(/<c r="A1"[\s\S]*?<\/c>/, '<c r="A1" s="0"><v>-20</v></c>')
      );
    });

    it("drops the cell from the calculation chain, spelling out the sheet of the entry that followed it", () => {
      const chain = text(after, "xl/calcChain.xml");
      const sheet = /<c r="A1" i="(\d+)"\/>/.exec(text(before, "xl/calcChain.xml"))?.[1];
      expect(/<calcChain[^>]*>([\s\S]*)<\/calcChain>/.exec(chain)?.[1]).toBe(
        `<c r="B1" i="${sheet}"/><c r="C1"/>`
      );
      expect(text(after, "xl/workbook.xml")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    });
  });

  it("writes no copy when the workbook has no GOAL formula left, and says so", async () => {
    const values = join(dir, "values-only.xlsx");
    await cli(["calc", input, "--out", values]);
    const out = join(dir, "none.xlsx");
    const run = await cli(["calc", values, "--out", out]);
    expect({ status: run.status, stderr: run.stderr, written: existsSync(out) }).toEqual({
      status: 0,
      stderr: expect.stringContaining("no GOAL formula in the workbook, so no copy was written"),
      written: false,
    });
  });
});

describe("a macro-enabled workbook", () => {
  let dir: string;
  let cleanup: () => void;
  let input: string;

  beforeAll(() => {
    ({ dir, cleanup } = tempFolder());
    input = foreignWorkbook(dir, true).file;
  });
  afterAll(() => cleanup());

  it("keeps its VBA project byte for byte in an .xlsm copy", async () => {
    const out = join(dir, "audited.xlsm");
    const run = await cli(["audit", input, "--out", out]);
    expect(run.stderr).toBe("");
    const before = partsOf(input);
    const after = partsOf(out);
    expect(
      Buffer.compare(
        Buffer.from(after["xl/vbaProject.bin"] as Uint8Array),
        Buffer.from(before["xl/vbaProject.bin"] as Uint8Array)
      )
    ).toBe(0);
    expect(text(after, "[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
  });

  it("refuses an .xlsx copy of it (exit 2), for audit and for calc", async () => {
    const audit = await cli(["audit", input, "--out", join(dir, "copy.xlsx")]);
    const calc = await cli(["calc", input, "--out", join(dir, "copy.xlsx")]);
    for (const run of [audit, calc])
      expect({ status: run.status, stderr: run.stderr }).toEqual({
        status: 2,
        stderr: expect.stringContaining("give --out an .xlsm extension"),
      });
  });

  it("refuses an .xlsm name for the copy of a workbook without macros", async () => {
    const plain = foreignWorkbook(dir).file;
    const run = await cli(["audit", plain, "--out", join(dir, "copy.xlsm")]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining("--out writes an .xlsx workbook"),
    });
  });
});
