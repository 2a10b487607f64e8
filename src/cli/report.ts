import {
  CODE_TITLES,
  Finding,
  FINDING_CODES,
  findingMessage,
  isBlocking,
  Lang,
  Severity,
  SEVERITY_NAMES,
} from "../domain";

/** A finding as the CLI's JSON prints it (DESIGN §3 plus the file and sheet it is in). */
export interface JsonFinding {
  code: string;
  severity: Severity;
  file: string;
  sheet: string;
  row: number;
  id: string | null;
  field: string | null;
  message: string;
}

/** The JSON report's shape (what printJsonReport prints). */
export interface AuditReport {
  goals: number;
  findings: JsonFinding[];
}

type Sources = readonly { file: string; sheet: string }[];

/**
 * A finding in the JSON report, byte for byte as `JSON.stringify` of its JsonFinding with an indent of 2, four
 * spaces further in, spells it, written directly: a report of 60,000 findings spent a third of its time in the
 * generic way. Codes, severities and fields are identifiers (no escaping); ids and messages are the user's text.
 */
function findingJson(finding: Finding, place: string, lang: Lang): string {
  // JSON.stringify leaves out a member whose value is undefined.
  const id =
    finding.id === undefined
      ? ""
      : `      "id": ${finding.id === null ? "null" : JSON.stringify(finding.id)},\n`;
  const field =
    finding.field === undefined
      ? ""
      : `      "field": ${finding.field === null ? "null" : `"${finding.field}"`},\n`;
  const row = Number.isFinite(finding.row) ? String(finding.row) : "null";
  return `    {\n      "code": "${finding.code}",\n      "severity": "${finding.severity}",\n${place}      "row": ${row},\n${id}${field}      "message": ${JSON.stringify(findingMessage(finding, lang))}\n    }`;
}

/** Findings printed at a time: a report of a million findings is never held as one text. */
const BATCH = 2_000;

/**
 * Prints the JSON report `{"goals": N, "findings": [...]}`, as `JSON.stringify(report, null, 2)` spells it, in
 * pieces.
 */
export function printJsonReport(
  print: (text: string) => void,
  goals: number,
  findings: readonly Finding[],
  sources: Sources,
  lang: Lang
): void {
  if (findings.length === 0) {
    print(`${JSON.stringify({ goals, findings: [] }, null, 2)}\n`);
    return;
  }
  print(`{\n  "goals": ${JSON.stringify(goals)},\n  "findings": [\n`);
  // Each source's file and sheet as JSON once: a report repeats them on every finding.
  const places = sources.map(
    ({ file, sheet }) =>
      `      "file": ${JSON.stringify(file)},\n      "sheet": ${JSON.stringify(sheet)},\n`
  );
  const noPlace = `      "file": "",\n      "sheet": "",\n`;
  // A finding at a time: the writer gathers them (the CLI's into chunks of bytes).
  const last = findings.length - 1;
  findings.forEach((finding, index) =>
    print(
      `${findingJson(finding, places[finding.source] ?? noPlace, lang)}${index === last ? "\n" : ",\n"}`
    )
  );
  print("  ]\n}\n");
}

const WORDS = {
  en: {
    audited: (goals: number, files: number) =>
      `Audited ${goals} goal${goals === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}.`,
    clean: "No findings: the cascade is complete and every goal passes.",
    counts: "Findings by code:",
    list: "Findings:",
    total: (errors: number, warnings: number, infos: number) =>
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} note${infos === 1 ? "" : "s"}.`,
    row: "row",
  },
  zh: {
    audited: (goals: number, files: number) => `已审核 ${files} 个文件中的 ${goals} 个目标。`,
    clean: "没有发现问题：目标分解完整，所有目标均通过检查。",
    counts: "按代码统计：",
    list: "问题清单：",
    total: (errors: number, warnings: number, infos: number) =>
      `错误 ${errors} 个，警告 ${warnings} 个，提示 ${infos} 个。`,
    row: "行",
  },
};

/** Prints the readable summary: counts per code, then each finding with where it is, in pieces. */
export function printTextReport(
  print: (text: string) => void,
  goals: number,
  findings: readonly Finding[],
  sources: Sources,
  files: number,
  lang: Lang
): void {
  const words = WORDS[lang];
  const lines = [words.audited(goals, files)];
  if (findings.length === 0) {
    lines.push(words.clean);
    print(lines.join("\n") + "\n");
    return;
  }
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  lines.push("", words.counts);
  for (const code of FINDING_CODES) {
    const count = counts.get(code);
    if (count)
      lines.push(`  ${code.padEnd(22)} ${String(count).padStart(6)}  ${CODE_TITLES[code][lang]}`);
  }
  const blocking = findings.filter(isBlocking).length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  lines.push(
    "",
    words.total(blocking, warnings, findings.length - blocking - warnings),
    "",
    words.list
  );
  print(lines.join("\n") + "\n");
  const multiFile = files > 1;
  for (let start = 0; start < findings.length; start += BATCH) {
    const batch = findings.slice(start, start + BATCH).map((finding) => {
      const source = sources[finding.source];
      const where = `${multiFile ? `${source?.file ?? ""} ` : ""}${source?.sheet ?? ""}!${words.row} ${finding.row}`;
      const severity = SEVERITY_NAMES[finding.severity][lang];
      return `  ${where}  ${finding.id ?? "-"}  ${severity}  ${finding.code}: ${findingMessage(finding, lang)}\n`;
    });
    print(batch.join(""));
  }
}
