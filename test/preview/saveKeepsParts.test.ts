import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { PreviewWorkbook } from "../../src/preview/PreviewWorkbook";
import { downloadName } from "../../src/preview/PreviewPage/usePreviewPage";
import { auditGoalTable, insertGoalTemplate } from "../../src/workbook/operations";
import { DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import {
  changedParts,
  foreignWorkbook,
  libreOfficeConvert,
  partText as text,
} from "../support/foreignWorkbook";
import { tempFolder } from "../cli/helpers";

describe("the preview's Save as .xlsx of a workbook it opened", () => {
  let dir: string;
  let cleanup: () => void;
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;
  let saved: string;

  beforeAll(async () => {
    ({ dir, cleanup } = tempFolder());
    const input = foreignWorkbook(dir).file;
    const bytes = readFileSync(input);
    before = unzipSync(bytes);
    const book = new PreviewWorkbook({}, { storage: null });
    await book.loadXlsx(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    // A person fixes a target, audits, and adds the template on the empty Pivot sheet's neighbour.
    book.setCellInput("Goals", 5, 4, "12");
    await auditGoalTable(
      book,
      { sheet: "Goals", address: "A1:G5", tableName: null },
      DEFAULT_AUDIT_OPTIONS,
      "en"
    );
    book.setActiveCell("Calc", 1, 0);
    await insertGoalTemplate(book, "en", 2027);
    saved = join(dir, "saved.xlsx");
    writeFileSync(saved, new Uint8Array(await book.saveXlsx()));
    after = unzipSync(readFileSync(saved));
    book.destroy();
  });
  afterAll(() => cleanup());

  it("changes only the edited sheets, the styles and the registrations, and adds only its own parts", () => {
    expect({
      changed: changedParts(before, after),
      added: Object.keys(after)
        .filter((name) => !before[name])
        .sort(),
    }).toEqual({
      changed: [
        "[Content_Types].xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
      ],
      added: [
        "xl/tables/table1.xml",
        "xl/worksheets/_rels/sheet2.xml.rels",
        "xl/worksheets/sheet4.xml",
      ],
    });
  });

  it("writes the edited cell and leaves the rest of the goal sheet's cells as the file held them", () => {
    const sheet = text(after, "xl/worksheets/sheet1.xml");
    const original = text(before, "xl/worksheets/sheet1.xml");
    const data = (xml: string) => /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)?.[1] ?? "";
    const cell = (xml: string, ref: string) =>
      new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(data(xml))?.[0];
    expect({ before: cell(original, "E5"), after: cell(sheet, "E5") }).toEqual({
      before: '<c r="E5" s="0" t="n"><v>10</v></c>',
      after: '<c r="E5" s="0"><v>12</v></c>',
    });
    expect(data(sheet).replace(cell(sheet, "E5") as string, "")).toBe(
      data(original).replace(cell(original, "E5") as string, "")
    );
  });

  it("keeps a formula whose result changed as the file spelled it, with its new result, beside the template", () => {
    const calc = text(after, "xl/worksheets/sheet2.xml");
    const b1 = (xml: string) => /<c r="B1"[\s\S]*?<\/c>/.exec(xml)?.[0];
    expect({ before: b1(text(before, "xl/worksheets/sheet2.xml")), after: b1(calc) }).toEqual({
      before: '<c r="B1" s="0" t="n"><f aca="false">SUM(Goals!E2:E5)</f><v>210</v></c>',
      after: '<c r="B1" s="0"><f aca="false">SUM(Goals!E2:E5)</f><v>212</v></c>',
    });
    expect(calc).toMatch(/<dataValidations count="4">/);
    expect(text(after, "xl/tables/table1.xml")).toMatch(
      /name="GoalTable1" displayName="GoalTable1" ref="A3:Q7"/
    );
  });

  it("is a file LibreOffice opens, with the audit sheet, the template's table and the pivot table", () => {
    const folder = join(dir, "reopened");
    mkdirSync(folder);
    const parts = unzipSync(
      readFileSync(libreOfficeConvert(folder, saved, "xlsx:Calc MS Excel 2007 XML"))
    );
    const names = Object.keys(parts);
    expect({
      sheets: (
        /<sheets>([\s\S]*?)<\/sheets>/.exec(text(parts, "xl/workbook.xml"))?.[1] ?? ""
      ).match(/name="[^"]+"/g),
      pivot: names.some((name) => name.startsWith("xl/pivotTables/")),
      tables: names.filter((name) => name.startsWith("xl/tables/")).length,
    }).toEqual({
      sheets: ['name="Goals"', 'name="Calc"', 'name="Pivot"', 'name="Audit"'],
      pivot: true,
      tables: 1,
    });
  });
});

describe("the preview's save of a macro-enabled workbook", () => {
  it("keeps the VBA project byte for byte and names the copy .xlsm", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      const bytes = readFileSync(foreignWorkbook(dir, true).file);
      const book = new PreviewWorkbook({}, { storage: null });
      await book.loadXlsx(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      );
      book.setCellInput("Goals", 5, 4, "12");
      const saved = unzipSync(new Uint8Array(await book.saveXlsx()));
      const vba = (parts: Record<string, Uint8Array>) =>
        Buffer.from(parts["xl/vbaProject.bin"] as Uint8Array).toString("base64");
      expect({
        macros: book.hasMacros(),
        vba: vba(saved) === vba(unzipSync(bytes)),
        name: downloadName("plan.xlsm", book.hasMacros() ? ".xlsm" : ".xlsx"),
        plain: downloadName("plan", ".xlsx"),
      }).toEqual({ macros: true, vba: true, name: "plan.xlsm", plain: "plan.xlsx" });
      book.destroy();
    } finally {
      cleanup();
    }
  });
});
