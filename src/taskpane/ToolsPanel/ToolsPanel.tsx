import * as React from "react";
import { Button, Divider, Subtitle2, Text } from "@fluentui/react-components";
import { CursorClickRegular } from "@fluentui/react-icons";
import { formatNumber } from "../../domain";
import { AllocatePanel } from "../AllocatePanel/AllocatePanel";
import { useText } from "../context";
import { Notice } from "../Notice/Notice";
import { TimeSplitPanel } from "../TimeSplitPanel/TimeSplitPanel";
import { ImproveSection } from "./ImproveSection";
import { TemplateSection } from "./TemplateSection";
import { ToolsPanelProps } from "./ToolsPanel.types";
import { useToolsPanel } from "./useToolsPanel";
import { useToolsPanelStyles } from "./useToolsPanelStyles.styles";

/** The Tools tab: start a cascade, then allocate, spread in time and improve from the last audit. */
export function ToolsPanel(props: ToolsPanelProps): React.JSX.Element {
  const styles = useToolsPanelStyles();
  const t = useText();
  const state = useToolsPanel(props);
  const { run } = props;
  const goal = run && state.goal !== null ? run.result.goals[state.goal] : undefined;

  return (
    <div className={styles.root}>
      <TemplateSection />
      <Divider />
      {!run || run.result.goals.length === 0 ? (
        <section className={styles.section}>
          <Text>{t("tools.needAudit")}</Text>
          <div>
            <Button onClick={props.onGoToAudit}>{t("common.goToAudit")}</Button>
          </div>
        </section>
      ) : (
        <>
          <section className={styles.section} aria-labelledby="goal-title">
            <Subtitle2 as="h3" id="goal-title">
              {t("goal.title")}
            </Subtitle2>
            <Text>{t("goal.intro")}</Text>
            <div className={styles.actions}>
              <Button
                icon={<CursorClickRegular />}
                onClick={() => void state.pickSelectedGoal()}
                disabled={state.busy}
              >
                {t("goal.useSelected")}
              </Button>
            </div>
            <Notice notice={state.notice} onDismiss={state.dismissNotice} />
            {goal && (
              <div className={styles.goal} aria-live="polite" data-testid="selected-goal">
                <Text weight="semibold">
                  {t("goal.picked", { id: goal.id ?? `#${goal.row}`, row: goal.row })}
                </Text>
                {goal.goal && <Text>{goal.goal}</Text>}
                <Text>
                  {t("goal.target", {
                    target: goal.target === null ? "—" : formatNumber(goal.target, goal.unit),
                  })}
                </Text>
              </div>
            )}
          </section>
          {goal && state.goal !== null && (
            <>
              <AllocatePanel run={run} goal={state.goal} reaudit={props.reaudit} />
              <Divider />
              <TimeSplitPanel run={run} goal={state.goal} reaudit={props.reaudit} />
            </>
          )}
          <Divider />
          <ImproveSection run={run} />
        </>
      )}
    </div>
  );
}
