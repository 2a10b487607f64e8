/**
 * The audit's index over a table of goals, apart from its rules: goal texts normalised once (with hashes for O(n)
 * comparisons) and the table that finds identical siblings in one pass. The rules in audit.ts ask it questions;
 * none of them is answered here.
 */
import { Goal } from "./model";
import { specificityOfCounts, specificityOfNormal } from "./smart";
import { hashText, normalizeText, NormalTextProbe } from "./text";
import { tableSize } from "./textIds";

/**
 * `normalizeText` for one audit, remembering what it returned for the texts that repeat (a KPI or a unit is on
 * many rows). The memory is bounded: past its size, texts are normalised each time.
 */
class Normalizer {
  private readonly known = new Map<string, string>();

  normal(text: string): string {
    let normal = this.known.get(text);
    if (normal === undefined) {
      normal = normalizeText(text);
      if (this.known.size < 100_000) this.known.set(text, normal);
    }
    return normal;
  }
}

/**
 * Goal, KPI and unit texts of each goal, normalised (DESIGN §3): rules compare them many times. KPIs and units
 * repeat and are normalised once each. Goal texts differ from goal to goal: each is read in one pass for a hash, a
 * letter count and whether it holds a digit (`NormalTextProbe`), and its normal text is built only when a rule
 * needs it: when two hashes agree, or when SMART S must read its words.
 */
export class GoalTexts {
  /** `hashText` of each goal's normal goal text (0 also for no text: compare the texts when hashes agree). */
  readonly hash: Int32Array;
  /** Letters of each normal goal text (see `NormalTextProbe`); -1 when not counted. */
  private readonly letters: Int32Array;
  private readonly digit: Uint8Array;
  /** Normal goal texts built so far; undefined where not yet built. */
  private readonly normal: (string | null | undefined)[];
  readonly kpi: (string | null)[];
  readonly unit: (string | null)[];

  constructor(private readonly goals: readonly Goal[]) {
    const n = goals.length;
    this.hash = new Int32Array(n);
    this.letters = new Int32Array(n).fill(-1);
    this.digit = new Uint8Array(n);
    this.normal = new Array(n);
    this.kpi = new Array(n);
    this.unit = new Array(n);
    const normalizer = new Normalizer();
    const probe = new NormalTextProbe();
    // The KPI and unit of the goal before, raw and normal: consecutive goals mostly share them.
    let kpiText: string | null = null;
    let kpi: string | null = null;
    let unitText: string | null = null;
    let unit: string | null = null;
    for (let i = 0; i < n; i++) {
      const goal = goals[i] as Goal;
      if (goal.kpi !== kpiText) {
        kpiText = goal.kpi;
        kpi = kpiText === null ? null : normalizer.normal(kpiText);
      }
      this.kpi[i] = kpi;
      if (goal.unit !== unitText) {
        unitText = goal.unit;
        unit = unitText === null ? null : normalizer.normal(unitText);
      }
      this.unit[i] = unit;
      if (goal.goal === null) this.normal[i] = null;
      else if (probe.read(goal.goal)) {
        this.hash[i] = probe.hash;
        this.letters[i] = probe.letters;
        this.digit[i] = probe.digit ? 1 : 0;
      } else {
        const normal = normalizeText(goal.goal);
        this.normal[i] = normal;
        // 0 for a text holding U+0000: such texts share a bucket and are told apart by their parts.
        this.hash[i] = hashText(normal);
      }
    }
  }

  /** The normal goal text of a goal, null without one. */
  goal(index: number): string | null {
    let normal = this.normal[index];
    if (normal === undefined) {
      normal = normalizeText((this.goals[index] as Goal).goal as string);
      this.normal[index] = normal;
    }
    return normal;
  }

  /** Whether a child's goal text is its parent's, once normalised. */
  isCopy(child: number, parent: number): boolean {
    return (
      this.hash[child] === this.hash[parent] &&
      (this.goals[child] as Goal).goal !== null &&
      this.goal(child) === this.goal(parent)
    );
  }

  /** `specificityOfNormal` of a goal's text, reading its words only when its counts do not settle it. */
  specificity(index: number, minLength: number): ReturnType<typeof specificityOfNormal> {
    const letters = this.letters[index] as number;
    const counted =
      letters < 0 ? undefined : specificityOfCounts(letters, this.digit[index] === 1, minLength);
    return counted !== undefined ? counted : specificityOfNormal(this.goal(index), minLength);
  }
}

/** The parts of a goal's sibling signature besides its parent, as numbers for a hash. */
export class SignatureParts {
  private readonly kpiIds = new Map<string, number>();
  private readonly periodIds = new Map<string, number>();

  constructor(
    private readonly goals: readonly Goal[],
    private readonly texts: GoalTexts
  ) {}

  /** The hash of a goal's signature within a group (numbered by the caller); a missing part counts as empty. */
  hash(index: number, group: number): number {
    const goal = this.goals[index] as Goal;
    const kpiText = this.texts.kpi[index] ?? "";
    let kpi = this.kpiIds.get(kpiText);
    if (kpi === undefined) {
      kpi = this.kpiIds.size;
      this.kpiIds.set(kpiText, kpi);
    }
    const periodKey = goal.period?.key ?? "";
    let period = this.periodIds.get(periodKey);
    if (period === undefined) {
      period = this.periodIds.size;
      this.periodIds.set(periodKey, period);
    }
    const text = this.texts.hash[index] as number;
    return mix(mix(mix(mix(text, group), kpi), period), hashNumber(goal.target));
  }
}

/**
 * Open addressing over goals, one group at a time: `start` empties it (by moving to a new stamp, not by clearing)
 * and sizes it for the group; `twin` finds a goal's earlier twin or adds the goal.
 */
export class TwinTable {
  private goal: number[] = [];
  /** The group stamp of each slot: a slot of an earlier stamp is empty. */
  private stamp: number[] = [];
  private hashes: number[] = [];
  private current = 0;
  private mask = 0;

  start(size: number): void {
    const slots = tableSize(size);
    if (slots > this.goal.length) {
      this.goal = new Array<number>(slots).fill(0);
      this.stamp = new Array<number>(slots).fill(0);
      this.hashes = new Array<number>(slots).fill(0);
    }
    this.mask = slots - 1;
    this.current++;
  }

  /** The first goal of the group with the signature of `index`, or -1 when it is the first (then it is added). */
  twin(index: number, hash: number, goals: readonly Goal[], texts: GoalTexts): number {
    let slot = hash & this.mask;
    while (this.stamp[slot] === this.current) {
      const other = this.goal[slot] as number;
      if (this.hashes[slot] === hash && sameSignature(other, index, goals, texts)) return other;
      slot = (slot + 1) & this.mask;
    }
    this.stamp[slot] = this.current;
    this.goal[slot] = index;
    this.hashes[slot] = hash;
    return -1;
  }
}

/** Whether two goals have the same parent key, goal text, KPI, period and target (a missing one as empty). */
function sameSignature(a: number, b: number, goals: readonly Goal[], texts: GoalTexts): boolean {
  const x = goals[a] as Goal;
  const y = goals[b] as Goal;
  return (
    texts.hash[a] === texts.hash[b] &&
    // Numbers as the joined signature showed them: -0 as 0.
    x.target === y.target &&
    (x.parentKey ?? "") === (y.parentKey ?? "") &&
    (texts.kpi[a] ?? "") === (texts.kpi[b] ?? "") &&
    (x.period?.key ?? "") === (y.period?.key ?? "") &&
    texts.goal(a) === texts.goal(b)
  );
}

const NUMBER_BITS = new Float64Array(1);
const NUMBER_WORDS = new Int32Array(NUMBER_BITS.buffer);

/** A 32-bit hash of a target: equal targets (0 and -0 too), equal hashes. */
function hashNumber(value: number | null): number {
  if (value === null) return 0x9e3779b9 | 0;
  NUMBER_BITS[0] = value + 0; // -0 + 0 is 0
  return (NUMBER_WORDS[0] as number) ^ Math.imul(NUMBER_WORDS[1] as number, 0x85ebca6b);
}

/** Folds a number into a running 32-bit hash. */
function mix(h: number, value: number): number {
  h = Math.imul(h ^ value, 0x01000193);
  return h ^ (h >>> 15);
}
