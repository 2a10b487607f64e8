/**
 * Workbook packages assembled part by part in a test, for shapes no program writes on request: one sheet (or more)
 * whose `<sheetData>` is given as XML, with an optional styles part.
 */
import { strToU8, zipSync } from "fflate";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function handPackage(
  sheets: Record<string, string>,
  options: { styles?: string; dimension?: string } = {}
): Uint8Array {
  const names = Object.keys(sheets);
  const parts: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join(
          ""
        )}${options.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${names
        .map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join(
          ""
        )}${options.styles ? `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>`
    ),
  };
  if (options.styles) parts["xl/styles.xml"] = strToU8(options.styles);
  names.forEach((name, i) => {
    const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : "";
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${sheets[name]}</sheetData></worksheet>`
    );
  });
  return zipSync(parts);
}

/** A cell of inline text. */
export const text = (ref: string, value: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
/** A number cell, with an optional style. */
export const number = (ref: string, value: number, style?: number) =>
  `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ""}><v>${value}</v></c>`;
/** A formula cell with a saved value. */
export const formula = (ref: string, body: string, saved: number) =>
  `<c r="${ref}"><f>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</f><v>${saved}</v></c>`;
