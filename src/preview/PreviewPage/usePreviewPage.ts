import * as React from "react";
import { Lang, langOf } from "../../domain";
import { setHyperFormulaLanguage } from "../../functions/hyperformulaPlugin";
import { PreviewWorkbook } from "../PreviewWorkbook";
import { csvWorkbook, isCsvName, OpenError, openProblemOf } from "../openedFile";
import { previewText } from "../previewStrings";
import { PageNotice, PreviewPageProps } from "./PreviewPage.types";

export interface PreviewPageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  dark: boolean;
  /** The open workbook, null while the sample loads. */
  workbook: PreviewWorkbook | null;
  /** Changes with each workbook opened: the grid and the pane start afresh on a new one. */
  generation: number;
  notice: PageNotice | null;
  dismissNotice: () => void;
  saving: boolean;
  openFile: (file: File) => Promise<void>;
  save: () => Promise<void>;
}

function browserLang(): Lang {
  return typeof navigator === "undefined" ? "en" : langOf(navigator.language);
}

function prefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-color-scheme: dark)").matches
    : false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The page's state: the workbook (the sample first, then any file opened), the language, saving. */
export function usePreviewPage(props: PreviewPageProps): PreviewPageState {
  const [lang, setLang] = React.useState<Lang>(props.lang ?? browserLang());
  const [dark, setDark] = React.useState(prefersDark);
  const [workbook, setWorkbook] = React.useState<PreviewWorkbook | null>(null);
  const [generation, setGeneration] = React.useState(0);
  const [notice, setNotice] = React.useState<PageNotice | null>(null);
  const [saving, setSaving] = React.useState(false);
  const fileName = React.useRef(props.sampleName);
  // A file the user opened wins over the sample, should the sample arrive later.
  const userOpened = React.useRef(false);
  const langRef = React.useRef(lang);
  langRef.current = lang;
  const { loadSample, storage } = props;

  // The workbook opened before is left to the garbage collector rather than destroyed: the grid and the pane over it
  // may still finish a step (an audit under way) before they unmount.
  const open = React.useCallback((next: PreviewWorkbook, name: string) => {
    fileName.current = name;
    setWorkbook(next);
    setGeneration((count) => count + 1);
  }, []);

  // Opens on the sample cascade; without it (a page opened from disk, a server without it) an empty sheet.
  React.useEffect(() => {
    let live = true;
    const book = new PreviewWorkbook({ Sheet1: [] }, { storage });
    loadSample()
      .then((bytes) => book.loadXlsx(bytes))
      .then(
        () => {
          if (live && !userOpened.current) open(book, props.sampleName);
          else book.destroy();
        },
        (error: unknown) => {
          book.destroy();
          if (!live || userOpened.current) return;
          open(new PreviewWorkbook({ Sheet1: [] }, { storage }), "workbook.xlsx");
          setNotice({
            intent: "warning",
            text: previewText(langRef.current, "page.sampleFailed", { detail: messageOf(error) }),
          });
        }
      );
    return () => {
      live = false;
    };
  }, [loadSample, open, props.sampleName, storage]);

  // GOAL functions word their error messages in the page's language.
  React.useEffect(() => setHyperFormulaLanguage(lang), [lang]);

  React.useEffect(() => {
    if (typeof window === "undefined" || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener?.("change", follow);
    return () => query.removeEventListener?.("change", follow);
  }, []);

  const openFile = React.useCallback(
    async (file: File) => {
      const bytes = await file.arrayBuffer();
      let book: PreviewWorkbook;
      try {
        if (isCsvName(file.name)) book = csvWorkbook(file.name, bytes, storage);
        else {
          book = new PreviewWorkbook({ Sheet1: [] }, { storage });
          try {
            await book.loadXlsx(bytes);
          } catch (error) {
            book.destroy();
            throw error;
          }
        }
      } catch (error) {
        // What the file is, in words: never the zip library's or the parser's text.
        const problem = error instanceof OpenError ? error.problem : openProblemOf(bytes);
        setNotice({
          intent: "error",
          text: previewText(langRef.current, `page.${problem}`, { name: file.name }),
        });
        return;
      }
      userOpened.current = true;
      open(book, file.name);
      setNotice({
        intent: "success",
        text: previewText(langRef.current, "page.opened", { name: file.name }),
      });
    },
    [open, storage]
  );

  const save = React.useCallback(async () => {
    if (!workbook) return;
    setSaving(true);
    try {
      const bytes = await workbook.saveXlsx();
      // A macro-enabled workbook's copy stays macro-enabled: Excel opens it only under the .xlsm name.
      const macros = workbook.hasMacros();
      const blob = new Blob([bytes], {
        type: macros
          ? "application/vnd.ms-excel.sheet.macroEnabled.12"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = downloadName(fileName.current, macros ? ".xlsm" : ".xlsx");
      document.body.appendChild(link);
      link.click();
      link.remove();
      // The download has its own copy once it started; the next task is late enough to let the URL go.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (error) {
      setNotice({
        intent: "error",
        text: previewText(langRef.current, "page.saveFailed", { detail: messageOf(error) }),
      });
    } finally {
      setSaving(false);
    }
  }, [workbook]);

  return {
    lang,
    setLang,
    dark,
    workbook,
    generation,
    notice,
    dismissNotice: () => setNotice(null),
    saving,
    openFile,
    save,
  };
}

/**
 * The name of a saved copy: the file's name with the extension its kind of package needs.
 * @example downloadName("plan.xlsm", ".xlsm") // "plan.xlsm"
 */
export function downloadName(name: string, extension: ".xlsx" | ".xlsm"): string {
  const base = name.replace(/\.(xlsx|xlsm)$/i, "");
  return `${base}${extension}`;
}
