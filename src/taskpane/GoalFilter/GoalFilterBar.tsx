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
  const list = (value: string | null) => (value === "" ? null : value);

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
        <Select
          size="small"
          aria-label={t("filter.owner")}
          value={filter.owner ?? ""}
          onChange={(_event, data) => set("owner", list(data.value))}
        >
          <option value="">{t("filter.allOwners")}</option>
          {choices.owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={t("filter.team")}
          value={filter.team ?? ""}
          disabled={choices.teams.length === 0}
          onChange={(_event, data) => set("team", list(data.value))}
        >
          <option value="">{t("filter.allTeams")}</option>
          {choices.teams.map((team) => (
            <option key={team.goal} value={team.id}>
              {team.owner ? `${team.id} · ${team.owner}` : team.id}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={t("filter.period")}
          value={filter.period ?? ""}
          disabled={choices.periods.length === 0}
          onChange={(_event, data) => set("period", list(data.value))}
        >
          <option value="">{t("filter.allPeriods")}</option>
          {choices.periods.map((period) => (
            <option key={period} value={period}>
              {period}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          aria-label={t("filter.status")}
          value={filter.status ?? ""}
          onChange={(_event, data) =>
            set("status", data.value === "" ? null : (data.value as Status | "none"))
          }
        >
          <option value="">{t("filter.allStatuses")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_NAMES[status][lang]}
            </option>
          ))}
          <option value="none">{t("filter.noStatus")}</option>
        </Select>
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
