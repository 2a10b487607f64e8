/**
 * Writing the command line's copies, and printing to a terminal. A copy is written to a temporary file beside its
 * target and renamed into place, so a failed write never leaves half a workbook under the user's name; every way
 * the write can fail is an exit 2 with its reason in the user's language.
 */
import { randomBytes } from "node:crypto";
import { lstat, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { InputError } from "./load";

/** Writes `bytes` to `out` through a temporary file in the same folder, then a rename. */
export async function writeOutputFile(out: string, bytes: Uint8Array): Promise<void> {
  const folder = dirname(out);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo || !folderInfo.isDirectory())
    throw new InputError({
      en: `${out}: the folder ${folder} does not exist; create it or choose another place`,
      zh: `${out}：文件夹 ${folder} 不存在；请先创建或换一个位置`,
    });
  const target = await stat(out).catch(() => null);
  if (target?.isDirectory())
    throw new InputError({
      en: `${out}: is a folder; give --out a file name ending in .xlsx`,
      zh: `${out}：这是文件夹；请为 --out 指定以 .xlsx 结尾的文件名`,
    });
  // A symbolic link is written through (its target replaced), not replaced by a file.
  const final = (await lstat(out).catch(() => null))?.isSymbolicLink()
    ? await realpath(out).catch(() => out)
    : out;
  const temporary = join(
    dirname(final),
    `.${basename(final)}.${randomBytes(4).toString("hex")}.tmp`
  );
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, final);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(out, (error as NodeJS.ErrnoException).code);
  }
}

function writeError(out: string, code: string | undefined): InputError {
  switch (code) {
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new InputError({
        en: `${out}: cannot write there (the folder or file is read-only); choose another place`,
        zh: `${out}：无法写入（文件夹或文件为只读）；请换一个位置`,
      });
    case "EBUSY":
      return new InputError({
        en: `${out}: the file is open in another program (Excel?); close it and try again`,
        zh: `${out}：文件正被其他程序（Excel？）打开；请关闭后重试`,
      });
    case "ENOSPC":
    case "EDQUOT":
      return new InputError({
        en: `${out}: the disk is full; nothing was written`,
        zh: `${out}：磁盘已满；未写入任何内容`,
      });
    default:
      return new InputError({
        en: `${out}: the copy could not be written (${code ?? "error"}); nothing was changed`,
        zh: `${out}：无法写入副本（${code ?? "错误"}）；未做任何更改`,
      });
  }
}

/**
 * Text for a terminal: control characters a goal text may carry (an escape sequence, a bell, a carriage return)
 * are shown as \u escapes instead of acting on the terminal; line breaks and tabs stay.
 * @example forTerminal("ok\u001b[2J") // "ok\\u001b[2J"
 */
export function forTerminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- the control characters are exactly what is matched
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
