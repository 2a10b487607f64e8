/*
 * The task pane page. It is also the shared runtime: the custom functions bundle loads beside it, so the ribbon,
 * the pane and the functions share one JavaScript context. This is the one place of the pane that knows it runs
 * in Excel: it makes the Excel workbook, reads Office's language and theme, and hands them to <App>.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
// The ribbon's commands register in this page: one runtime, one copy of their state for the pane to read.
import { lastAuditCommandOutcome, onAuditCommand } from "../commands/commands";
import { ExcelWorkbook } from "../excel/ExcelWorkbook";
import { officeLanguage } from "../excel/officeLanguage";
import { App } from "./App/App";

function render(): void {
  const element = document.getElementById("root");
  if (!element) return;
  const dark = typeof Office !== "undefined" && Office.context?.officeTheme?.isDarkTheme === true;
  createRoot(element).render(
    <React.StrictMode>
      <App
        workbook={new ExcelWorkbook()}
        officeLang={officeLanguage()}
        dark={dark}
        ribbon={{ last: lastAuditCommandOutcome, subscribe: onAuditCommand }}
      />
    </React.StrictMode>
  );
}

// Outside Office (the browser preview) Office.onReady still resolves, reporting no host.
if (typeof Office !== "undefined") void Office.onReady(render);
