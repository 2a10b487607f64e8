import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  ToggleButton,
} from "@fluentui/react-components";
import {
  CheckboxCheckedRegular,
  CheckboxUncheckedRegular,
  DeleteRegular,
  ShieldTaskRegular,
  TableSettingsRegular,
} from "@fluentui/react-icons";
import { findingMessage, formatNumber, formatPercent, isoFromDay } from "../../domain";
import { AuditStep, boundsAddress } from "../../workbook/operations";
import { useLang, useText } from "../context";
import { Notice } from "../Notice/Notice";
import { StringId } from "../strings";
import { AuditPanelProps, SEVERITIES } from "./AuditPanel.types";
import { FindingGroups } from "./FindingGroups";
import { GoalFilterBar } from "../GoalFilter/GoalFilterBar";
import { HighlightLegend } from "./HighlightLegend";
import { ColumnMapping } from "./ColumnMapping";
import { TableChooser } from "./TableChooser";
import { useAuditPanel } from "./useAuditPanel";
import { useAuditPanelStyles } from "./useAuditPanelStyles.styles";

const STEP_TEXT: Record<Exclude<AuditStep, "done">, StringId> = {
  reading: "progress.reading",
  checking: "progress.checking",
  writing: "progress.writing",
};
/** What the empty Audit tab says will be checked. */
const INTRO_POINTS: readonly StringId[] = [
  "audit.introCascade",
  "audit.introDuplicates",
  "audit.introSmart",
  "audit.introPace",
];
const STEP_SHARE: Record<Exclude<AuditStep, "done">, number> = {
  reading: 0.2,
  checking: 0.5,
  writing: 0.8,
};

/** The Audit tab: one click audits the goal table, then the findings by code, the filter and the legend. */
export function AuditPanel(props: AuditPanelProps): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const lang = useLang();
  const t = useText();
  const state = useAuditPanel(props);
  const { session } = props;
  const { run, step, choices } = session;
  const activeStep = step === null || step === "done" ? null : step;
  const [mapping, setMapping] = React.useState(false);

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ShieldTaskRegular />}
          onClick={() => void session.audit()}
          // Focusable while busy: the keyboard's focus stays on the button it pressed, not on the page.
          disabledFocusable={session.busy}
        >
          {t("audit.run")}
        </Button>
        <Button
          icon={<DeleteRegular />}
          onClick={() => void session.clear()}
          disabledFocusable={session.busy}
        >
          {t("audit.clear")}
        </Button>
        <Button
          icon={<TableSettingsRegular />}
          aria-expanded={mapping}
          onClick={() => setMapping(!mapping)}
          disabledFocusable={session.busy}
        >
          {t("audit.mapColumns")}
        </Button>
      </div>

      {mapping && (
        <ColumnMapping
          mapping={props.mapping}
          onClose={() => setMapping(false)}
          onSave={async (next) => {
            await props.onSaveMapping(next);
            setMapping(false);
          }}
        />
      )}

      {activeStep && (
        <Field
          className={styles.progress}
          validationMessage={t(STEP_TEXT[activeStep])}
          validationState="none"
        >
          <ProgressBar value={STEP_SHARE[activeStep]} aria-label={t("progress.label")} />
        </Field>
      )}

      <Notice notice={session.notice} onDismiss={() => session.setNotice(null)} />

      {choices && (
        <TableChooser
          choices={choices}
          chosen={state.chosen}
          onChoose={state.setChosen}
          onAudit={state.auditChosen}
          onCancel={session.cancelChoice}
        />
      )}

      {!run && !choices && !activeStep && (
        <section className={styles.intro} aria-labelledby="audit-intro-title">
          <Text weight="semibold" id="audit-intro-title">
            {t("audit.introTitle")}
          </Text>
          <Text>{t("audit.intro")}</Text>
          <ul className={styles.introList}>
            {INTRO_POINTS.map((point) => (
              <li key={point}>
                <Text>{t(point)}</Text>
              </li>
            ))}
          </ul>
          <Text size={200}>{t("audit.introAfter")}</Text>
        </section>
      )}

      {run && state.missing.length > 0 && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("audit.stopped")}</MessageBarTitle>
            {state.missing.map((finding, index) => (
              <div key={index}>{findingMessage(finding, lang)}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      {run && state.missing.length === 0 && (
        <>
          <div className={styles.summary} aria-live="polite">
            <Text weight="semibold">
              {t("audit.summary", {
                goals: formatNumber(run.result.goals.length),
                // From the header row: the banner rows above it are not the table.
                place: `${run.source.sheet}!${boundsAddress({
                  ...run.bounds,
                  firstRow: run.read.headerRow ?? run.bounds.firstRow,
                })}`,
              })}
            </Text>
            <Text>
              {SEVERITIES.map(
                (severity) => `${t(`severity.${severity}`)} ${state.totals[severity]}`
              ).join(" · ")}
            </Text>
            <Text data-testid="audit-judged">
              {run.judged.asOf === null
                ? t("audit.judgedFull", { atRisk: formatPercent(run.judged.atRisk) })
                : t("audit.judgedOn", {
                    date: isoFromDay(run.judged.asOf),
                    atRisk: formatPercent(run.judged.atRisk),
                  })}
            </Text>
            {run.auditSheet && <Text>{t("audit.sheetWritten", { sheet: run.auditSheet })}</Text>}
          </div>

          {run.result.goals.length > 0 && (
            <GoalFilterBar
              result={run.result}
              filter={props.goalFilter}
              onChange={props.onGoalFilter}
              shown={{
                count: state.filtered?.count ?? run.result.findings.length,
                of: run.result.findings.length,
                what: "findings",
              }}
            />
          )}

          <div className={styles.filters} role="group" aria-label={t("filter.label")}>
            {SEVERITIES.map((severity) => (
              // On or off shows by a ticked or empty box, not only by the button's shade.
              <ToggleButton
                key={severity}
                size="small"
                checked={state.filter[severity]}
                icon={
                  state.filter[severity] ? <CheckboxCheckedRegular /> : <CheckboxUncheckedRegular />
                }
                onClick={() => state.toggleSeverity(severity)}
              >
                {`${t(`severity.${severity}`)} (${state.counts[severity]})`}
              </ToggleButton>
            ))}
          </div>

          {run.result.findings.length === 0 ? (
            <Text>{t("audit.clean")}</Text>
          ) : state.filtered?.goals === 0 ? (
            <Text>{t("filter.nothing")}</Text>
          ) : state.filtered?.count === 0 ? (
            <Text>{t("filter.noFindings")}</Text>
          ) : (
            <FindingGroups
              groups={state.groups}
              onSelect={state.selectFinding}
              onAllocate={props.onAllocate}
            />
          )}

          <HighlightLegend />
        </>
      )}
    </div>
  );
}
