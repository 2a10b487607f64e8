import { Direction } from "./model";
import { normalizeText } from "./text";

/** Words that say "do more" without saying of what (Chinese). Longest first, so 进一步 goes before 进. */
const VAGUE_ZH = [
  "进一步",
  "大幅度",
  "尽可能",
  "有效地",
  "有效",
  "全面",
  "持续",
  "不断",
  "积极",
  "努力",
  "争取",
  "尽量",
  "力争",
  "大力",
  "切实",
  "提升",
  "提高",
  "加强",
  "增强",
  "改善",
  "改进",
  "优化",
  "做好",
  "做到",
  "搞好",
  "推进",
  "推动",
  "落实",
  "强化",
  "完善",
  "更好",
  "更加",
  "更多",
  "更",
  "好",
  "较",
  "地",
  "的",
  "了",
  "和",
  "与",
  "及",
  "把",
  "将",
  "要",
  "工作",
  "水平",
  "能力",
  "质量",
  "效率",
  "业绩",
  "绩效",
  "成绩",
  "表现",
  "整体",
  "各项",
  "相关",
  "我们",
  "团队",
].sort((a, b) => b.length - a.length);

/** The same in English; matched as whole words. */
const VAGUE_EN = new Set(
  (
    "improve improved improving improvement enhance enhanced boost increase increased strengthen better best " +
    "more much greater great good well do doing make making try trying strive work working hard harder " +
    "effort efforts continue continuously keep further overall general quality performance efficiency " +
    "results result things stuff level levels our the a an to be and of in on for with as by all it its " +
    "lot lots " +
    "we team everything significantly greatly constantly actively effectively really very"
  ).split(" ")
);

/** Any vague Chinese word, longest first so that 进一步 is taken before 进. */
const VAGUE_ZH_WORD = new RegExp(VAGUE_ZH.join("|"), "g");
const NOT_HAN = /[^\p{Script=Han}]/gu;

const PUNCTUATION = /[\p{P}\p{S}\s\d]+/gu;
const DIGIT = /\d/;

/**
 * How many characters of an ASCII and Chinese text `PUNCTUATION` leaves, counted without building the rest: the
 * audit asks this of every goal. In ASCII every printable character but letters and digits is punctuation or a
 * symbol; Chinese ideographs are letters, the ideographic comma, full stop and space are not. Null for any other
 * character: then the pattern decides.
 */
function plainLetterCount(text: string): number | null {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) letters++;
    else if (c < 0x80) {
      const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
      // Control characters other than white space are neither punctuation nor symbols.
      const control = (c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f;
      if (letter || control) letters++;
    } else if (c !== 0x3000 && c !== 0x3001 && c !== 0x3002) return null;
  }
  return letters;
}

/**
 * Why a goal's text is not specific (SMART S): "empty", "short" (under `minLength` characters once spaces and
 * punctuation are gone), "vague" (only words like 提升/加强/improve, no object), or null when it is specific.
 * @example specificityProblem("努力提升") // "vague"
 */
export function specificityProblem(
  text: string | null,
  minLength = 4
): "empty" | "short" | "vague" | null {
  return specificityOfNormal(text === null ? null : normalizeText(text), minLength);
}

/**
 * `specificityOfNormal` as far as a normal text's letter count (what `PUNCTUATION` leaves) and digits decide it:
 * "empty", "short", null when a digit names a quantity (the goal has an object), or undefined when only its words
 * can tell.
 * @example specificityOfCounts(2, true) // "short"
 */
export function specificityOfCounts(
  letters: number,
  digit: boolean,
  minLength = 4
): "empty" | "short" | null | undefined {
  if (letters === 0) return "empty";
  if (letters < minLength) return "short";
  return digit ? null : undefined;
}

/** `specificityProblem` of a text already normalised with `normalizeText`. */
export function specificityOfNormal(
  normal: string | null,
  minLength = 4
): "empty" | "short" | "vague" | null {
  if (normal === null) return "empty";
  const letters = plainLetterCount(normal) ?? normal.replace(PUNCTUATION, "").length;
  const counted = specificityOfCounts(letters, DIGIT.test(normal), minLength);
  if (counted !== undefined) return counted;
  // Latin words, then what Chinese text is left once every vague word is taken out (again until nothing changes:
  // taking one out may join the halves of another).
  const words = normal.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((word) => /^[a-z]+$/.test(word) && !VAGUE_EN.has(word))) return null;
  if (words.some((word) => !/^[a-z]+$/.test(word) && !/^\p{Script=Han}+$/u.test(word))) return null;
  let chinese = normal.replace(NOT_HAN, "");
  for (let previous = ""; chinese !== previous;) {
    previous = chinese;
    chinese = chinese.replace(VAGUE_ZH_WORD, "");
  }
  return chinese.length === 0 ? "vague" : null;
}

/** Why a target fails SMART's A against its baseline: no better than it, or better by more than the stretch limit. */
export type AchievabilityProblem = { kind: "tooLow" } | { kind: "tooHigh"; stretch: number };

/**
 * SMART's A against a baseline (DESIGN §3), the one check the audit and GOAL.SMART share: the target must be
 * better than the baseline (in the goal's direction), by no more than `stretch` (a share of |baseline|; a baseline
 * of 0 has no stretch limit).
 * @example achievabilityProblem(200, 100, "higher", 0.5) // { kind: "tooHigh", stretch: 1 }
 */
export function achievabilityProblem(
  target: number,
  baseline: number,
  direction: Direction,
  stretch: number
): AchievabilityProblem | null {
  const gain = direction === "lower" ? baseline - target : target - baseline;
  if (gain <= 1e-9 * Math.max(1, Math.abs(baseline))) return { kind: "tooLow" };
  if (baseline !== 0 && gain / Math.abs(baseline) > stretch + 1e-12)
    return { kind: "tooHigh", stretch: gain / Math.abs(baseline) };
  return null;
}
