import { Lang, langOf } from "../domain";

/**
 * The language of Office's user interface, for every word the add-in shows; English outside Office (tests, the
 * preview before it chooses) or before Office is ready.
 */
export function officeLanguage(): Lang {
  if (typeof Office === "undefined" || !Office.context) return "en";
  return langOf(Office.context.displayLanguage);
}
