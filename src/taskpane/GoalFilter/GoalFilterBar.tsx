import * as React from "react";
import { Button, makeStyles, SearchBox, Select, Text, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import {
  AuditResult,
  filterChoices,
  formatNumber,
  GoalFilter,
  isEmptyFilter,
  NO_FILTER,
  STATUS_NAMES,
  Status,
} from "../../domain";
import { useLang, useText } from "../context";

const STATUSES: readonly Status[] = ["onTrack", "atRisk", "offTrack"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Two lists a line at 320–350 px, four on a wide pane.
  lists: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalXS,
  },
  summary: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
});

export interface GoalFilterBarProps {
  result: AuditResult;
  filter: GoalFilter;
  onChange: (filter: GoalFilter) => void;
  /** How many goals (or findings) the filter keeps, of how many, for the line under the lists. */
  shown: { count: number; of: number; what: "goals" | "findings" };
}

/**
 * Search and filter of the Audit and Map tabs: words, owner, team, period and status. The same filter serves both
 * tabs (the App keeps it), so a manager who narrows the findings to a team sees that team's branch on the map.
 */
export function GoalFilterBar(props: GoalFilterBarProps): React.JSX.Element {
  const styles = useStyles();
  const t = useText();
  const lang = useLang();
  const { filter, onChange } = props;
  const choices = React.useMemo(() => filterChoices(props.result), [props.result]);
  const set = <K extends keyof GoalFilter>(key: K, value: GoalFilter[K]) =>
    onChange({ ...filter, [key]: value });

  return (
    <div className={styles.root} role="search" aria-label={t("filter.searchLabel")}>
      <SearchBox
        size="small"
        value={filter.text}
        placeholder={t("filter.searchPlaceholder")}
        aria-label={t("filter.searchLabel")}
        onChange={(_event, data) => set("text", data.value)}
      />
      <div className={styles.lists}>
        <FilterList
          label={t("filter.owner")}
          all={t("filter.allOwners")}
          value={filter.owner}
          choices={choices.owners.map((owner) => ({ value: owner, text: owner }))}
          onChange={(value) => set("owner", value)}
        />
        <FilterList
          label={t("filter.team")}
          all={t("filter.allTeams")}
          value={filter.team}
          disabled={choices.teams.length === 0}
          choices={choices.teams.map((team) => ({
            value: team.id,
            text: team.owner ? `${team.id} · ${team.owner}` : team.id,
          }))}
          onChange={(value) => set("team", value)}
        />
        <FilterList
          label={t("filter.period")}
          all={t("filter.allPeriods")}
          value={filter.period}
          disabled={choices.periods.length === 0}
          choices={choices.periods.map((period) => ({ value: period, text: period }))}
          onChange={(value) => set("period", value)}
        />
        <FilterList
          label={t("filter.status")}
          all={t("filter.allStatuses")}
          value={filter.status}
          choices={[
            ...STATUSES.map((status) => ({ value: status, text: STATUS_NAMES[status][lang] })),
            { value: "none", text: t("filter.noStatus") },
          ]}
          onChange={(value) => set("status", value as Status | "none" | null)}
        />
      </div>
      {!isEmptyFilter(filter) && (
        <div className={styles.summary}>
          <Text size={200} aria-live="polite" data-testid="filter-summary">
            {t(props.shown.what === "goals" ? "filter.shownGoals" : "filter.shownFindings", {
              count: formatNumber(props.shown.count),
              of: formatNumber(props.shown.of),
              n: props.shown.of,
            })}
          </Text>
          <Button
            size="small"
            appearance="subtle"
            icon={<DismissRegular />}
            onClick={() => onChange(NO_FILTER)}
          >
            {t("filter.clear")}
          </Button>
        </div>
      )}
    </div>
  );
}

/** One list of the filter: "All …" (no filter, null) first, then its choices. */
function FilterList(props: {
  label: string;
  all: string;
  value: string | null;
  choices: ReadonlyArray<{ value: string; text: string }>;
  disabled?: boolean;
  onChange: (value: string | null) => void;
}): React.JSX.Element {
  return (
    <Select
      size="small"
      aria-label={props.label}
      value={props.value ?? ""}
      disabled={props.disabled}
      onChange={(_event, data) => props.onChange(data.value === "" ? null : data.value)}
    >
      <option value="">{props.all}</option>
      {/* Keyed by place too: two teams may share an id (a duplicate id the audit reports). */}
      {props.choices.map((choice, index) => (
        <option key={`${index}:${choice.value}`} value={choice.value}>
          {choice.text}
        </option>
      ))}
    </Select>
  );
}
