import {
  freeSheetName,
  hasKeyMarker,
  isOwnRule,
  ownAuditSheets,
  parseAuditRecord,
  refersToSheet,
} from "../../src/workbook/ownAudit";
import { keyedFormula, localFormula } from "../../src/domain";

const RULE =
  "=IFERROR(INDEX('Audit'!$L$2:$L$9,MATCH(ROW(A4)*100000+COLUMN(A4),'Audit'!$L$2:$L$9,1))=ROW(A4)*100000+COLUMN(A4),FALSE())";

/** Today's rule shape: the family's marker cell, then the keyed lookup (see the domain's keyedFormula). */
const KEYED = `=${keyedFormula("'Audit'!$L$2:$L$9", "$A4", "parent")}`;
/** A local rule: the family's marker cell, then the row's own cells. */
const LOCAL = `=${localFormula("'Audit'!$N$1", "smart", ["$A4", "$C4"], ["$D4"])}`;

describe("the add-in's rules", () => {
  it("are recognised in today's shape, by the marker they check, and in the shape of earlier audits", () => {
    expect({
      keyed: isOwnRule(KEYED, ["Audit"]),
      bare: isOwnRule(KEYED.replace(/'Audit'/g, "Audit"), ["audit"]),
      deleted: isOwnRule(KEYED.replace("'Audit'!$L$2:$L$9", "#REF!"), []),
      elsewhere: isOwnRule(KEYED.replace(/'Audit'/g, "'Elsewhere'"), ["Audit"]),
      local: isOwnRule(LOCAL, ["Audit"]),
      localDeleted: isOwnRule(LOCAL.replace("'Audit'!$N$1", "#REF!"), []),
      users: isOwnRule('=AND(Notes!$A$1="x",B4>1)', ["Audit"]),
    }).toEqual({
      keyed: true,
      bare: true,
      deleted: true,
      elsewhere: false,
      local: true,
      localDeleted: true,
      users: false,
    });
  });

  it("are recognised by their shape and the audit sheet they point at", () => {
    expect(isOwnRule(RULE, ["Audit"])).toBe(true);
    expect(isOwnRule(RULE.replace(/'Audit'/g, "Audit"), ["audit"])).toBe(true);
  });

  it("are recognised when their audit sheet was deleted (#REF!)", () => {
    expect(isOwnRule(RULE.replace(/'Audit'!\$L\$2:\$L\$9/g, "#REF!"), [])).toBe(true);
  });

  it("are never recognised by an id: a rule of another shape or target is the user's", () => {
    expect(isOwnRule("=K4>500", ["Audit"])).toBe(false);
    expect(isOwnRule(RULE.replace(/'Audit'/g, "'Elsewhere'"), ["Audit"])).toBe(false);
  });

  it("do not include a user's rule that points at another sheet", () => {
    expect(isOwnRule(RULE.replace(/'Audit'/g, "'My Audit'"), ["Audit"])).toBe(false);
    expect(isOwnRule("=A4>Audit!$B$1", ["Audit"])).toBe(false);
  });
});

describe("sheet references", () => {
  it("match a quoted or a bare name, not the tail of a longer one", () => {
    expect(refersToSheet("='审核 结果'!$A$1", "审核 结果")).toBe(true);
    expect(refersToSheet("=SUM(Audit!A1)", "Audit")).toBe(true);
    expect(refersToSheet("=SUM(MyAudit!A1)", "Audit")).toBe(false);
    expect(refersToSheet("=SUM('My Audit'!A1)", "Audit")).toBe(false);
  });
});

describe("the add-in's audit sheets", () => {
  const sheets = [
    { id: "{1}", name: "Goals", marked: false },
    { id: "{2}", name: "Audit", marked: true },
    { id: "{3}", name: "Audit copy", marked: true },
  ];

  it("are the recorded sheet when it still carries the marker", () => {
    expect(ownAuditSheets(sheets, { sheetId: "{2}" }).map((sheet) => sheet.name)).toEqual([
      "Audit",
    ]);
  });

  it("are every marked sheet without a record, or when the recorded one is gone", () => {
    expect(ownAuditSheets(sheets, null)).toHaveLength(2);
    expect(ownAuditSheets(sheets, { sheetId: "{9}" })).toHaveLength(2);
  });

  it("carry the marker in row 1 of the first key column", () => {
    expect(hasKeyMarker(["goal-cascade:structure"])).toBe(true);
    expect(hasKeyMarker(["Notes"])).toBe(false);
    expect(hasKeyMarker(undefined)).toBe(false);
  });
});

describe("the record", () => {
  it("is read back when it has the expected shape; rule ids an older version saved are dropped", () => {
    expect(parseAuditRecord({ sheetId: "{2}", rules: [{ sheetId: "{1}", id: "3" }] })).toEqual({
      sheetId: "{2}",
    });
    expect(parseAuditRecord("Audit")).toBeNull();
    expect(parseAuditRecord({ rules: [] })).toBeNull();
  });
});

describe("free sheet names", () => {
  it("number the name when it is taken, without case", () => {
    expect(freeSheetName("Audit", ["Goals"])).toBe("Audit");
    expect(freeSheetName("Audit", ["AUDIT", "Audit (2)"])).toBe("Audit (3)");
  });
});
