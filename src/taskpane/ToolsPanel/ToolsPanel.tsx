import * as React from "react";
import {
  Button,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { ArrowUndoRegular, CursorClickRegular } from "@fluentui/react-icons";
import { formatNumber } from "../../domain";
import { AllocatePanel } from "../AllocatePanel/AllocatePanel";
import { useLang, useText, useWorkbook } from "../context";
import { DismissButton, Notice, noticeWords } from "../Notice/Notice";
import { WriteUndo } from "../../workbook/operations";
import { StringId, TextParams } from "../strings";
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
  // Focus kept: once a write is undone its message (with the Undo pressed) goes away, and the tab takes the focus
  // rather than the page's body.
  const root = React.useRef<HTMLDivElement>(null);
  const hadWrite = React.useRef(false);
  React.useEffect(() => {
    const had = hadWrite.current;
    hadWrite.current = state.done !== null;
    if (!had || state.done !== null) return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) root.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [state.done]);

  return (
    <div className={styles.root} ref={root} tabIndex={-1}>
      <DoneWriteBar state={state} />
      <TemplateSection onWritten={state.onWritten} />
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
              <AllocatePanel
                run={run}
                goal={state.goal}
                reaudit={props.reaudit}
                onWritten={state.onWritten}
              />
              <Divider />
              <TimeSplitPanel
                run={run}
                goal={state.goal}
                reaudit={props.reaudit}
                onWritten={state.onWritten}
              />
            </>
          )}
          <Divider />
          <ImproveSection run={run} onWritten={state.onWritten} />
        </>
      )}
    </div>
  );
}

/** How the pane's Undo takes back a write, said after what it wrote. */
function undoHint(undo: WriteUndo): [StringId, TextParams?] {
  switch (undo.kind) {
    case "cells":
      return ["undo.hintCells"];
    case "rows":
      return ["undo.hintRows", { count: undo.written.length }];
    case "table":
      return ["undo.hintTable"];
    case "sheet":
      return ["undo.hintSheet"];
  }
}

/**
 * What the last tool wrote and how to undo it: with the pane's Undo (it restores what it recorded before writing),
 * or where Excel's own undo takes the write back in one step (`hostUndo`), with Ctrl+Z there. Shown at the top of
 * the tab, so that it stays when the selection moves the tools to another goal; scrolled into view when it appears.
 */
function DoneWriteBar(props: {
  state: ReturnType<typeof useToolsPanel>;
}): React.JSX.Element | null {
  const t = useText();
  const lang = useLang();
  const { state } = props;
  const { hostUndo } = useWorkbook();
  const bar = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!state.done) return;
    bar.current?.scrollIntoView?.({ block: "nearest" });
    // Focus kept: where the button that wrote went away or turned disabled, the message takes the focus (its
    // Undo is the next stop), rather than the page's body.
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) bar.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [state.done]);
  if (!state.done) return null;
  const changed = state.changedCells;
  return (
    <div ref={bar} data-testid="done-write" tabIndex={-1}>
      <MessageBar intent={changed ? "warning" : "success"} layout="multiline" role="status">
        <MessageBarBody>
          {changed
            ? t("undo.changed", { cells: changed.join(", "), count: changed.length })
            : `${noticeWords(state.done.notice.message, lang).body} ${
                hostUndo ? t("undo.hintExcel") : t(...undoHint(state.done.undo))
              }`}
        </MessageBarBody>
        <MessageBarActions containerAction={<DismissButton onClick={state.dismissDone} />}>
          {changed ? (
            <>
              <Button size="small" disabled={state.busy} onClick={() => void state.undo(true)}>
                {t("undo.anyway")}
              </Button>
              <Button size="small" onClick={state.keepWrite}>
                {t("undo.keep")}
              </Button>
            </>
          ) : hostUndo ? null : (
            <Button
              size="small"
              icon={<ArrowUndoRegular />}
              disabled={state.busy}
              onClick={() => void state.undo()}
            >
              {t("undo.button")}
            </Button>
          )}
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
