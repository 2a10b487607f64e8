import * as React from "react";
import {
  Badge,
  FlatTreeItem,
  HeadlessFlatTreeItem,
  HeadlessFlatTreeItemProps,
  mergeClasses,
  Tooltip,
  TreeItemLayout,
} from "@fluentui/react-components";
import { ListChildComponentProps } from "react-window";
import {
  CascadeMap,
  formatNumber,
  formatPercent,
  HIGHLIGHT_COLORS,
  Lang,
  STATUS_NAMES,
} from "../../domain";
import { TextFunction } from "../context";
import { SEVERITY_BADGE } from "../AuditPanel/FindingGroups";
import { useCascadeMapStyles } from "./useCascadeMapStyles.styles";
import { VisibleNode } from "./visibleNodes";

/** What every line of the virtual list shares (react-window's itemData). */
export interface MapRowData {
  map: CascadeMap;
  rows: VisibleNode[];
  /** The headless tree's items, line for line with `rows`: their props make the FlatTreeItems. */
  items: HeadlessFlatTreeItem<HeadlessFlatTreeItemProps>[];
  active: number;
  lang: Lang;
  t: TextFunction;
  onChoose: (index: number) => void;
  onFocusLine: (index: number) => void;
}
/** The bar is full at this attainment, so that 110 % and 120 % still look different. */
const BAR_FULL = 1.2;

/** The id of a line's element, for aria-activedescendant. */
export function mapRowId(goal: number): string {
  return `cascade-node-${goal}`;
}

/**
 * One goal of the cascade map as a Fluent FlatTreeItem (its level, position and branch state from the headless
 * tree): id, text, owner, target and actual, attainment bar, findings and roll-up.
 */
export const CascadeMapRow = React.memo(function CascadeMapRow(
  props: ListChildComponentProps<MapRowData>
): React.JSX.Element | null {
  const styles = useCascadeMapStyles();
  const { index, style, data } = props;
  const row = data.rows[index];
  const item = data.items[index];
  const node = row ? data.map.nodes.get(row.goal) : undefined;
  if (!row || !item || !node) return null;
  const { lang, t } = data;
  const value = (amount: number | null) =>
    amount === null ? "—" : formatNumber(amount, node.unit);
  // A roll-up (an average of rates, of seconds) to one decimal, as the pane writes rates: 95.2%, 29.3 秒.
  const rolled = (amount: number | null) => {
    if (amount === null) return "—";
    const scale = node.unit === "%" && Math.abs(amount) <= 1.5 ? 1000 : 10;
    return formatNumber(Math.round(amount * scale) / scale, node.unit);
  };
  const status = node.status;
  const fill = status ? HIGHLIGHT_COLORS[status] : null;
  const share =
    node.attainment === null ? 0 : Math.max(0, Math.min(node.attainment, BAR_FULL)) / BAR_FULL;
  // Named by what the line shows (its content: a shorter label would hide what is on screen, WCAG 2.5.3), and
  // described by its owner, status and findings in words.
  const rowId = mapRowId(row.goal);
  const summary = [
    node.owner ?? "",
    status ? STATUS_NAMES[status][lang] : "",
    node.findings.length > 0 ? t("map.findings", { count: node.findings.length }) : "",
  ]
    .filter(Boolean)
    .join(", ");

  // The third line: who owns it, then what its children and periods add up to, or its status for a leaf.
  const summaryParts = row.hasChildren
    ? [
        node.childTarget !== null || node.childActual !== null || node.periodTarget === null
          ? t("map.rollup", { target: rolled(node.childTarget), actual: rolled(node.childActual) })
          : null,
        node.periodTarget !== null || node.periodActual !== null
          ? t("map.periods", {
              target: rolled(node.periodTarget),
              actual: rolled(node.periodActual),
            })
          : null,
      ].filter((part): part is string => part !== null)
    : [status ? STATUS_NAMES[status][lang] : t("map.noStatus")];

  return (
    <FlatTreeItem
      {...item.getTreeItemProps()}
      id={rowId}
      aria-selected={index === data.active}
      aria-describedby={`${rowId}-summary`}
      data-goal-id={node.id}
      className={styles.item}
      style={style}
      onClick={() => data.onChoose(index)}
      onFocus={(event) => {
        if (event.target === event.currentTarget) data.onFocusLine(index);
      }}
    >
      <TreeItemLayout
        className={mergeClasses(
          styles.row,
          row.hasChildren ? styles.branch : styles.leaf,
          index === data.active && styles.active
        )}
        // Given for a branch only: a slot given its props is drawn, on a leaf too.
        expandIcon={
          row.hasChildren
            ? ({ "data-testid": "map-toggle" } as React.HTMLAttributes<HTMLElement>)
            : undefined
        }
        main={{ className: styles.main }}
      >
        <div className={styles.line}>
          <span className={styles.id} id={`${rowId}-id`}>
            {node.id}
          </span>
          <Tooltip content={node.text || t("map.noText")} relationship="description" withArrow>
            <span className={styles.text} data-testid="map-text" id={`${rowId}-text`}>
              {node.text || t("map.noText")}
            </span>
          </Tooltip>
          {node.findings.length > 0 && node.worst && (
            <Badge
              size="small"
              appearance="filled"
              color={SEVERITY_BADGE[node.worst]}
              aria-label={t("map.findingsWorst", {
                count: node.findings.length,
                severity: t(`severity.${node.worst}`),
              })}
            >
              {node.findings.length}
            </Badge>
          )}
        </div>
        <div className={styles.line}>
          <span className={styles.detail}>
            {t("map.values", { target: value(node.target), actual: value(node.actual) })}
          </span>
          <span id={`${rowId}-summary`} hidden>
            {summary}
          </span>
          <span
            className={styles.bar}
            // A meter needs a value: a goal without an attainment shows an empty bar, drawn only (the "—" says it).
            {...(node.attainment === null
              ? { "aria-hidden": true }
              : {
                  role: "meter",
                  "aria-valuemin": 0,
                  "aria-valuemax": BAR_FULL * 100,
                  "aria-valuenow": Math.round(node.attainment * 100),
                  "aria-label": t("map.attainment"),
                })}
          >
            {fill && (
              <span
                className={styles.barFill}
                style={{
                  display: "block",
                  width: `${share * 100}%`,
                  backgroundColor: `#${fill.fill}`,
                  borderRight: `2px solid #${fill.font}`,
                }}
              />
            )}
          </span>
          <span className={styles.percent}>
            {node.attainment === null ? "—" : formatPercent(node.attainment)}
          </span>
        </div>
        <div className={styles.line}>
          <span className={styles.detail}>
            {[node.owner ?? t("map.noOwner"), ...summaryParts].join(" · ")}
          </span>
        </div>
      </TreeItemLayout>
    </FlatTreeItem>
  );
});
