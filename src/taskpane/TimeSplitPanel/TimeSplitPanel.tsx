import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { CalendarAddRegular } from "@fluentui/react-icons";
import { formatNumber, issueMessage, TimeGrain } from "../../domain";
import { useLang, useText } from "../context";
import { Notice } from "../Notice/Notice";
import { StringId } from "../strings";
import { useToolsPanelStyles } from "../ToolsPanel/useToolsPanelStyles.styles";
import { PERIOD_COUNT, ProfileProblem } from "./profile";
import { TimeSplitPanelProps } from "./TimeSplitPanel.types";
import { useTimeSplitPanel } from "./useTimeSplitPanel";

const PROBLEM_TEXT: Record<ProfileProblem, StringId> = {
  number: "split.profileNumber",
  count: "split.profileCount",
  total: "split.profileTotal",
};

/** Spread in time: the picked goal as quarter or month rows, previewed, then added to the table. */
export function TimeSplitPanel(props: TimeSplitPanelProps): React.JSX.Element {
  const styles = useToolsPanelStyles();
  const lang = useLang();
  const t = useText();
  const state = useTimeSplitPanel(props);
  const goal = props.run.result.goals[props.goal];
  const unit = goal?.unit ?? null;
  const count = PERIOD_COUNT[state.grain];
  const issue = state.plan && !state.plan.ok ? state.plan.issues[0] : undefined;
  // The period as it will be written (in the sheet's own style: 2026年第1季度, Q1 2026, 2026-Q1).
  const periodColumn = (props.run.read.columns.period ?? 0) - props.run.bounds.firstColumn;

  return (
    <section className={styles.section} aria-labelledby="split-title">
      <Subtitle2 as="h3" id="split-title">
        {t("split.title")}
      </Subtitle2>
      <Field label={t("split.grain")}>
        <RadioGroup
          layout="horizontal"
          value={state.grain}
          onChange={(_event, data) => state.setGrain(data.value as TimeGrain)}
        >
          <Radio value="quarter" label={t("split.quarters")} />
          <Radio value="month" label={t("split.months")} />
        </RadioGroup>
      </Field>
      <Field
        label={t("split.profile", { count })}
        hint={t("split.profileHint", { count })}
        validationState={state.problem ? "error" : "none"}
        validationMessage={state.problem ? t(PROBLEM_TEXT[state.problem], { count }) : undefined}
      >
        <Input
          value={state.profileText}
          placeholder={count === 4 ? "1, 1, 1, 1" : "1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1"}
          onChange={(_event, data) => state.setProfileText(data.value)}
        />
      </Field>

      {state.existing && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t("split.existing", {
              first: state.existing[0] as string,
              last: state.existing[state.existing.length - 1] as string,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {issue && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{issueMessage(issue, lang)}</MessageBarBody>
        </MessageBar>
      )}

      {state.plan?.ok && (
        <Table size="extra-small" aria-label={t("split.preview")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("column.id")}</TableHeaderCell>
              <TableHeaderCell>{t("column.period")}</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>{t("column.target")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.plan.value.map((row) => (
              <TableRow key={row.id}>
                <TableCell>{row.id}</TableCell>
                <TableCell>{String(row.cells[periodColumn] ?? row.period.key)}</TableCell>
                <TableCell className={styles.numeric}>{formatNumber(row.target, unit)}</TableCell>
              </TableRow>
            ))}
            {goal?.rollup === "sum" && (
              <TableRow>
                <TableCell className={styles.total}>Σ</TableCell>
                <TableCell />
                <TableCell className={mergeClasses(styles.numeric, styles.total)}>
                  {formatNumber(state.total, unit)}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      {state.plan?.ok && goal?.rollup !== "sum" && <Text>{t("split.rate")}</Text>}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<CalendarAddRegular />}
          disabled={state.busy || !state.plan?.ok}
          onClick={() => void state.add()}
        >
          {t("split.add", { count: state.plan?.ok ? state.plan.value.length : count })}
        </Button>
      </div>
      <Notice notice={state.notice} onDismiss={state.dismissNotice} />
    </section>
  );
}
