/*
 * The task pane page. It is also the shared runtime: the custom functions bundle loads beside it, so the ribbon,
 * the pane and the functions share one JavaScript context. Until the audit pane lands, it shows the reference of
 * the GOAL functions in Office's language.
 */
import { officeLanguage } from "../excel/officeLanguage";
import { functionReferenceHtml } from "./functionReference";

function render(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const lang = officeLanguage();
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  root.innerHTML = functionReferenceHtml(lang);
}

if (typeof Office !== "undefined") Office.onReady(render);
else render();
