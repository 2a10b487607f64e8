import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { auditTables, highlightRules, readGoalTable } from "../../src/domain";
import { insertGoalTemplate, writeAudit } from "../../src/workbook/operations";
import { readSheetCells, editSheetCells, cellXml } from "../../src/xlsx/sheetData";
import { PackageError, XlsxWorkbook } from "../../src/xlsx/XlsxWorkbook";
import { readZipDirectory, writeZip, ZipError } from "../../src/xlsx/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * A package as the Open XML SDK writes one: every element with the `x:` prefix, cells without `r` attributes, a
 * defined name scoped to the sheet after the goal sheet.
 */
function sdkPackage(sheetData: string, extraSheets = ""): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="${REL}" xmlns:x="${MAIN}"><x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets><x:sheet name="Goals" sheetId="1" r:id="R2"/><x:sheet name="Notes" sheetId="2" r:id="R3"/>${extraSheets}</x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">Notes!$A$1:$B$2</x:definedName></x:definedNames></x:workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R2"/><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml" Id="R3"/></Relationships>`
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${sheetData}</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`
    ),
    "xl/worksheets/sheet2.xml": strToU8(
      `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData/></x:worksheet>`
    ),
  });
}

const inline = (text: string) => `<x:c t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;
const number = (value: number) => `<x:c><x:v>${value}</x:v></x:c>`;
const row = (...cells: string[]) => `<x:row>${cells.join("")}</x:row>`;

const GOALS = [
  row(inline("ID"), inline("Parent"), inline("Goal"), inline("Owner"), inline("Target")),
  row(
    inline("T1"),
    inline(""),
    inline("Resolve tickets within 4 hours by 2026-12-31"),
    inline("Li"),
    number(100)
  ),
  row(
    inline("T2"),
    inline("T9"),
    inline("North resolves tickets within 4 hours by 2026-12-31"),
    inline("Wang"),
    number(50)
  ),
].join("");

describe("XlsxWorkbook over a package the Open XML SDK wrote (prefixed elements, cells without references)", () => {
  it("reads cells placed by position", async () => {
    const book = XlsxWorkbook.open(sdkPackage(GOALS));
    expect(await book.readValues("Goals", "A1:E2")).toEqual([
      ["ID", "Parent", "Goal", "Owner", "Target"],
      ["T1", null, "Resolve tickets within 4 hours by 2026-12-31", "Li", 100],
    ]);
    expect(await book.candidates("Goals")).toEqual([
      { sheet: "Goals", address: "A1:E3", tableName: null },
    ]);
  });

  it("writes the audit in the part's own prefix, and a second audit replaces the first", async () => {
    const book = XlsxWorkbook.open(sdkPackage(GOALS));
    const cells = await book.readValues("Goals", "A1:E3");
    const read = readGoalTable(cells, { firstRow: 1, firstColumn: 0 });
    const result = auditTables([read]);
    const source = { sheet: "Goals", address: "A1:E3", tableName: null };
    const first = await writeAudit(book, source, read, result, "en");
    const formatsOf = (bytes: Uint8Array) =>
      strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] as Uint8Array).match(
        /<x:conditionalFormatting /g
      )?.length;
    const families = formatsOf(book.toBytes());
    expect(families).toBeGreaterThan(0);
    await writeAudit(book, source, read, result, "zh");
    const parts = unzipSync(book.toBytes());
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
    const workbook = strFromU8(parts["xl/workbook.xml"] as Uint8Array);
    expect({
      formats: sheet.match(/<x:conditionalFormatting /g)?.length,
      unprefixed: /<(conditionalFormatting|cfRule|formula)\b/.test(sheet),
      sheets: workbook.match(/<x:sheet name="[^"]+"/g),
      orphan: sheet.includes("'目标审核'!"),
    }).toEqual({
      formats: families,
      unprefixed: false,
      sheets: ['<x:sheet name="Goals"', '<x:sheet name="Notes"', '<x:sheet name="目标审核"'],
      orphan: true,
    });
    expect(book.sheetNames()).toEqual(["Goals", "Notes", "目标审核"]);
    const listed = await book.readValues("目标审核", `A1:H${first.content.rows.length + 1}`);
    // The finding in words, its code in a column of its own.
    expect(listed.map((row) => [row[0], row[1], row[2], row[3], row[7]])).toContainEqual([
      3,
      "B3",
      "T2",
      "无上级目标（目标断层）",
      "ORPHAN",
    ]);
  });

  it("clears its audit sheet and rules, leaving the workbook part as it was before the audit", async () => {
    const book = XlsxWorkbook.open(sdkPackage(GOALS));
    const cells = await book.readValues("Goals", "A1:E3");
    const read = readGoalTable(cells, { firstRow: 1, firstColumn: 0 });
    const { content } = await writeAudit(
      book,
      { sheet: "Goals", address: "A1:E3", tableName: null },
      read,
      auditTables([read]),
      "en"
    );
    const written = highlightRules(content, read.columns, { firstDataRow: 2, lastRow: 3 }).length;
    expect(written).toBeGreaterThan(0);
    expect(await book.clearAudit()).toEqual({ rules: written, sheet: true });
    expect(strFromU8(unzipSync(book.toBytes())["xl/workbook.xml"] as Uint8Array)).toBe(
      strFromU8(unzipSync(sdkPackage(GOALS))["xl/workbook.xml"] as Uint8Array)
    );
  });

  it("refuses a sheet whose cell sits outside Excel's grid, without allocating its rows", () => {
    const book = XlsxWorkbook.open(
      sdkPackage('<x:row r="1000000000"><x:c r="A1000000000"><x:v>1</x:v></x:c></x:row>')
    );
    expect(() => book.usedBounds("Goals")).toThrow(PackageError);
    try {
      book.usedBounds("Goals");
    } catch (error) {
      expect((error as PackageError).problem).toEqual({
        kind: "outsideGrid",
        sheet: "Goals",
        row: 1_000_000_000,
        column: 0,
      });
    }
  });
});

describe("sheet cells", () => {
  it("reads shared strings without their phonetic runs, escapes, booleans, errors and 1E+3", () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2"><v>1E+3</v></c><c r="F2" t="inlineStr"><is><r><t>a_x000D_</t></r><r><t xml:space="preserve"> b</t></r></is></c><c r="G2"><f>1+1</f></c></row></sheetData></worksheet>`;
    const cells = readSheetCells(xml, ["東京"]);
    expect({ row: cells.rows.get(2), bounds: cells.bounds }).toEqual({
      row: [
        undefined,
        "東京",
        true,
        { error: "#N/A" },
        1000,
        "a\r b",
        { error: "=1+1", uncalculated: true },
      ],
      bounds: { firstRow: 2, lastRow: 2, firstColumn: 1, lastColumn: 6 },
    });
  });

  it("bounds the used range by cells with values, not by styled empty cells or the dimension", () => {
    const xml = `<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData><row r="3"><c r="C3"><v>5</v></c><c r="Z3" s="4"/></row><row r="900000"><c r="A900000" s="2"/></row></sheetData></worksheet>`;
    expect(readSheetCells(xml, []).bounds).toEqual({
      firstRow: 3,
      lastRow: 3,
      firstColumn: 2,
      lastColumn: 2,
    });
  });

  it("edits cells in one pass: replaced in place with their style, inserted in column and row order", () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="2" spans="2:3"><c r="B2" s="7"><f>A1</f><v>1</v></c><c r="D2"><v>4</v></c></row><row r="5"/></sheetData><pageMargins/></worksheet>`;
    const edit = (r: number, c: number, value: string | number) => ({
      row: r,
      column: c,
      replace: (existing: { style: string | undefined }) =>
        cellXml(`${String.fromCharCode(65 + c)}${r}`, existing.style, { value }),
    });
    const edited = editSheetCells(xml, [
      edit(2, 1, 9),
      edit(2, 2, "x"),
      edit(1, 0, 1),
      edit(5, 0, 2),
      edit(7, 1, 3),
    ]);
    expect(edited).toBe(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2" s="7"><v>9</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c><c r="D2"><v>4</v></c></row><row r="5"><c r="A5"><v>2</v></c></row><row r="7"><c r="B7"><v>3</v></c></row></sheetData><pageMargins/></worksheet>`
    );
  });

  it("writes text that looks like a formula, control characters and escape look-alikes as text", () => {
    expect(cellXml("A1", undefined, { value: "=1+1\u0001_x0041_" })).toBe(
      '<c r="A1" t="inlineStr"><is><t>=1+1_x0001__x005F_x0041_</t></is></c>'
    );
    const back = readSheetCells(
      `<worksheet><sheetData><row r="1">${cellXml("A1", undefined, { value: "=1+1\u0001_x0041_" })}</row></sheetData></worksheet>`,
      []
    );
    expect(back.rows.get(1)?.[0]).toBe("=1+1\u0001_x0041_");
  });
});

describe("zip container", () => {
  it("copies an entry's compressed bytes and deflates new ones, both readable by another zip library", () => {
    const source = zipSync({
      "a.xml": strToU8("<a/>".repeat(100)),
      "b.bin": new Uint8Array([1, 2, 3]),
    });
    const [a] = readZipDirectory(source);
    const out = writeZip([
      { name: "a.xml", copyOf: a!, from: source },
      { name: "名前.xml", content: strToU8("<b/>") },
    ]);
    const parts = unzipSync(out);
    expect({ a: strFromU8(parts["a.xml"]!).length, b: strFromU8(parts["名前.xml"]!) }).toEqual({
      a: 400,
      b: "<b/>",
    });
    const [copied] = readZipDirectory(out);
    expect(
      Buffer.from(out.subarray(copied!.dataOffset, copied!.dataOffset + copied!.compressedSize))
    ).toEqual(Buffer.from(source.subarray(a!.dataOffset, a!.dataOffset + a!.compressedSize)));
  });

  it("says a truncated archive is damaged", () => {
    const source = zipSync({ "a.xml": strToU8("<a/>") });
    expect(() => readZipDirectory(source.subarray(0, source.length - 30))).toThrow(ZipError);
  });
});

describe("XlsxWorkbook's template", () => {
  it("inserts the goal template as an Excel table with its formats and drop-downs, on a sheet of its own", async () => {
    const book = XlsxWorkbook.open(sdkPackage(GOALS));
    const source = (await insertGoalTemplate(book, "en", 2027)).inserted;
    const parts = unzipSync(book.toBytes());
    const table = strFromU8(parts["xl/tables/table1.xml"] as Uint8Array);
    const sheet = strFromU8(parts["xl/worksheets/sheet3.xml"] as Uint8Array);
    const header = (await book.readValues(source.sheet, source.address))[0];
    expect({
      source,
      table: /name="GoalTable1" displayName="GoalTable1" ref="A1:Q5"/.test(table),
      columns: table.match(/<tableColumn /g)?.length,
      validations: sheet.match(/<dataValidation /g)?.length,
      header: header?.slice(0, 3),
      widths: /<cols>/.test(sheet),
    }).toEqual({
      source: { sheet: "Goals 2027", address: "A1:Q5", tableName: "GoalTable1", newSheet: true },
      table: true,
      columns: 17,
      validations: 4,
      header: ["ID", "Parent", "Level"],
      widths: true,
    });
  });
});
