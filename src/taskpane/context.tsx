/**
 * The two things every part of the pane receives rather than reaches for (STYLE §2): the workbook it works on
 * and the language it speaks.
 */
import * as React from "react";
import { Lang } from "../domain";
import { PaneWorkbook } from "../workbook/GoalWorkbook";
import { StringId, text, TextParams } from "./strings";

const WorkbookContext = React.createContext<PaneWorkbook | null>(null);
const LangContext = React.createContext<Lang>("en");

/** Gives the pane its workbook: Excel, the browser preview or a test's in-memory one. */
export function WorkbookProvider(props: {
  workbook: PaneWorkbook;
  children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <WorkbookContext.Provider value={props.workbook}>{props.children}</WorkbookContext.Provider>
  );
}

/** The workbook the pane works on; a component outside a WorkbookProvider is a programming mistake. */
export function useWorkbook(): PaneWorkbook {
  const workbook = React.useContext(WorkbookContext);
  if (!workbook) throw new Error("useWorkbook() needs a <WorkbookProvider> above it");
  return workbook;
}

/** Gives the pane the language it shows every word in. */
export function LangProvider(props: { lang: Lang; children?: React.ReactNode }): React.JSX.Element {
  return <LangContext.Provider value={props.lang}>{props.children}</LangContext.Provider>;
}

/** The language the pane speaks now. */
export function useLang(): Lang {
  return React.useContext(LangContext);
}

/** A function that turns a string id of the catalogue into words of the pane's language. */
export type TextFunction = (id: StringId, params?: TextParams) => string;

/** The catalogue bound to the pane's language. */
export function useText(): TextFunction {
  const lang = useLang();
  return React.useCallback((id: StringId, params?: TextParams) => text(lang, id, params), [lang]);
}
