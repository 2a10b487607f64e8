import * as React from "react";
import { HeaderMapping, Lang } from "../../domain";
import { useWorkbook } from "../context";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import {
  DEFAULT_OPTIONS,
  judgedOn,
  PaneOptions,
  parsePaneOptions,
  resolveLang,
  SavedOptions,
} from "../paneOptions";
import { AuditSession, useAuditSession } from "./useAuditSession";
import { RibbonAudits, Tab } from "./App.types";

/** The document's setting that holds the options. */
export const OPTIONS_SETTING = "options";

export interface AppState {
  lang: Lang;
  tab: Tab;
  setTab: (tab: Tab) => void;
  options: PaneOptions;
  saveOptions: (saved: SavedOptions) => Promise<void>;
  /** Saves a column mapping with the other options, then audits again with it. */
  saveMapping: (mapping: HeaderMapping) => Promise<void>;
  session: AuditSession;
  /** What the pane says about loading the options, if anything. */
  notice: Notice | null;
  dismissNotice: () => void;
}

/** The pane's state: its tab, the options saved with the document, its language, and the shared audit. */
export function useApp(
  officeLang: Lang,
  ribbon?: RibbonAudits,
  today: () => Date = () => new Date()
): AppState {
  const workbook = useWorkbook();
  const [tab, setTab] = React.useState<Tab>("audit");
  const [options, setOptions] = React.useState<PaneOptions>(DEFAULT_OPTIONS);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const lang = resolveLang(options.saved.language, officeLang);
  // Judged on today unless a date is chosen; a new day makes new options (and marks an open audit out of date).
  const now = today();
  const day = `${now.getFullYear()}-${now.getMonth()}-${now.getDate()}`;
  const auditOptions = React.useMemo(
    () => judgedOn(options.audit, now),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `now` changes every render; the day is what counts
    [options.audit, day]
  );
  const session = useAuditSession(auditOptions, lang, options.saved.liveAudit);
  const { showOutcome } = session;

  // A click on the ribbon's "Audit goals" shows here: its findings, or the question or problem that opened the pane.
  React.useEffect(() => {
    if (!ribbon) return undefined;
    const last = ribbon.last();
    if (last) showOutcome(last);
    return ribbon.subscribe((outcome) => {
      setTab("audit");
      showOutcome(outcome);
    });
  }, [ribbon, showOutcome]);

  React.useEffect(() => {
    let live = true;
    workbook.loadSetting(OPTIONS_SETTING).then(
      (saved) => {
        if (!live || saved === undefined || saved === null) return;
        const parsed = parsePaneOptions(saved);
        if (parsed.ok) setOptions(parsed.value);
        else setNotice(textNotice("warning", "options.savedInvalid"));
      },
      (error: unknown) => {
        if (live) setNotice(errorNotice(error));
      }
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  React.useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  }, [lang]);

  const saveOptions = React.useCallback(
    async (saved: SavedOptions) => {
      const parsed = parsePaneOptions(saved);
      // The form validated these already; a failure here is a programming mistake, not the user's.
      if (!parsed.ok) throw new Error(`options do not validate: ${parsed.fields.join(", ")}`);
      await workbook.saveSetting(OPTIONS_SETTING, saved);
      setOptions(parsed.value);
      setNotice(null);
    },
    [workbook]
  );

  // An audit asked for with a new mapping runs once the session has the options that hold it.
  const [auditAgain, setAuditAgain] = React.useState(false);
  const saveMapping = React.useCallback(
    async (mapping: HeaderMapping) => {
      await saveOptions({ ...options.saved, mapping });
      setAuditAgain(true);
    },
    [saveOptions, options.saved]
  );
  const { audit } = session;
  React.useEffect(() => {
    if (!auditAgain) return;
    setAuditAgain(false);
    void audit();
  }, [auditAgain, audit]);

  return {
    lang,
    tab,
    setTab,
    options,
    saveOptions,
    saveMapping,
    session,
    notice,
    dismissNotice: () => setNotice(null),
  };
}
