import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import { EditRegular } from "@fluentui/react-icons";
import {
  ALLOCATION_METHODS,
  AllocationMethod,
  ChildGroup,
  formatNumber,
  issueMessage,
} from "../../domain";
import { useLang, useText, useWorkbook } from "../context";
import { Notice } from "../Notice/Notice";
import { StringId } from "../strings";
import { useToolsPanelStyles } from "../ToolsPanel/useToolsPanelStyles.styles";
import { AllocatePanelProps } from "./AllocatePanel.types";
import { firstIssue, useAllocatePanel } from "./useAllocatePanel";
import { useAllocatePanelStyles } from "./useAllocatePanelStyles.styles";

const METHOD_LABELS: Record<AllocationMethod, StringId> = {
  even: "allocate.method.even",
  weights: "allocate.method.weights",
  baseline: "allocate.method.baseline",
  repeat: "allocate.method.repeat",
};
const GROUP_LABELS: Record<ChildGroup, StringId> = {
  people: "allocate.group.people",
  time: "allocate.group.time",
};

/** Allocate: spreads the picked goal's target over its children, previewed, and written on request. */
export function AllocatePanel(props: AllocatePanelProps): React.JSX.Element {
  const styles = useToolsPanelStyles();
  const own = useAllocatePanelStyles();
  const lang = useLang();
  const t = useText();
  const state = useAllocatePanel(props);
  const { hostUndo } = useWorkbook();
  // Fluent's Dialog gives the focus back to a DialogTrigger only; this one opens from state, so the focus goes back
  // to Write targets when it closes (if a write disabled the button, the Tools tab's message takes it).
  const writeButton = React.useRef<HTMLButtonElement>(null);
  const confirmed = React.useRef(false);
  React.useEffect(() => {
    if (state.confirming !== null) {
      confirmed.current = true;
      return;
    }
    if (!confirmed.current) return;
    confirmed.current = false;
    const frame = requestAnimationFrame(() => writeButton.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [state.confirming]);
  const parent = props.run.result.goals[props.goal];
  const unit = parent?.unit ?? null;
  const value = (amount: number | null) => (amount === null ? "—" : formatNumber(amount, unit));
  const issue = firstIssue(state.plan);
  const allLocked =
    state.lines.length > 0 && state.lines.every((line) => state.lockedRows.has(line.row));

  return (
    <section className={styles.section} aria-labelledby="allocate-title">
      <Subtitle2 as="h3" id="allocate-title">
        {t("allocate.title")}
      </Subtitle2>
      {state.groups.length === 0 ? (
        <Text>{t("allocate.noChildren")}</Text>
      ) : (
        <>
          <div className={own.options}>
            <Field label={t("allocate.method")}>
              <RadioGroup
                value={state.method}
                onChange={(_event, data) => state.setMethod(data.value as AllocationMethod)}
              >
                {ALLOCATION_METHODS.map((method) => (
                  <Radio key={method} value={method} label={t(METHOD_LABELS[method])} />
                ))}
              </RadioGroup>
            </Field>
            {state.groups.length > 1 && (
              <Field label={t("allocate.group")}>
                <RadioGroup
                  layout="horizontal"
                  value={state.group}
                  onChange={(_event, data) => state.setGroup(data.value as ChildGroup)}
                >
                  {state.groups.map((group) => (
                    <Radio key={group} value={group} label={t(GROUP_LABELS[group])} />
                  ))}
                </RadioGroup>
              </Field>
            )}
            <Field
              label={t("allocate.decimals")}
              validationState={state.decimalsValid ? "none" : "error"}
              validationMessage={state.decimalsValid ? undefined : t("allocate.decimalsInvalid")}
            >
              <Input
                className={own.decimals}
                type="number"
                min={0}
                max={10}
                value={state.decimalsText}
                onChange={(_event, data) => state.setDecimalsText(data.value)}
              />
            </Field>
          </div>

          {state.method === "weights" && <Text size={200}>{t("allocate.weightsHint")}</Text>}
          {state.method === "repeat" && parent?.rollup === "sum" && state.plan?.ok && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t("allocate.repeatSum", {
                  target: value(parent.target),
                  total: value((parent.target ?? 0) * state.plan.value.length),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          {issue && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {issueMessage(issue, lang)}
                {allLocked && ` ${t("allocate.allLocked")}`}
              </MessageBarBody>
            </MessageBar>
          )}

          {state.lines.length > 0 && (
            <Table size="extra-small" aria-label={t("allocate.preview")}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={own.lockCell}>{t("allocate.lock")}</TableHeaderCell>
                  <TableHeaderCell>{t("column.id")}</TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>
                    {t("column.current")}
                  </TableHeaderCell>
                  <TableHeaderCell className={styles.numeric}>
                    {t("column.proposed")}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.lines.map((line) => {
                  const id = line.id ?? `#${line.row}`;
                  return (
                    <TableRow key={line.row}>
                      <TableCell className={own.lockCell}>
                        <Checkbox
                          aria-label={t("allocate.lockChild", { id })}
                          checked={state.lockedRows.has(line.row)}
                          disabled={line.current === null}
                          onChange={(_event, data) =>
                            state.toggleLock(line.row, data.checked === true)
                          }
                        />
                      </TableCell>
                      <TableCell>{id}</TableCell>
                      <TableCell className={styles.numeric}>{value(line.current)}</TableCell>
                      <TableCell className={styles.numeric} data-testid={`proposed-${id}`}>
                        {value(line.proposed)}
                      </TableCell>
                    </TableRow>
                  );
                })}
                {state.method !== "repeat" && state.total && (
                  <TableRow>
                    <TableCell />
                    <TableCell className={styles.total}>Σ</TableCell>
                    <TableCell />
                    <TableCell className={mergeClasses(styles.numeric, styles.total)}>
                      {value(state.total.sum)}
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          )}

          {state.plan?.ok && state.total && (
            <Text
              data-testid="allocation-total"
              className={
                state.method === "repeat" || state.total.exact ? styles.check : styles.mismatch
              }
            >
              {state.method === "repeat"
                ? t("allocate.repeatTotal", { target: value(parent?.target ?? null) })
                : state.total.exact
                  ? t("allocate.totalExact", {
                      sum: value(state.total.sum),
                      target: value(parent?.target ?? null),
                    })
                  : t("allocate.totalOff", {
                      sum: value(state.total.sum),
                      target: value(parent?.target ?? null),
                    })}
            </Text>
          )}

          {state.textsStating > 0 && (
            <Checkbox
              checked={state.updateTexts}
              onChange={(_event, data) => state.setUpdateTexts(data.checked === true)}
              label={t("allocate.updateTexts", { count: state.textsStating })}
            />
          )}
          <div className={styles.actions}>
            <Button
              ref={writeButton}
              appearance="primary"
              icon={<EditRegular />}
              disabled={state.busy || !state.plan?.ok || state.changes === 0}
              onClick={() => void state.write()}
            >
              {t("allocate.write")}
            </Button>
          </div>
        </>
      )}
      <Notice notice={state.notice} onDismiss={state.dismissNotice} />

      <Dialog
        open={state.confirming !== null}
        modalType="alert"
        onOpenChange={(_event, data) => {
          if (!data.open) state.cancel();
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("allocate.confirmTitle")}</DialogTitle>
            <DialogContent>
              <Text>
                {t("allocate.confirmText", {
                  count: state.confirming?.length ?? 0,
                  sheet: props.run.source.sheet,
                })}
              </Text>
              <ul className={styles.cellList} aria-label={t("allocate.confirmCells")}>
                {(state.confirming ?? []).map((address) => (
                  <li key={address}>{`${props.run.source.sheet}!${address}`}</li>
                ))}
              </ul>
              {state.updateTexts && state.textsStating > 0 && (
                <Text block>{t("allocate.confirmTexts", { count: state.textsStating })}</Text>
              )}
              <Text block>{t(hostUndo ? "undo.hintExcel" : "allocate.confirmUndo")}</Text>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={state.cancel}>
                {t("allocate.confirmCancel")}
              </Button>
              <Button
                appearance="primary"
                disabled={state.busy}
                onClick={() => void state.confirm()}
              >
                {t("allocate.confirmOverwrite")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
