import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { ArrowMaximizeVerticalRegular, ArrowMinimizeVerticalRegular } from "@fluentui/react-icons";
import {
  CODE_TITLES,
  findingMessage,
  formatNumber,
  formatPercent,
  NO_FILTER,
  STATUS_NAMES,
} from "../../domain";
import { useLang, useText } from "../context";
import { GoalFilterBar } from "../GoalFilter/GoalFilterBar";
import { Notice } from "../Notice/Notice";
import { CascadeMapProps } from "./CascadeMap.types";
import { CascadeMapRow, MapRowData } from "./CascadeMapRow";
import { useCascadeMap } from "./useCascadeMap";
import { MAP_ROW_HEIGHT, useCascadeMapStyles } from "./useCascadeMapStyles.styles";
import { VirtualFlatTree } from "./VirtualFlatTree";

/**
 * The cascade as a collapsible tree, company goals down to individuals. Virtualised: only the lines in view are
 * in the page, so a map of 50,000 goals opens and scrolls as fast as one of fifty.
 */
export function CascadeMap(props: CascadeMapProps): React.JSX.Element {
  const styles = useCascadeMapStyles();
  const lang = useLang();
  const t = useText();
  const state = useCascadeMap(props);
  const { map, rows } = state;

  const itemData = React.useMemo(
    (): MapRowData | null =>
      map
        ? {
            map,
            rows,
            items: state.items,
            active: state.active,
            lang,
            t,
            onChoose: state.choose,
            onFocusLine: state.focus,
          }
        : null,
    [map, rows, state.items, state.active, lang, t, state.choose, state.focus]
  );

  if (!props.run || !map || !itemData) {
    return (
      <div className={styles.root}>
        <Text>{t("map.empty")}</Text>
        <div>
          <Button onClick={props.onGoToAudit}>{t("common.goToAudit")}</Button>
        </div>
      </div>
    );
  }
  if (rows.length === 0 && !state.filtered) {
    return (
      <div className={styles.root}>
        <Text>{t("map.noGoals")}</Text>
      </div>
    );
  }
  const filterBar = props.onGoalFilter && (
    <GoalFilterBar
      result={props.run.result}
      filter={props.goalFilter ?? NO_FILTER}
      onChange={props.onGoalFilter}
      shown={{
        count: state.filtered?.count ?? map.nodes.size,
        of: state.filtered?.of ?? map.nodes.size,
        what: "goals",
      }}
    />
  );
  if (rows.length === 0) {
    return (
      <div className={styles.root}>
        {filterBar}
        <Text>{t("filter.nothing")}</Text>
      </div>
    );
  }
  const activeRow = rows[state.active];
  // The active goal's findings, listed under the tree: the ones its line counts.
  const activeGoal = activeRow ? props.run.result.goals[activeRow.goal] : undefined;
  const activeNode = activeRow ? map.nodes.get(activeRow.goal) : undefined;
  const activeFindings = activeNode?.findings ?? [];

  return (
    <div className={styles.root}>
      {filterBar}
      <div className={styles.toolbar}>
        <Button size="small" icon={<ArrowMaximizeVerticalRegular />} onClick={state.expandAll}>
          {t("map.expandAll")}
        </Button>
        <Button size="small" icon={<ArrowMinimizeVerticalRegular />} onClick={state.collapseAll}>
          {t("map.collapseAll")}
        </Button>
      </div>
      <Text size={200}>{t("map.help", { count: formatNumber(map.nodes.size) })}</Text>
      <Notice notice={state.notice} onDismiss={state.dismissNotice} />
      <VirtualFlatTree
        {...state.tree.getTreeProps()}
        onNavigation={state.onNavigation}
        aria-label={t("map.label")}
        size="small"
        className={styles.tree}
        listProps={{
          ref: state.listRef,
          height: Math.min(state.height, rows.length * MAP_ROW_HEIGHT + 2),
          width: "100%",
          itemCount: rows.length,
          itemSize: MAP_ROW_HEIGHT,
          itemData,
          itemKey: (index, data: MapRowData) => data.rows[index]?.goal ?? index,
          overscanCount: 4,
          children: CascadeMapRow,
        }}
      />
      {activeGoal && (
        <section className={styles.details} aria-live="polite" aria-labelledby="map-details-title">
          <Text weight="semibold" id="map-details-title">
            {t("map.findingsOf", {
              id: activeGoal.id ?? `#${activeGoal.row}`,
              row: activeGoal.row,
              count: activeFindings.length,
            })}
          </Text>
          {activeNode && (
            <Text>
              {t("map.detailValues", {
                owner: activeNode.owner ?? t("map.noOwner"),
                actual:
                  activeNode.actual === null
                    ? "—"
                    : formatNumber(activeNode.actual, activeNode.unit),
                target:
                  activeNode.target === null
                    ? "—"
                    : formatNumber(activeNode.target, activeNode.unit),
                attainment:
                  activeNode.attainment === null ? "—" : formatPercent(activeNode.attainment),
                status: activeNode.status
                  ? STATUS_NAMES[activeNode.status][lang]
                  : t("map.noStatus"),
              })}
            </Text>
          )}
          {activeFindings.length === 0 ? (
            <Text>{t("map.noFindings")}</Text>
          ) : (
            <ul className={styles.detailsList}>
              {activeFindings.map((finding, index) => (
                <li key={`${finding.code}:${finding.field ?? ""}:${index}`}>
                  <Text weight="semibold">{CODE_TITLES[finding.code][lang]}</Text>{" "}
                  {findingMessage(finding, lang)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
