/**
 * What one click on the ribbon's "Audit goals" came to, in a sentence for the short notice the command shows when
 * the task pane is not open to explain it (or cannot be opened: Office ignores `showAsTaskpane` for some add-ins).
 */
import { findingMessage, isBlocking, Lang } from "../domain";
import { text } from "../taskpane/strings";
import type { AuditCommandOutcome } from "./commands";

const SENTENCES = {
  audited: {
    en: "Audited {goals} goals on “{sheet}”: {findings} findings, {blocking} of them errors. They are coloured on the sheet and listed on “{auditSheet}”; Clear audit in Goal Cascade removes them.",
    zh: "已审核“{sheet}”上的 {goals} 个目标：发现 {findings} 个问题，其中 {blocking} 个错误。问题已在工作表上标色，并列在“{auditSheet}”中；在 Goal Cascade 中点击“清除审核”即可移除。",
  },
  clean: {
    en: "Audited {goals} goals on “{sheet}”: no findings.",
    zh: "已审核“{sheet}”上的 {goals} 个目标：未发现问题。",
  },
  others: {
    en: "{count} other complete goal table(s) on this sheet were left aside: open Goal Cascade (Home tab) to audit another.",
    zh: "此工作表上另有 {count} 个完整的目标表未审核：请在“开始”选项卡中打开 Goal Cascade 审核其他表。",
  },
  chooseTable: {
    en: "This sheet holds {count} goal tables. Open Goal Cascade (Home tab) to choose the one to audit.",
    zh: "此工作表有 {count} 个目标表。请在“开始”选项卡中打开 Goal Cascade，选择要审核的表。",
  },
  openPane: {
    en: "Open Goal Cascade (Home tab) for more.",
    zh: "请在“开始”选项卡中打开 Goal Cascade 查看详情。",
  },
} as const;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name])
  );
}

/**
 * The notice for an outcome, in the user's language.
 * @example outcomeText({ status: "noTable" }, "en") // "No goal table on the active sheet. …"
 */
export function outcomeText(outcome: AuditCommandOutcome, lang: Lang): string {
  switch (outcome.status) {
    case "audited": {
      const { result, source, auditSheet } = outcome.run;
      const findings = result.findings.length;
      const params = {
        goals: result.goals.length,
        sheet: source.sheet,
        findings,
        blocking: result.findings.filter(isBlocking).length,
        auditSheet: auditSheet ?? "",
      };
      const sentence = fill(SENTENCES[findings === 0 ? "clean" : "audited"][lang], params);
      return outcome.others > 0
        ? `${sentence} ${fill(SENTENCES.others[lang], { count: outcome.others })}`
        : sentence;
    }
    case "noTable":
      return text(lang, "audit.noTable");
    case "chooseTable":
      return fill(SENTENCES.chooseTable[lang], { count: outcome.tables.length });
    case "missingColumn": {
      const missing = outcome.run.result.findings.find(
        (finding) => finding.code === "MISSING_COLUMN"
      );
      const reason = missing ? findingMessage(missing, lang) : "";
      return `${reason} ${SENTENCES.openPane[lang]}`.trim();
    }
    case "failed":
      return `${text(lang, `error.${outcome.error.code}`)} ${SENTENCES.openPane[lang]}`;
  }
}
