import { DEFAULT_AUDIT_OPTIONS } from "../../src/domain";
import { csvText, csvWorkbook, OpenError, openProblemOf } from "../../src/preview/openedFile";
import { auditGoalTable, findGoalTables } from "../../src/workbook/operations";

const bytesOf = (text: string, bom = false): ArrayBuffer => {
  const encoded = new TextEncoder().encode(`${bom ? "\uFEFF" : ""}${text}`);
  return encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength);
};

describe("a CSV opened in the preview", () => {
  it("becomes a sheet named after the file whose fields read as typed, and audits", async () => {
    const csv = [
      "ID,Parent,Goal,Owner,Target,Actual,Deadline",
      'C1,,"Resolve 1,000 tickets within 4 hours",Ana,"1,000",900,2026-12-31',
      "T1,C1,North resolves 600 tickets within 4 hours,Ben,600,95%,2026-12-31",
      "",
    ].join("\r\n");
    const book = csvWorkbook("goals 2026.csv", bytesOf(csv, true), null);
    expect(book.sheetNames()).toEqual(["goals 2026"]);
    expect([1, 2, 3].map((row) => book.cellValue("goals 2026", row, 4))).toEqual([
      "Target",
      1000,
      600,
    ]);
    expect(book.cellValue("goals 2026", 3, 5)).toBe(0.95);
    expect(book.cellValue("goals 2026", 2, 2)).toBe("Resolve 1,000 tickets within 4 hours");
    const [source] = await findGoalTables(book);
    expect(source?.address).toBe("A1:G3");
    const run = await auditGoalTable(book, source!, DEFAULT_AUDIT_OPTIONS, "en");
    expect(run.read.goals.map((goal) => `${goal.id}<${goal.parent ?? ""}`)).toEqual([
      "C1<",
      "T1<C1",
    ]);
    book.destroy();
  });

  it("reads a Chinese CSV saved by Excel in GB18030", () => {
    // 目标 in GB18030 (Excel's "CSV" on a Chinese Windows), not valid UTF-8.
    const gb = new Uint8Array([0xc4, 0xbf, 0xb1, 0xea, 0x2c, 0x31]);
    expect(csvText(gb.buffer)).toBe("目标,1");
  });

  it("refuses a quotation mark never closed, rather than open it with rows missing", () => {
    expect(() =>
      csvWorkbook("bad.csv", bytesOf('ID,Goal\nG1,"Resolve tickets\nG2,x\n'), null)
    ).toThrow(OpenError);
  });
});

describe("a file the preview cannot open", () => {
  it("is named for what it is: an .xls or encrypted workbook, a zip that is no workbook, anything else", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).buffer;
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]).buffer;
    expect([openProblemOf(ole), openProblemOf(zip), openProblemOf(bytesOf("%PDF-1.7"))]).toEqual([
      "fileXls",
      "fileDamaged",
      "fileNotSpreadsheet",
    ]);
  });
});
