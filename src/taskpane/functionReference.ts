import { Lang } from "../domain";
import { FUNCTION_HELP, FUNCTION_NAMES } from "../functions/help";

const TITLES: Record<Lang, { title: string; intro: string }> = {
  en: {
    title: "GOAL functions",
    intro:
      "Type them in any cell. Given ranges, they spill one result per row. Error messages show when you select the cell.",
  },
  zh: {
    title: "GOAL 函数",
    intro:
      "可在任意单元格中输入。参数为区域时，每行一个结果并自动溢出。选中单元格即可看到错误说明。",
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The reference of every GOAL function in a language, as HTML: the task pane shows it, and the build writes it
 * into help.html (the functions' help links).
 */
export function functionReferenceHtml(lang: Lang): string {
  const sections = FUNCTION_NAMES.map((name) => {
    const help = FUNCTION_HELP[name];
    const signature = help.parameters
      .map((parameter) => (lang === "zh" ? parameter.zhName : parameter.name))
      .join(", ");
    const parameters = help.parameters
      .map(
        (parameter) =>
          `<dt><code>${escapeHtml(lang === "zh" ? parameter.zhName : parameter.name)}</code></dt><dd>${escapeHtml(parameter[lang])}</dd>`
      )
      .join("");
    return `<section id="${name.toLowerCase()}"><h2><code>=GOAL.${name}(${escapeHtml(signature)})</code></h2><p>${escapeHtml(help[lang])}</p><dl>${parameters}</dl></section>`;
  }).join("");
  return `<h1>${TITLES[lang].title}</h1><p>${escapeHtml(TITLES[lang].intro)}</p>${sections}`;
}
