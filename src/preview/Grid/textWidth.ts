/**
 * How wide a cell's text draws in the grid's font, for what Excel does with text that does not fit: a number or
 * date becomes "####", text runs on over empty cells to its right. Measured on a canvas in a browser; estimated
 * per character where there is none (jsdom in tests).
 */
import { webLightTheme } from "@fluentui/react-components";

/** The grid's font (useGridStyles: fontSizeBase200 in the base family). */
const FONT = `12px ${webLightTheme.fontFamilyBase}`;
const CACHE_LIMIT = 20_000;

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

function measurer(): CanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  const browser =
    typeof document !== "undefined" &&
    typeof navigator !== "undefined" &&
    !/jsdom/i.test(navigator.userAgent);
  context = browser ? document.createElement("canvas").getContext("2d") : null;
  if (context) context.font = FONT;
  return context;
}

/** Width in pixels of `text` in the grid's font. */
export function textWidth(text: string): number {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const canvas = measurer();
  let width = 0;
  if (canvas) width = canvas.measureText(text).width;
  else
    for (const char of text)
      width += /[\u2e80-\uffff]/.test(char) ? 12 : /[.,:;'|!il ]/.test(char) ? 3.5 : 6.6;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, width);
  return width;
}

/** Room for text in a cell of `width` pixels: less its padding (4 px a side) and its border. */
export function textRoom(width: number): number {
  return width - 9;
}

/**
 * What a number or date cell shows in `width` pixels: its text when it fits, else "#" as many as fit, as Excel.
 * @example fittedNumber("2026-01-01", 40) // "#####"
 */
export function fittedNumber(text: string, width: number): string {
  const room = textRoom(width);
  if (text === "" || textWidth(text) <= room) return text;
  return "#".repeat(Math.max(1, Math.floor(room / textWidth("#"))));
}
