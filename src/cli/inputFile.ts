/**
 * What the command line accepts as an input file, checked before anything is parsed: only regular files (a pipe
 * would hang, a device never ends), at most `--max-size` megabytes, and for workbooks a zip package that holds a
 * workbook, with a cap on what its parts inflate to. Everything else is refused with its own reason in the user's
 * language — never a library's text.
 */
import { open, stat } from "node:fs/promises";
import { unzipSync } from "fflate";
import type { Bilingual } from "../domain";
import { InputError } from "./load";

/** Limits on inputs (DESIGN: a clear exit 2 instead of running out of memory). */
export interface InputLimits {
  /** Largest input file, in bytes (default 200 MB: `--max-size`). */
  maxBytes: number;
  /** Largest inflated size of one zip part, and of all parts together. */
  maxPartBytes: number;
  maxTotalBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: 200 * MB,
  maxPartBytes: 1024 * MB,
  maxTotalBytes: 2048 * MB,
};

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes < MB ? 2 : bytes < 10 * MB ? 1 : 0);
}

function refuse(message: Bilingual): never {
  throw new InputError(message);
}

/**
 * Reads an input file after checking what it is: a regular file within the size limit. Refuses folders, pipes,
 * devices and sockets before opening them, and a file that grew past the limit while it was read.
 */
export async function readInputFile(
  file: string,
  limits: InputLimits = DEFAULT_LIMITS
): Promise<Buffer> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      refuse({ en: `${file}: no such file`, zh: `${file}：文件不存在` });
    if (code === "EACCES" || code === "EPERM")
      refuse({
        en: `${file}: permission denied: the file cannot be read`,
        zh: `${file}：没有读取该文件的权限`,
      });
    refuse({
      en: `${file}: cannot read the file (${code ?? "error"})`,
      zh: `${file}：无法读取该文件（${code ?? "错误"}）`,
    });
  }
  if (info.isDirectory())
    refuse({
      en: `${file}: is a folder, not a file; name the .xlsx or .csv files in it`,
      zh: `${file}：这是文件夹而不是文件；请指定其中的 .xlsx 或 .csv 文件`,
    });
  if (!info.isFile())
    refuse({
      en: `${file}: is not a regular file (a pipe, device or socket); save the data to a file first`,
      zh: `${file}：不是普通文件（管道、设备或套接字）；请先将数据保存为文件`,
    });
  if (info.size > limits.maxBytes) refuse(tooLarge(file, info.size, limits.maxBytes));

  // Read at most one byte past the limit: a file that grows while it is read cannot exhaust memory.
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(info.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > limits.maxBytes) refuse(tooLarge(file, length, limits.maxBytes));
        break;
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return refuse({
      en: `${file}: cannot read the file (${code})`,
      zh: `${file}：无法读取该文件（${code}）`,
    });
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, size: number, limit: number): Bilingual {
  return {
    en: `${file}: is ${megabytes(size)} MB, over the ${megabytes(limit)} MB limit; raise it with --max-size MB if the file is right`,
    zh: `${file}：大小为 ${megabytes(size)} MB，超过 ${megabytes(limit)} MB 的上限；如文件无误，可用 --max-size 提高上限`,
  };
}

/** The first bytes of an OLE2 compound file: legacy .xls, or an encrypted (password-protected) .xlsx. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** True when `bytes` hold `text` encoded as UTF-16LE (the names of an OLE2 file's streams). */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from(text, "utf16le")
  );
}

/** What a workbook package holds: its part names, and whether it carries macros. */
export interface PackageCheck {
  parts: string[];
  macros: boolean;
}

/**
 * Checks that bytes are an Office Open XML workbook package before a library parses them, and says what they are
 * otherwise: a password-protected workbook, a legacy .xls, an OpenDocument or Numbers spreadsheet, another zip, a
 * damaged file. Each part's inflated size is checked against the limits from the zip's own directory, without
 * inflating anything (zip bombs).
 */
export function checkWorkbookPackage(
  file: string,
  bytes: Uint8Array,
  limits: InputLimits = DEFAULT_LIMITS
): PackageCheck {
  if (startsWith(bytes, OLE2)) {
    if (holdsUtf16(bytes, "EncryptedPackage"))
      refuse({
        en: `${file}: the workbook is password-protected; save a copy without a password (File > Info > Protect Workbook) and use that`,
        zh: `${file}：工作簿受密码保护；请另存一份不带密码的副本（文件 > 信息 > 保护工作簿）后再使用`,
      });
    refuse({
      en: `${file}: is an Excel 97–2003 workbook (.xls); open it in Excel and save it as .xlsx`,
      zh: `${file}：这是 Excel 97–2003 工作簿（.xls）；请在 Excel 中打开并另存为 .xlsx`,
    });
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    refuse({
      en: `${file}: is not an .xlsx workbook (the file is damaged, or of another kind renamed .xlsx)`,
      zh: `${file}：不是 .xlsx 工作簿（文件已损坏，或是改了扩展名的其他文件）`,
    });
  const parts: string[] = [];
  let total = 0;
  let oversized: { name: string; size: number } | null = null;
  try {
    unzipSync(bytes, {
      // Only the directory is read: every part is filtered out before it is inflated.
      filter: (part) => {
        parts.push(part.name);
        total += part.originalSize;
        if (part.originalSize > limits.maxPartBytes && oversized === null)
          oversized = { name: part.name, size: part.originalSize };
        return false;
      },
    });
  } catch {
    refuse({
      en: `${file}: the .xlsx package is damaged (its zip structure cannot be read); open it in Excel and save it again`,
      zh: `${file}：.xlsx 文件包已损坏（无法读取其压缩结构）；请在 Excel 中打开后重新保存`,
    });
  }
  const big = oversized as { name: string; size: number } | null;
  if (big || total > limits.maxTotalBytes)
    refuse({
      en: `${file}: its parts would inflate to ${megabytes(big?.size ?? total)} MB${big ? ` (${big.name})` : ""}, over the limit; this is not a workbook the add-in can read safely`,
      zh: `${file}：其内容解压后将达 ${megabytes(big?.size ?? total)} MB${big ? `（${big.name}）` : ""}，超过上限；无法安全读取此工作簿`,
    });
  const names = new Set(parts.map((name) => name.toLowerCase()));
  if (names.has("xl/workbook.xml") || names.has("xl/workbook.bin")) {
    if (names.has("xl/workbook.bin"))
      refuse({
        en: `${file}: is a binary workbook (.xlsb); open it in Excel and save it as .xlsx`,
        zh: `${file}：这是二进制工作簿（.xlsb）；请在 Excel 中打开并另存为 .xlsx`,
      });
    return { parts, macros: names.has("xl/vbaproject.bin") };
  }
  if (names.has("content.xml") && names.has("mimetype"))
    refuse({
      en: `${file}: is an OpenDocument spreadsheet (.ods); save it as .xlsx (File > Save As > Excel 2007-365)`,
      zh: `${file}：这是 OpenDocument 电子表格（.ods）；请另存为 .xlsx（文件 > 另存为 > Excel 2007-365）`,
    });
  if ([...names].some((name) => name.startsWith("index/") && name.endsWith(".iwa")))
    refuse({
      en: `${file}: is a Numbers spreadsheet; export it as Excel (.xlsx) from Numbers`,
      zh: `${file}：这是 Numbers 电子表格；请在 Numbers 中导出为 Excel（.xlsx）`,
    });
  if (names.has("word/document.xml") || names.has("ppt/presentation.xml"))
    refuse({
      en: `${file}: is a Word or PowerPoint file, not a workbook`,
      zh: `${file}：这是 Word 或 PowerPoint 文件，不是工作簿`,
    });
  return refuse({
    en: `${file}: is a zip archive that holds no workbook (no xl/workbook.xml)`,
    zh: `${file}：这是不含工作簿的压缩文件（没有 xl/workbook.xml）`,
  });
}

/**
 * The limits for a `--max-size MB` option (a positive number of megabytes; left out, the default).
 * @example limitsFrom("50").maxBytes // 52428800
 */
export function limitsFrom(maxSize: string | undefined): InputLimits {
  if (maxSize === undefined) return DEFAULT_LIMITS;
  const megabytesAllowed = Number(maxSize);
  if (!Number.isFinite(megabytesAllowed) || megabytesAllowed <= 0)
    refuse({
      en: `--max-size must be a number of megabytes above 0, not “${maxSize}”`,
      zh: `--max-size 必须是大于 0 的兆字节数，而不是“${maxSize}”`,
    });
  return { ...DEFAULT_LIMITS, maxBytes: Math.round(megabytesAllowed * MB) };
}
