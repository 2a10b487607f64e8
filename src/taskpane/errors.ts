import { Lang } from "../domain";
import { WorkbookError } from "../workbook/GoalWorkbook";
import { text } from "./strings";

/**
 * What to tell the user about an error the workbook (or anything else) threw: the sentence for a WorkbookError's
 * code, with the host's detail when it adds something, or the UNKNOWN sentence with the error's own message.
 */
export function describeError(error: unknown, lang: Lang): { title: string; detail: string } {
  if (error instanceof WorkbookError) {
    return { title: text(lang, `error.${error.code}`), detail: error.detail };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { title: text(lang, "error.UNKNOWN"), detail };
}
