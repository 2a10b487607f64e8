/**
 * Goal sheets whose cascade shows only in their layout, made with LibreOffice (headless) from flat ODS text written
 * here: indented goal cells, or grouped rows.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { libreOfficeConvert } from "./foreignWorkbook";

/** A flat ODS cell holding text or a number. */
function odsCell(value: string | number): string {
  if (typeof value === "number")
    return `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`;
  const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
}

/**
 * An .xlsx made by LibreOffice from a flat ODS sheet whose data rows show a cascade only by their depth: the goal
 * cell indented (`indent`: a left margin LibreOffice writes as the cell format's indent) or the rows grouped
 * (`group`: nested row groups, written as rows' outline levels).
 */
export function outlinedWorkbook(
  dir: string,
  name: string,
  header: string[],
  rows: Array<{ depth: number; cells: Array<string | number> }>,
  how: "indent" | "group"
): string {
  // The goal cell (the first) carries the indent's cell style.
  const row = (cells: Array<string | number>, style = "") => {
    const [goal, ...rest] = cells.map(odsCell);
    const styled = style
      ? (goal as string).replace(
          "<table:table-cell ",
          `<table:table-cell table:style-name="${style}" `
        )
      : goal;
    return `<table:table-row>${styled}${rest.join("")}</table:table-row>`;
  };
  let body = row(header);
  let open = 0;
  for (const { depth, cells } of rows) {
    if (how === "group") {
      for (; open < depth; open++) body += "<table:table-row-group>";
      for (; open > depth; open--) body += "</table:table-row-group>";
    }
    body += row(cells, how === "indent" && depth > 0 ? `indent${depth}` : "");
  }
  for (; open > 0; open--) body += "</table:table-row-group>";
  const styles = [1, 2, 3]
    .map(
      (depth) =>
        `<style:style style:name="indent${depth}" style:family="table-cell"><style:paragraph-properties fo:margin-left="${(depth * 0.353).toFixed(3)}cm"/></style:style>`
    )
    .join("");
  const fods = join(dir, `${name}.fods`);
  writeFileSync(
    fods,
    `<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Goals">${body}</table:table></office:spreadsheet></office:body></office:document>`
  );
  return libreOfficeConvert(dir, fods, "xlsx:Calc MS Excel 2007 XML");
}
