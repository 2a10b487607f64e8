/**
 * The GOAL.* functions over plain values (DESIGN §5): one implementation that the Excel custom functions and the
 * HyperFormula plugin both call. Arguments arrive as single values or ranges; results are matrices in which each
 * cell is a value or its own error.
 */
import {
  allocate,
  attainment,
  auditTables,
  CellValue,
  findingMessage,
  isoFromDay,
  Lang,
  pace,
  parseAuditOptions,
  percentVariance,
  readGoalTable,
  readNumber,
  rollupValues,
  score,
  ScoreItem,
  specificityProblem,
  STATUS_NAMES,
  statusOf,
  normalizeText,
  UNREADABLE,
  variance,
} from "../domain";
import {
  Argument,
  asGrid,
  cellAt,
  commonShape,
  elementwise,
  errorOf,
  flatten,
  FunctionError,
  Got,
  isEmpty,
  Output,
  readBooleanArgument,
  readDateArgument,
  readDirectionArgument,
  readMethodArgument,
  readNumberArgument,
  readNumberOrNull,
  readOptionalDate,
  readOptionalNumber,
  readTextArgument,
  resultError,
  isFunctionError,
} from "./arguments";

type Matrix = Output[][];

/** The first failed read among several, or null when all succeeded. */
function firstError(...reads: Got<unknown>[]): FunctionError | null {
  for (const read of reads) if (!read.ok) return read.error;
  return null;
}

function single(output: Output): Matrix {
  return [[output]];
}

/**
 * GOAL.VARIANCE: favourable-positive variance (actual − target, or target − actual when lower is better), or the
 * percent variance when `as_percent` is TRUE.
 * @example goalVariance(90, 100, "lower") // [[10]]
 */
export function goalVariance(
  actual: Argument,
  target: Argument,
  direction?: Argument,
  asPercent?: Argument
): Matrix {
  return elementwise(
    [
      ["actual", actual],
      ["target", target],
      ["direction", direction],
      ["as_percent", asPercent],
    ],
    (cell) => {
      const a = readNumberArgument(cell(0), "actual");
      const t = readNumberArgument(cell(1), "target");
      const d = readDirectionArgument(cell(2), "direction");
      const p = readBooleanArgument(cell(3), "as_percent", false);
      const error = firstError(a, t, d, p);
      if (error || !a.ok || !t.ok || !d.ok || !p.ok) return error as FunctionError;
      if (!p.value) return variance(a.value, t.value, d.value);
      const share = percentVariance(a.value, t.value, d.value);
      return share.ok ? share.value : resultError(share);
    }
  );
}

/**
 * GOAL.ATTAINMENT: 1 + percent variance, optionally capped.
 * @example goalAttainment(30, 25, "lower") // [[0.8]]
 */
export function goalAttainment(
  actual: Argument,
  target: Argument,
  direction?: Argument,
  cap?: Argument
): Matrix {
  return elementwise(
    [
      ["actual", actual],
      ["target", target],
      ["direction", direction],
      ["cap", cap],
    ],
    (cell) => {
      const a = readNumberArgument(cell(0), "actual");
      const t = readNumberArgument(cell(1), "target");
      const d = readDirectionArgument(cell(2), "direction");
      const c = readNumberOrNull(cell(3), "cap");
      const error = firstError(a, t, d, c);
      if (error || !a.ok || !t.ok || !d.ok || !c.ok) return error as FunctionError;
      const result = attainment(a.value, t.value, d.value, c.value);
      return result.ok ? result.value : resultError(result);
    }
  );
}

/** Labels that mean "the Chinese words" rather than three labels of one's own. */
const CHINESE_LABELS = new Set(["zh", "zh-cn", "cn", "中文", "chinese"]);

/** Three status labels from "On track,At risk,Off track" (also with ， 、 ; or |), or the words of a language. */
function readLabels(value: CellValue): Got<[string, string, string]> {
  const text = readTextArgument(value, "labels");
  if (!text.ok) return text;
  const language: Lang | null =
    text.value === null ? "en" : CHINESE_LABELS.has(normalizeText(text.value)) ? "zh" : null;
  if (language) {
    return {
      ok: true,
      value: [
        STATUS_NAMES.onTrack[language],
        STATUS_NAMES.atRisk[language],
        STATUS_NAMES.offTrack[language],
      ],
    };
  }
  const labels = (text.value as string).split(/[,，、;；|]/).map((label) => label.trim());
  if (labels.length !== 3 || labels.some((label) => label === ""))
    return { ok: false, error: errorOf({ code: "BAD_LABELS", params: { argument: "labels" } }) };
  return { ok: true, value: labels as [string, string, string] };
}

/**
 * GOAL.STATUS: "On track" (attainment ≥ 1), "At risk" (≥ at_risk, default 0.9) or "Off track", or the three
 * labels given ("达标,预警,落后", or "zh" for those).
 * @example goalStatus(95, 100) // [["At risk"]]
 */
export function goalStatus(
  actual: Argument,
  target: Argument,
  direction?: Argument,
  atRisk?: Argument,
  labels?: Argument
): Matrix {
  return elementwise(
    [
      ["actual", actual],
      ["target", target],
      ["direction", direction],
      ["at_risk", atRisk],
      ["labels", labels],
    ],
    (cell) => {
      const a = readNumberArgument(cell(0), "actual");
      const t = readNumberArgument(cell(1), "target");
      const d = readDirectionArgument(cell(2), "direction");
      const r = readOptionalNumber(cell(3), "at_risk", 0.9);
      const l = readLabels(cell(4));
      const error = firstError(a, t, d, r, l);
      if (error || !a.ok || !t.ok || !d.ok || !r.ok || !l.ok) return error as FunctionError;
      const attained = attainment(a.value, t.value, d.value);
      if (!attained.ok) return resultError(attained);
      const status = statusOf(attained.value, r.value);
      return l.value[status === "onTrack" ? 0 : status === "atRisk" ? 1 : 2];
    }
  );
}

/** Weights of a seasonality profile: numbers, blanks skipped at the end only. */
function readProfile(argument: Argument): Got<number[] | null> {
  if (argument === undefined) return { ok: true, value: null };
  const cells = flatten(argument);
  while (cells.length > 0 && isEmpty(cells[cells.length - 1] as CellValue)) cells.pop();
  if (cells.length === 0) return { ok: true, value: null };
  const weights: number[] = [];
  for (const cell of cells) {
    const weight = readNumberArgument(cell, "profile");
    if (!weight.ok) return weight;
    weights.push(weight.value);
  }
  return { ok: true, value: weights };
}

/**
 * GOAL.PACE: the value expected by `as_of`: baseline + (target − baseline) × the elapsed share of
 * [start, deadline], linear in days or along a seasonality profile of period weights.
 * @example goalPace(1200, "2026-01-01", "2026-12-31", "2026-06-30") // [[595.07]] (181 of 365 days)
 */
export function goalPace(
  target: Argument,
  start: Argument,
  deadline: Argument,
  asOf: Argument,
  baseline?: Argument,
  profile?: Argument
): Matrix {
  const weights = readProfile(profile);
  if (!weights.ok) return single(weights.error);
  return elementwise(
    [
      ["target", target],
      ["start", start],
      ["deadline", deadline],
      ["as_of", asOf],
      ["baseline", baseline],
    ],
    (cell) => {
      const t = readNumberArgument(cell(0), "target");
      const s = readDateArgument(cell(1), "start");
      const d = readDateArgument(cell(2), "deadline");
      const o = readDateArgument(cell(3), "as_of");
      const b = readNumberArgument(cell(4), "baseline");
      const error = firstError(t, s, d, o, b);
      if (error || !t.ok || !s.ok || !d.ok || !o.ok || !b.ok) return error as FunctionError;
      const expected = pace(t.value, s.value, d.value, o.value, b.value, weights.value);
      if (expected.ok) return expected.value;
      if (expected.issues[0]?.code === "DEADLINE_BEFORE_START") {
        return errorOf({
          code: "DEADLINE_BEFORE_START",
          params: { deadline: isoFromDay(d.value), start: isoFromDay(s.value) },
        });
      }
      return resultError(expected);
    }
  );
}

/**
 * GOAL.ALLOCATE: parts of `total` that add up to it exactly (largest remainder, ties to the earlier part),
 * proportional to a range of weights (spilled in its shape), or a count of even parts spilled down a column.
 * @example goalAllocate(100, 3) // [[34], [33], [33]]
 */
export function goalAllocate(
  total: Argument,
  weightsOrCount: Argument,
  decimals?: Argument
): Matrix {
  const amount = readNumberArgument(cellAt(total, 0, 0), "total");
  if (!amount.ok) return single(amount.error);
  const places = readOptionalNumber(cellAt(decimals, 0, 0), "decimals", 0);
  if (!places.ok) return single(places.error);
  const grid = asGrid(weightsOrCount);
  const isCount = grid.length === 1 && grid[0]?.length === 1;
  let weights: number[];
  let rows: number;
  let columns: number;
  if (isCount) {
    const count = readNumber(grid[0]?.[0] ?? null);
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100_000) {
      const value = grid[0]?.[0];
      return single(
        errorOf({
          code: "BAD_COUNT",
          params: {
            argument: "weights_or_count",
            value: count === UNREADABLE ? String(value) : String(count),
          },
        })
      );
    }
    weights = new Array<number>(count).fill(1);
    rows = count;
    columns = 1;
  } else {
    rows = grid.length;
    columns = grid[0]?.length ?? 1;
    weights = [];
    for (const cell of grid.flat()) {
      const weight = readNumberArgument(cell, "weights_or_count");
      if (!weight.ok) return single(weight.error);
      weights.push(weight.value);
    }
  }
  const parts = allocate(amount.value, weights, { decimals: places.value });
  if (!parts.ok) return single(resultError(parts));
  const result: Matrix = [];
  for (let row = 0; row < rows; row++)
    result.push(parts.value.slice(row * columns, (row + 1) * columns));
  return result;
}

/** An argument of GOAL.ROLLUP read per goal: one cell for every goal, or one cell each. */
function perGoal(
  name: string,
  argument: Argument,
  goals: number
): Got<(goal: number) => CellValue> {
  const cells = argument === undefined ? [null] : flatten(argument);
  if (cells.length === 1) return { ok: true, value: () => cells[0] ?? null };
  if (cells.length === goals) return { ok: true, value: (goal) => cells[goal] ?? null };
  return {
    ok: false,
    error: errorOf({
      code: "SHAPE_MISMATCH",
      params: { argument: name, actual: cells.length, expected: goals, other: "ids" },
    }),
  };
}

/**
 * GOAL.ROLLUP: each goal's rolled-up value, as a column beside the ids: a goal without children keeps its own
 * value; a parent gets the aggregate (sum by default) of its children's rolled-up values. O(n): ids in a hash map,
 * goals visited leaves first.
 * @example goalRollup([["T"], ["A"], ["B"]], [[null], ["T"], ["T"]], [[0], [60], [40]]) // [[100], [60], [40]]
 */
export function goalRollup(
  ids: Argument,
  parentIds: Argument,
  values: Argument,
  method?: Argument,
  weights?: Argument
): Matrix {
  const idCells = flatten(ids);
  const n = idCells.length;
  const parentOf = perGoal("parent_ids", parentIds, n);
  const valueOf = perGoal("values", values, n);
  const methodOf = perGoal("method", method, n);
  const weightOf = perGoal("weights", weights, n);
  const shapeError = firstError(parentOf, valueOf, methodOf, weightOf);
  if (shapeError || !parentOf.ok || !valueOf.ok || !methodOf.ok || !weightOf.ok)
    return single(shapeError as FunctionError);

  // Blank id rows stay blank; a row that fails keeps its error and fails its ancestors.
  const out: Output[] = new Array<Output>(n).fill("");
  const failed = (i: number) => isFunctionError(out[i]);
  const present = new Uint8Array(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = readTextArgument(idCells[i] ?? null, "ids");
    if (!id.ok) out[i] = id.error;
    if (!id.ok || id.value === null) continue;
    present[i] = 1;
    const key = normalizeText(id.value);
    if (index.has(key))
      out[i] = errorOf({ code: "DUPLICATE_GOAL_ID", params: { value: id.value } });
    else index.set(key, i);
  }

  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    if (!present[i] || failed(i)) continue;
    const parentId = readTextArgument(parentOf.value(i), "parent_ids");
    if (!parentId.ok) out[i] = parentId.error;
    if (!parentId.ok || parentId.value === null) continue;
    const p = index.get(normalizeText(parentId.value));
    if (p === undefined) {
      out[i] = errorOf({ code: "UNKNOWN_ID", params: { value: parentId.value } });
      continue;
    }
    parent[i] = p;
    (children[p] as number[]).push(i);
  }

  // Leaves first: a goal is ready once all its children are; goals on a parent loop never become ready.
  const pending = Int32Array.from(children, (list) => list.length);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (present[i] && pending[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) {
    const p = parent[order[k] as number] as number;
    if (p >= 0 && --pending[p]! === 0) order.push(p);
  }
  const ready = new Uint8Array(n);
  for (const i of order) {
    ready[i] = 1;
    if (!failed(i))
      out[i] = rolledUp(
        i,
        children[i] as number[],
        out,
        valueOf.value,
        methodOf.value,
        weightOf.value
      );
  }
  for (let i = 0; i < n; i++) {
    if (present[i] && !ready[i] && !failed(i))
      out[i] = errorOf({ code: "PARENT_LOOP", params: { value: String(idCells[i]) } });
  }
  return out.map((value) => [value]);
}

/** One goal's rolled-up value from its own value, or from its children's (already computed) values. */
function rolledUp(
  goal: number,
  kids: readonly number[],
  out: readonly Output[],
  valueOf: (goal: number) => CellValue,
  methodOf: (goal: number) => CellValue,
  weightOf: (goal: number) => CellValue
): Output {
  const own = readNumberArgument(valueOf(goal), "values");
  const how = readMethodArgument(methodOf(goal), "method", "sum");
  if (!own.ok) return own.error;
  if (!how.ok) return how.error;
  if (kids.length === 0 || how.value === "none") return own.value;
  const failedChild = kids.find((child) => isFunctionError(out[child]));
  if (failedChild !== undefined) return out[failedChild] as FunctionError;
  const childWeights: number[] = [];
  if (how.value === "weighted") {
    for (const child of kids) {
      const weight = readNumberArgument(weightOf(child), "weights");
      if (!weight.ok) return weight.error;
      childWeights.push(weight.value);
    }
  }
  return rollupValues(
    kids.map((child) => out[child] as number),
    how.value,
    childWeights
  ) as number;
}

/**
 * GOAL.SMART: "SMART" when the goal passes every letter, else the passing letters with "-" for each failure
 * ("SM-R-"). S: specific text; M: a numeric target (and a KPI when the argument is given); A: a target better than
 * the baseline but by no more than 50 %, and an owner when the argument is given; R: a parent when the argument
 * is given; T: a deadline.
 * @example goalSmart("努力提升", 100, "2026-12-31") // [["-MART"]]
 */
export function goalSmart(
  goal: Argument,
  target: Argument,
  deadline?: Argument,
  owner?: Argument,
  baseline?: Argument,
  parent?: Argument,
  kpi?: Argument
): Matrix {
  return elementwise(
    [
      ["goal", goal],
      ["target", target],
      ["deadline", deadline],
      ["owner", owner],
      ["baseline", baseline],
      ["parent", parent],
      ["kpi", kpi],
    ],
    (cell) => {
      const text = readTextArgument(cell(0), "goal");
      // Excel on the desktop passes 0 for a blank cell: a target of 0 reads as no target on every platform.
      const t = readOptionalNumber(cell(1), "target", Number.NaN);
      const d = readOptionalDate(cell(2), "deadline");
      const o = readTextArgument(cell(3), "owner");
      const b = readNumberOrNull(cell(4), "baseline");
      const p = readTextArgument(cell(5), "parent");
      const k = readTextArgument(cell(6), "kpi");
      const error = firstError(text, t, d, o, b, p, k);
      if (error || !text.ok || !t.ok || !d.ok || !o.ok || !b.ok || !p.ok || !k.ok)
        return error as FunctionError;
      const specific = specificityProblem(text.value) === null;
      const target = Number.isNaN(t.value) ? null : t.value;
      const measurable = target !== null && (kpi === undefined || k.value !== null);
      let achievable = owner === undefined || o.value !== null;
      if (b.value !== null && target !== null) {
        const gain = target - b.value;
        if (gain <= 1e-9 * Math.max(1, Math.abs(b.value))) achievable = false;
        else if (b.value !== 0 && gain / Math.abs(b.value) > 0.5 + 1e-12) achievable = false;
      }
      const relevant = parent === undefined || p.value !== null;
      const timed = d.value !== null;
      const letters = [
        specific ? "S" : "-",
        measurable ? "M" : "-",
        achievable ? "A" : "-",
        relevant ? "R" : "-",
        timed ? "T" : "-",
      ].join("");
      return letters;
    }
  );
}

/**
 * GOAL.SCORE: Σ weight × min(attainment, cap) / Σ weight over the goals that are not exempt (DESIGN §4).
 * Cells left empty ("" or blank) are goals without an attainment yet, and are not scored.
 * @example goalScore([[1.1], [0.8]], [[0.6], [0.4]]) // [[0.98]]
 */
export function goalScore(
  attainments: Argument,
  weights?: Argument,
  exempt?: Argument,
  cap?: Argument
): Matrix {
  const shape = commonShape([
    ["attainments", attainments],
    ["weights", weights],
    ["exempt", exempt],
  ]);
  if (!shape.ok) return single(shape.error);
  const c = readOptionalNumber(cellAt(cap, 0, 0), "cap", 1.2);
  if (!c.ok) return single(c.error);
  const items: ScoreItem[] = [];
  for (let row = 0; row < shape.value.rows; row++) {
    for (let column = 0; column < shape.value.columns; column++) {
      const raw = cellAt(attainments, row, column);
      if (isEmpty(raw)) continue;
      const a = readNumberArgument(raw, "attainments");
      const w =
        weights === undefined ? null : readNumberArgument(cellAt(weights, row, column), "weights");
      const x = readBooleanArgument(cellAt(exempt, row, column), "exempt", false);
      const error = firstError(a, x, ...(w ? [w] : []));
      if (error || !a.ok || !x.ok) return single(error as FunctionError);
      items.push({ attainment: a.value, weight: w && w.ok ? w.value : null, exempt: x.value });
    }
  }
  const result = score(items, c.value);
  return single(result.ok ? result.value : resultError(result));
}

/**
 * GOAL.AUDIT: the findings of a goal table (a range with its header row), one row each: worksheet row, id, code,
 * message. `firstRow` is the worksheet row of the range's first row when the caller knows it.
 * @example goalAudit([["ID", "Goal", "Target"], ["G1", "Resolve tickets", 100]], "en")
 */
export function goalAudit(table: Argument, language: Lang, firstRow = 1, asOf?: Argument): Matrix {
  const grid = asGrid(table);
  const day = readOptionalDate(cellAt(asOf, 0, 0), "as_of");
  if (!day.ok) return single(day.error);
  const options = parseAuditOptions({ asOf: day.value === null ? null : isoFromDay(day.value) });
  if (!options.ok) return single(resultError(options));
  const result = auditTables([readGoalTable(grid, { firstRow })], options.value);
  if (result.findings.length === 0) {
    return [["", "", "", language === "zh" ? "没有发现问题" : "No findings"]];
  }
  return result.findings.map((finding) => [
    finding.row,
    finding.id ?? "",
    finding.code,
    findingMessage(finding, language),
  ]);
}
