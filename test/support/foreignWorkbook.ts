/**
 * Workbooks made outside the project: LibreOffice (headless) converts a flat OpenDocument spreadsheet written here
 * into an .xlsx with a pivot table and its cache, a chart, a drawing with an image, a comment (and its VML), data
 * validation and formulas; parts LibreOffice cannot make — a slicer, a timeline, threaded comments, custom XML,
 * printer settings, an external link, a VBA project — are then assembled by hand into that package, registered the
 * way Excel registers them. Nothing here is copied from anyone's file.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, zlibSync } from "fflate";

/** A tiny PNG (8 × 8, one colour), made here. */
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Uint8Array) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(strToU8(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, 8);
  hv.setUint32(4, 8);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(8 * 25);
  for (let row = 0; row < 8; row++)
    for (let x = 0; x < 8; x++) raw.set([200, 30, 30], row * 25 + 1 + x * 3);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlibSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const GOALS: Array<Array<string | number>> = [
  ["ID", "Parent", "Goal", "Owner", "Target", "Actual", "Deadline"],
  ["T1", "", "Company resolves tickets faster", "Li", 100, 80, "2026-12-31"],
  ["T2", "T1", "North region resolves tickets faster", "Wang", 50, 20, "2026-12-31"],
  ["T3", "T1", "South region resolves tickets faster", "Zhao", 50, 45, "2026-12-31"],
  ["T4", "T9", "Orphan goal", "Chen", 10, 1, "2026-12-31"],
];

function cell(value: string | number, extra = "", annotation = ""): string {
  if (value === "") return "<table:table-cell/>";
  if (typeof value === "number")
    return `<table:table-cell office:value-type="float" office:value="${value}"${extra}>${annotation}<text:p>${value}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"${extra}>${annotation}<text:p>${value}</text:p></table:table-cell>`;
}

/** The flat ODS text: a goal sheet, a sheet of formulas (GOAL ones among them) and a pivot table's sheet. */
function flatOds(): string {
  const image = Buffer.from(png()).toString("base64");
  const rows = GOALS.map((line, r) => {
    const cells = line.map((value, c) =>
      cell(
        value,
        c === 3 && r > 0 ? ' table:content-validation-name="owners"' : "",
        r === 1 && c === 2
          ? "<office:annotation><dc:creator>Reviewer</dc:creator><text:p>Check this target</text:p></office:annotation>"
          : ""
      )
    );
    return `<table:table-row>${cells.join("")}</table:table-row>`;
  });
  const chart =
    '<draw:frame draw:name="Chart1" svg:x="15cm" svg:y="0.5cm" svg:width="8cm" svg:height="5cm"><draw:object><office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.2"><office:body><office:chart><chart:chart chart:class="chart:bar" svg:width="8cm" svg:height="5cm"><chart:plot-area table:cell-range-address="Goals.E2:Goals.E5"><chart:axis chart:dimension="x" chart:name="primary-x"/><chart:axis chart:dimension="y" chart:name="primary-y"/><chart:series chart:values-cell-range-address="Goals.E2:Goals.E5" chart:class="chart:bar"/></chart:plot-area></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>';
  const picture = `<draw:frame draw:name="Logo" svg:x="15cm" svg:y="6cm" svg:width="1cm" svg:height="1cm"><draw:image><office:binary-data>${image}</office:binary-data></draw:image></draw:frame>`;
  const formula = (text: string, value: number) =>
    `<table:table-cell table:formula="of:=${text}" office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
<table:content-validations><table:content-validation table:name="owners" table:condition="of:cell-content-is-in-list(&quot;Li&quot;;&quot;Wang&quot;;&quot;Zhao&quot;;&quot;Chen&quot;)" table:allow-empty-cell="true" table:base-cell-address="Goals.D2"/></table:content-validations>
<table:table table:name="Goals"><table:shapes>${chart}${picture}</table:shapes><table:table-column table:number-columns-repeated="7"/>${rows.join("")}</table:table>
<table:table table:name="Calc"><table:table-row>${formula("GOAL.VARIANCE([Goals.F2];[Goals.E2])", -20)}${formula("SUM([Goals.E2:.E5])", 210)}${formula("[.A1]*2", -40)}</table:table-row></table:table>
<table:table table:name="Pivot"><table:table-row><table:table-cell/></table:table-row></table:table>
<table:data-pilot-tables><table:data-pilot-table table:name="DataPilot1" table:target-range-address="Pivot.A1:Pivot.C8" table:buttons="Pivot.A1"><table:source-cell-range table:cell-range-address="Goals.A1:Goals.G5"/><table:data-pilot-field table:source-field-name="Owner" table:orientation="row"/><table:data-pilot-field table:source-field-name="Target" table:orientation="data" table:function="sum"/></table:data-pilot-table></table:data-pilot-tables>
</office:spreadsheet></office:body></office:document>`;
}

/** Converts a file with LibreOffice headless into `dir` (its own profile, so runs do not collide). */
export function libreOfficeConvert(
  dir: string,
  input: string,
  format: string,
  inputFilter?: string
): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--headless",
      ...(inputFilter ? [`--infilter=${inputFilter}`] : []),
      "--convert-to",
      format,
      "--outdir",
      dir,
      input,
    ],
    { stdio: "pipe", timeout: 120_000 }
  );
  const base = input.slice(input.lastIndexOf("/") + 1).replace(/\.[^.]+$/, "");
  return join(dir, `${base}.${format.split(":")[0]}`);
}

/** The parts assembled by hand, with how they are registered. */
const EXTRA_PARTS: Record<string, string> = {
  "xl/slicers/slicer1.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><slicer name="Owner" cache="Slicer_Owner" caption="Owner" rowHeight="241300"/></slicers>',
  "xl/slicerCaches/slicerCache1.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<slicerCacheDefinition xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" name="Slicer_Owner" sourceName="Owner"><pivotTables><pivotTable tabId="3" name="DataPilot1"/></pivotTables></slicerCacheDefinition>',
  "xl/timelines/timeline1.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<timelines xmlns="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><timeline name="Deadline" cache="NativeTimeline_Deadline" caption="Deadline" level="2"/></timelines>',
  "xl/threadedComments/threadedComment1.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C2" dT="2026-11-30T09:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-0000000000A1}"><text>Is 100 right?</text></threadedComment></ThreadedComments>',
  "xl/persons/person.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Reviewer" id="{00000000-0000-0000-0000-000000000001}" userId="reviewer" providerId="None"/></personList>',
  "customXml/item1.xml":
    '<?xml version="1.0" encoding="UTF-8"?><goals xmlns="urn:example:goals"><owner>Li</owner></goals>',
  "xl/externalLinks/externalLink1.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"><sheetNames><sheetName val="Targets"/></sheetNames></externalBook></externalLink>',
};

const EXTRA_TYPES: Record<string, string> = {
  "xl/slicers/slicer1.xml": "application/vnd.ms-excel.slicer+xml",
  "xl/slicerCaches/slicerCache1.xml": "application/vnd.ms-excel.slicerCache+xml",
  "xl/timelines/timeline1.xml": "application/vnd.ms-excel.timeline+xml",
  "xl/threadedComments/threadedComment1.xml": "application/vnd.ms-excel.threadedcomments+xml",
  "xl/persons/person.xml": "application/vnd.ms-excel.person+xml",
  "xl/externalLinks/externalLink1.xml":
    "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
  "xl/printerSettings/printerSettings1.bin":
    "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
};

/** Bytes that stand for a binary part: an OLE2 signature, then data that compresses badly. */
function binaryPart(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let x = seed;
  for (let i = 8; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function addRelationship(
  rels: string,
  id: string,
  type: string,
  target: string,
  external = false
): string {
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/></Relationships>`
  );
}

/**
 * A goal workbook from another program, with every kind of part the writer must keep. `macros` makes it an .xlsm
 * (a VBA project part, the macro-enabled workbook type).
 */
export function foreignWorkbook(
  dir: string,
  macros = false
): { file: string; parts: Record<string, Uint8Array> } {
  const fods = join(dir, "foreign.fods");
  writeFileSync(fods, flatOds());
  const made = libreOfficeConvert(dir, fods, "xlsx");
  const parts: Record<string, Uint8Array> = unzipSync(readFileSync(made));
  const text = (name: string) => strFromU8(parts[name] as Uint8Array);
  const set = (name: string, value: string | Uint8Array) => {
    parts[name] = typeof value === "string" ? strToU8(value) : value;
  };
  for (const [name, xml] of Object.entries(EXTRA_PARTS)) set(name, xml);
  set("xl/printerSettings/printerSettings1.bin", binaryPart(7, 1200));
  set(
    "customXml/itemProps1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{00000000-0000-0000-0000-0000000000C1}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>'
  );
  set(
    "customXml/_rels/item1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>'
  );
  set(
    "xl/externalLinks/_rels/externalLink1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="targets-2026.xlsx" TargetMode="External"/></Relationships>'
  );

  let types = text("[Content_Types].xml");
  for (const [name, type] of Object.entries(EXTRA_TYPES))
    types = types.replace(
      "</Types>",
      `<Override PartName="/${name}" ContentType="${type}"/></Types>`
    );
  types = types.replace(
    "</Types>",
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'
  );

  let workbookRels = text("xl/_rels/workbook.xml.rels");
  workbookRels = addRelationship(
    workbookRels,
    "rIdS1",
    "http://schemas.microsoft.com/office/2007/relationships/slicerCache",
    "slicerCaches/slicerCache1.xml"
  );
  workbookRels = addRelationship(
    workbookRels,
    "rIdP1",
    "http://schemas.microsoft.com/office/2017/10/relationships/person",
    "persons/person.xml"
  );
  workbookRels = addRelationship(
    workbookRels,
    "rIdE1",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink",
    "externalLinks/externalLink1.xml"
  );
  let workbook = text("xl/workbook.xml");
  // Excel keeps a workbook's slicer caches in its extension list, and external books after the sheets.
  workbook = workbook
    .replace(
      "</sheets>",
      '</sheets><externalReferences><externalReference r:id="rIdE1"/></externalReferences>'
    )
    .replace(
      "</workbook>",
      '<extLst><ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerCaches><x14:slicerCache r:id="rIdS1"/></x14:slicerCaches></ext></extLst></workbook>'
    );
  if (macros) {
    set("xl/vbaProject.bin", binaryPart(3, 4096));
    types = types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
      );
    workbookRels = addRelationship(
      workbookRels,
      "rIdV1",
      "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
      "vbaProject.bin"
    );
  }
  // A calculation chain as Excel writes it: an entry without `i` is on the sheet of the entry before it.
  const calcId = /<sheet name="Calc" sheetId="(\d+)"/.exec(workbook)?.[1] ?? "2";
  set(
    "xl/calcChain.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="${calcId}"/><c r="B1"/><c r="C1"/></calcChain>`
  );
  types = types.replace(
    "</Types>",
    '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'
  );
  workbookRels = addRelationship(
    workbookRels,
    "rIdK1",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
    "calcChain.xml"
  );
  set("[Content_Types].xml", types);
  set("xl/_rels/workbook.xml.rels", workbookRels);
  set("xl/workbook.xml", workbook);

  const sheetRels = text("xl/worksheets/_rels/sheet1.xml.rels");
  set(
    "xl/worksheets/_rels/sheet1.xml.rels",
    [
      [
        "rIdS2",
        "http://schemas.microsoft.com/office/2007/relationships/slicer",
        "../slicers/slicer1.xml",
      ],
      [
        "rIdT2",
        "http://schemas.microsoft.com/office/2011/relationships/timeline",
        "../timelines/timeline1.xml",
      ],
      [
        "rIdC2",
        "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
        "../threadedComments/threadedComment1.xml",
      ],
      [
        "rIdR2",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings",
        "../printerSettings/printerSettings1.bin",
      ],
    ].reduce(
      (rels, [id, type, target]) =>
        addRelationship(rels, id as string, type as string, target as string),
      sheetRels
    )
  );
  const rootRels = text("_rels/.rels");
  set(
    "_rels/.rels",
    addRelationship(
      rootRels,
      "rIdX1",
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
      "customXml/item1.xml"
    )
  );
  // Sheet protection and a slicer list in the goal sheet, where Excel puts them.
  const sheet = text("xl/worksheets/sheet1.xml")
    .replace("</sheetData>", '</sheetData><sheetProtection sheet="0" formatCells="0"/>')
    .replace(
      "</worksheet>",
      '<extLst><ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerList><x14:slicer r:id="rIdS2"/></x14:slicerList></ext></extLst></worksheet>'
    );
  set("xl/worksheets/sheet1.xml", sheet);

  const file = join(dir, macros ? "foreign.xlsm" : "foreign.xlsx");
  writeFileSync(file, zipSync(parts, { level: 6 }));
  return { file, parts: unzipSync(readFileSync(file)) };
}

/** A part of an unzipped package as text. */
export const partText = (parts: Record<string, Uint8Array>, name: string): string =>
  strFromU8(parts[name] as Uint8Array);

/** The parts whose bytes differ between two unzipped packages, and those missing from the second, sorted. */
export function changedParts(
  before: Record<string, Uint8Array>,
  after: Record<string, Uint8Array>
): string[] {
  return Object.keys(before)
    .filter(
      (name) =>
        !after[name] ||
        Buffer.compare(
          Buffer.from(before[name] as Uint8Array),
          Buffer.from(after[name] as Uint8Array)
        ) !== 0
    )
    .sort();
}
