import { rootElement, spanOf, firstRootTag } from "../../src/xlsx/xml";

describe("the root element of a part", () => {
  const cases = [
    `<?xml version="1.0"?>\n<x:worksheet xmlns:x="m"><x:sheetData/></x:worksheet>`,
    `<worksheet><sheetData/></worksheet >\n<!-- saved by a tool --><?pi done?>\n`,
    `<worksheet><sheetData/></worksheet><!-- </worksheet> in a trailing comment -->`,
    `<worksheet><sheetData/><!-- </worksheet> --></worksheet>`,
    `<worksheet/>`,
  ];
  it.each(cases)("is found from the end as the tag scan finds it: %s", (xml) => {
    const open = firstRootTag(xml);
    if (open === null) throw new Error("no root");
    const scanned = spanOf(xml, open);
    expect(rootElement(xml)).toEqual(scanned);
  });
});
