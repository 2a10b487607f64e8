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

export interface AuditReport {
  goals: number;
  findings: JsonFinding[];
}

/** The JSON report: `{"goals": N, "findings": [...]}`. */
export function jsonReport(
  goals: number,
  findings: readonly Finding[],
  sources: readonly { file: string; sheet: string }[],
  lang: Lang
): AuditReport {
  return {
    goals,
    findings: findings.map((finding) => {
      const source = sources[finding.source];
      return {
        code: finding.code,
        severity: finding.severity,
        file: source?.file ?? "",
        sheet: source?.sheet ?? "",
        row: finding.row,
        id: finding.id,
        field: finding.field,
        message: findingMessage(finding, lang),
      };
    }),
  };
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

/** The readable summary: counts per code, then each finding with where it is. */
export function textReport(report: AuditReport, files: number, lang: Lang): string {
  const words = WORDS[lang];
  const lines = [words.audited(report.goals, files)];
  if (report.findings.length === 0) {
    lines.push(words.clean);
    return lines.join("\n") + "\n";
  }
  const counts = new Map<string, number>();
  for (const finding of report.findings)
    counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  lines.push("", words.counts);
  for (const code of FINDING_CODES) {
    const count = counts.get(code);
    if (count)
      lines.push(`  ${code.padEnd(22)} ${String(count).padStart(6)}  ${CODE_TITLES[code][lang]}`);
  }
  const blocking = report.findings.filter(isBlocking).length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  lines.push(
    "",
    words.total(blocking, warnings, report.findings.length - blocking - warnings),
    "",
    words.list
  );
  const multiFile =
    new Set(report.findings.map((f) => `${f.file}\u0000${f.sheet}`)).size > 1 || files > 1;
  for (const finding of report.findings) {
    const where = `${multiFile ? `${finding.file} ` : ""}${finding.sheet}!${words.row} ${finding.row}`;
    const severity = SEVERITY_NAMES[finding.severity][lang];
    lines.push(
      `  ${where}  ${finding.id ?? "-"}  ${severity}  ${finding.code}: ${finding.message}`
    );
  }
  return lines.join("\n") + "\n";
}
