/**
 * The ribbon command's short notice: a dialog page that shows one sentence (passed in the URL's query with the
 * language) and asks its opener to close it when OK is pressed; the opener also closes it after a few seconds, since
 * an open dialog blocks the calculation of custom functions.
 */

/**
 * The query of the notice page's URL: the sentence and its language. A query, not a fragment: some Office builds
 * drop or extend a dialog URL's fragment (office-js #2284, #3057).
 */
export function noticeQuery(message: string, lang: "en" | "zh"): string {
  return `?${new URLSearchParams({ lang, message }).toString()}`;
}

/** Reads the query back; an unknown language is English. */
export function readNoticeQuery(search: string): { message: string; lang: "en" | "zh" } {
  const params = new URLSearchParams(search.replace(/^\?/, ""));
  return { message: params.get("message") ?? "", lang: params.get("lang") === "zh" ? "zh" : "en" };
}

/** The label of the button that closes the notice. */
export const NOTICE_OK = { en: "OK", zh: "确定" } as const;

/** Fills the notice page and wires its button (the page's only script). */
export function showNoticePage(doc: Document, search: string, close: () => void): void {
  const { message, lang } = readNoticeQuery(search);
  doc.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  const paragraph = doc.getElementById("message");
  const button = doc.getElementById("close");
  if (paragraph) paragraph.textContent = message;
  if (button) {
    button.textContent = NOTICE_OK[lang];
    button.addEventListener("click", close);
    button.focus();
  }
}
