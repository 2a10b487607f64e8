import {
  allocationPlan,
  AuditResult,
  cascadeMap,
  childPeriods,
  issueMessage,
  goalTemplate,
  HEADERS,
  Issue,
  improvementFormats,
  improvementRows,
  readPeriod,
  timeSplitPlan,
} from "../../src/domain";
import { audit, child, goal, rate, table } from "./builders";

function cascade(): AuditResult {
  return audit(
    table([
      goal({ id: "C1", target: 1000, actual: 700, weight: 1 }),
      child("C1", { id: "T1", target: 600, actual: 600, baseline: 300, weight: 2 }),
      child("C1", { id: "T2", target: 300, actual: 290, baseline: 100, weight: 1 }),
      child("X9", { id: "T3", target: 100, actual: 50 }),
    ])
  );
}

const proposed = (result: ReturnType<typeof allocationPlan>) =>
  result.ok ? result.value.map((line) => [line.id, line.proposed]) : result.issues;

describe("allocationPlan", () => {
  it("says the goal has no target when there is nothing to allocate, naming it", () => {
    const result = audit(table([goal({ id: "C1", target: null }), child("C1", { id: "T1" })]));
    const plan = allocationPlan(result, 0, { method: "even", group: "people" });
    expect(plan.ok ? null : plan.issues.map((issue) => issueMessage(issue, "en"))).toEqual([
      "Goal C1 has no target to allocate: enter its target first.",
    ]);
  });

  it("splits evenly, exactly", () => {
    expect(proposed(allocationPlan(cascade(), 0, { method: "even", group: "people" }))).toEqual([
      ["T1", 500],
      ["T2", 500],
    ]);
  });

  it("splits by the weight column", () => {
    expect(proposed(allocationPlan(cascade(), 0, { method: "weights", group: "people" }))).toEqual([
      ["T1", 667],
      ["T2", 333],
    ]);
  });

  it("splits like the baselines", () => {
    expect(proposed(allocationPlan(cascade(), 0, { method: "baseline", group: "people" }))).toEqual(
      [
        ["T1", 750],
        ["T2", 250],
      ]
    );
  });

  it("repeats the parent's target for rates", () => {
    expect(proposed(allocationPlan(cascade(), 0, { method: "repeat", group: "people" }))).toEqual([
      ["T1", 1000],
      ["T2", 1000],
    ]);
  });

  it("keeps decimals when asked", () => {
    const result = audit(
      table([
        goal({ id: "C1", target: 1 }),
        child("C1", { id: "A" }),
        child("C1", { id: "B" }),
        child("C1", { id: "D" }),
      ])
    );
    expect(
      proposed(allocationPlan(result, 0, { method: "even", group: "people", decimals: 2 }))
    ).toEqual([
      ["A", 0.34],
      ["B", 0.33],
      ["D", 0.33],
    ]);
  });

  it("refuses locked parts that leave nothing to spread", () => {
    const result = allocationPlan(cascade(), 0, {
      method: "even",
      group: "people",
      locked: new Set([1, 2]),
    });
    expect(result.ok ? "planned" : result.issues[0]?.code).toBe("LOCKED_EXCEED");
  });

  it("plans nothing for a goal without children", () => {
    expect(proposed(allocationPlan(cascade(), 1, { method: "even", group: "people" }))).toEqual([]);
  });
});

describe("timeSplitPlan", () => {
  const columns = (fields: string[]) =>
    Object.fromEntries(fields.map((field, index) => [field, index])) as Record<string, number>;

  function split(
    overrides: Parameters<typeof goal>[0],
    grain: "quarter" | "month",
    profile: number[] | null = null
  ) {
    const fields = [
      "id",
      "parent",
      "level",
      "owner",
      "goal",
      "kpi",
      "unit",
      "period",
      "deadline",
      "target",
    ] as const;
    const cells = table([goal({ id: "G1", level: "Team", ...overrides })], [...fields]);
    const result = audit(cells);
    const header = (cells[0] as string[]).map(
      (text) => Object.entries(HEADERS).find(([, h]) => h.en.includes(text))?.[0] as string
    );
    return {
      header,
      plan: timeSplitPlan(
        result,
        0,
        grain,
        profile,
        { columns: columns(header), firstColumn: 0, sourceRow: cells[1] as never },
        "en"
      ),
    };
  }

  it("spreads a yearly sum goal over twelve months that add up exactly", () => {
    const { plan } = split({ target: 1000 }, "month");
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    expect(plan.value.map((row) => row.id)).toEqual(
      Array.from({ length: 12 }, (_, k) => `G1-M${String(k + 1).padStart(2, "0")}`)
    );
    expect(plan.value.reduce((sum, row) => sum + row.target, 0)).toBe(1000);
    expect(plan.value[0]?.target).toBe(84);
  });

  it("follows a seasonality profile", () => {
    const { plan } = split({ target: 100 }, "quarter", [1, 1, 1, 2]);
    expect(plan.ok ? plan.value.map((row) => row.target) : plan.issues).toEqual([20, 20, 20, 40]);
  });

  it("repeats a rate's target in every period", () => {
    const { plan } = split({ ...rate(), id: "G1" }, "quarter");
    expect(plan.ok ? plan.value.map((row) => row.target) : plan.issues).toEqual([
      0.95, 0.95, 0.95, 0.95,
    ]);
  });

  it("copies the row and fills its own period, dates and target", () => {
    // The goal's deadline is an Excel date (2026-12-31): the periods' are too.
    const { plan, header } = split({ target: 400, owner: "Li Na", deadline: 46387 }, "quarter");
    if (!plan.ok) throw new Error("no plan");
    const cells = plan.value[1]?.cells ?? [];
    const at = (field: string) => cells[header.indexOf(field)];
    expect([at("id"), at("parent"), at("owner"), at("level"), at("period"), at("target")]).toEqual([
      "G1-Q2",
      "G1",
      "Li Na",
      "Team",
      "2026-Q2",
      100,
    ]);
    expect(at("deadline")).toBe(46203); // 2026-06-30
  });

  it("writes the rows as the sheet writes them: its period style, its dates as text, the amount its text states", () => {
    const { plan, header } = split(
      {
        target: 550000,
        goal: "全年解决55万件工单",
        period: "2026年度",
        deadline: "2026-12-31",
      },
      "quarter"
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const at = (k: number, field: string) => plan.value[k]?.cells[header.indexOf(field)];
    expect([0, 1, 2, 3].map((k) => at(k, "period"))).toEqual([
      "2026年第1季度",
      "2026年第2季度",
      "2026年第3季度",
      "2026年第4季度",
    ]);
    // Each period cell reads back as the period planned.
    expect(plan.value.map((_, k) => readPeriod(at(k, "period")))).toEqual(
      plan.value.map((row) => row.period)
    );
    expect(at(0, "deadline")).toBe("2026-03-31");
    expect(at(0, "goal")).toBe("第1季度解决13.75万件工单");
    expect(at(0, "target")).toBe(137500);
  });

  it("writes periods in words after a period in words, and keeps a text that states no amount", () => {
    const { plan, header } = split(
      { target: 1200, goal: "Resolve tickets faster", period: "Annual 2026" },
      "month"
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const at = (k: number, field: string) => plan.value[k]?.cells[header.indexOf(field)];
    expect([at(0, "period"), at(11, "period")]).toEqual(["Jan 2026", "Dec 2026"]);
    expect(at(2, "goal")).toBe("Resolve tickets faster（2026-03）");
  });

  it("refuses a profile of the wrong length", () => {
    const { plan } = split({ target: 100 }, "quarter", [1, 2]);
    expect(plan.ok ? "planned" : plan.issues[0]?.code).toBe("BAD_PROFILE");
  });

  it("needs a parent column to hang the new rows from", () => {
    const cells = table([goal({ id: "G1", target: 100 })]);
    const plan = timeSplitPlan(
      audit(cells),
      0,
      "quarter",
      null,
      { columns: { id: 0, goal: 1, target: 2 }, firstColumn: 0, sourceRow: [] },
      "en"
    );
    expect(plan.ok ? "planned" : plan.issues[0]?.code).toBe("NEEDS_COLUMN");
  });

  it("refuses to spread a month, or a quarter into quarters, saying so in words", () => {
    const month = split({ target: 100, period: "2026-03" }, "month").plan;
    expect(month.ok ? "planned" : issueMessage(month.issues[0] as Issue, "en")).toBe(
      "This goal's period, 2026-03, is a month: there is no smaller period to spread it into."
    );
    const quarter = split({ target: 100, period: "2026-Q2" }, "quarter").plan;
    expect(quarter.ok ? "planned" : issueMessage(quarter.issues[0] as Issue, "zh")).toBe(
      "该目标的周期 2026-Q2 是一个季度：请改为拆分到月。"
    );
  });

  it("knows a goal split by hand under ids of its own: its children hold every period", () => {
    const result = audit(
      table([
        goal({ id: "Q1", target: 300, period: "2026-Q1" }),
        child("Q1", { id: "Jan", target: 100, period: "2026-01" }),
        child("Q1", { id: "Feb", target: 100, period: "2026-02" }),
        child("Q1", { id: "Mar", target: 100, period: "2026-03" }),
        goal({ id: "Q2", target: 300, period: "2026-Q2" }),
        child("Q2", { id: "Apr", target: 100, period: "2026-04" }),
      ])
    );
    expect(childPeriods(result, 0, "month")).toEqual(["Jan", "Feb", "Mar"]);
    // Q2 lacks May and June: it can still be spread.
    expect(childPeriods(result, 4, "month")).toBeNull();
  });
});

describe("improvementRows", () => {
  it("lists off-track goals with their gap, in the user's language", () => {
    const rows = improvementRows(cascade(), new Set(), "zh", false);
    expect(rows.map((row) => [row[0], row[3], row[6], row[12]])).toEqual([
      ["C1", "落后", -300, "未开始"],
      ["T3", "落后", -50, "未开始"],
    ]);
  });

  it("adds at-risk goals when asked, and skips goals that already have a row", () => {
    const rows = improvementRows(cascade(), new Set(["c1"]), "en", true);
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ["T2", "At risk"],
      ["T3", "Off track"],
    ]);
  });

  it("formats a rate's amounts and every attainment as percentages, other amounts with separators", () => {
    const result = audit(
      table([
        rate({ id: "R1", target: "95%", actual: "80%" }),
        goal({ id: "V1", target: 1000.5, actual: 500 }),
      ])
    );
    const rows = improvementRows(result, new Set(), "en", false);
    expect(improvementFormats(result, rows).map((line) => line.slice(4, 8))).toEqual([
      ["0.0%", "0.0%", "0.0%", "0.0%"],
      ["#,##0.0#", "#,##0.0#", "#,##0.0#", "0.0%"],
    ]);
    expect(improvementFormats(result, rows)[0]?.slice(0, 4)).toEqual([null, null, null, null]);
  });
});

describe("cascadeMap", () => {
  it("builds the tree from the top goals, orphans shown as roots", () => {
    const map = cascadeMap(cascade());
    expect(map.roots).toEqual([0, 3]);
    expect(map.nodes.get(0)?.children).toEqual([1, 2]);
    expect(map.nodes.get(1)?.depth).toBe(1);
  });

  it("leaves a child without a target out of a weighted roll-up, its weight with it", () => {
    const result = audit(
      table([
        goal({ id: "C1", target: 15, rollup: "weighted" }),
        child("C1", { id: "T1", target: null, weight: 3 }),
        child("C1", { id: "T2", target: 10, weight: 1 }),
        child("C1", { id: "T3", target: 20, weight: 1 }),
      ])
    );
    expect(cascadeMap(result).nodes.get(0)?.childTarget).toBe(15);
  });

  it("rolls the people and the quarters of a goal up apart, never summed together", () => {
    // T1's year is 600: its two people share it out, and its four quarters split it in time (issue 12).
    const result = audit(
      table([
        goal({ id: "T1", target: 600, actual: 420 }),
        child("T1", { id: "P1", target: 300, actual: 200 }),
        child("T1", { id: "P2", target: 300, actual: 220 }),
        ...[1, 2, 3, 4].map((q) =>
          child("T1", {
            id: `T1-Q${q}`,
            period: `2026-Q${q}`,
            target: 150,
            actual: q < 4 ? 140 : null,
          })
        ),
      ])
    );
    const node = cascadeMap(result).nodes.get(0);
    expect([node?.childTarget, node?.childActual]).toEqual([600, 420]);
    expect([node?.periodTarget, node?.periodActual]).toEqual([600, 420]);
  });

  it("leaves a child in another unit out of a rate's roll-up", () => {
    const result = audit(
      table([
        rate({ id: "C1", target: "90%" }),
        rate({ id: "T1", parent: "C1", goal: "North keeps CSAT high", target: "92%" }),
        rate({ id: "T2", parent: "C1", goal: "South keeps CSAT high", target: "88%" }),
        goal({
          id: "T3",
          parent: "C1",
          goal: "Quality score of the east",
          kpi: "Quality score",
          unit: "分",
          target: 95,
        }),
      ])
    );
    expect(cascadeMap(result).nodes.get(0)?.childTarget).toBeCloseTo(0.9, 10);
  });

  it("rolls a branch's children up and counts each goal's findings", () => {
    const node = cascadeMap(cascade()).nodes.get(0);
    expect([node?.childTarget, node?.childActual, node?.status]).toEqual([900, 890, "offTrack"]);
    expect(node?.findings.length).toBeGreaterThan(0);
    expect(node?.worst).toBe("error");
  });

  it("leaves goals on a parent loop out", () => {
    const result = audit(
      table([goal({ id: "A", parent: "B" }), goal({ id: "B", parent: "A" }), goal({ id: "C" })])
    );
    const map = cascadeMap(result);
    expect(map.roots).toEqual([2]);
    expect([...map.nodes.keys()]).toEqual([2]);
  });
});

describe("goalTemplate", () => {
  it("has every column in the user's language with drop-downs and formats", () => {
    const template = goalTemplate("en", 2027);
    expect(template.columns.map((column) => column.header)).toEqual(
      Object.values(HEADERS).map((headers) => headers.en[0])
    );
    expect(template.columns.find((column) => column.field === "direction")?.choices).toEqual([
      "higher",
      "lower",
    ]);
    expect(template.columns.find((column) => column.field === "deadline")?.numberFormat).toBe(
      "yyyy-mm-dd"
    );
  });

  it("plans the year it is given and passes its own audit", () => {
    const template = goalTemplate("zh", 2027);
    const result = audit([template.columns.map((column) => column.header), ...template.rows]);
    expect(result.goals.map((g) => g.period?.key)).toEqual(["2027", "2027", "2027", "2027"]);
    expect(result.findings).toEqual([]);
  });
});
