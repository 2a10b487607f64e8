import * as React from "react";
import { Button, Checkbox, Subtitle2, Text } from "@fluentui/react-components";
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import { AuditRun, startImprovementPlans } from "../../workbook/operations";
import { useText, useWorkbook } from "../context";
import { Notice } from "../Notice/Notice";
import { errorNotice, Notice as NoticeData, textNotice } from "../Notice/Notice.types";
import { DoneWrite } from "./ToolsPanel.types";
import { useToolsPanelStyles } from "./useToolsPanelStyles.styles";

/**
 * Improve: a row on the improvement-plan sheet for each goal that falls behind and has none yet; the Tools tab says
 * where they went, with Undo.
 */
export function ImproveSection(props: {
  run: AuditRun;
  onWritten: (done: DoneWrite) => void;
}): React.JSX.Element {
  const styles = useToolsPanelStyles();
  const workbook = useWorkbook();
  const t = useText();
  const [includeAtRisk, setIncludeAtRisk] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<NoticeData | null>(null);

  const start = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const { count, sheet, undo } = await startImprovementPlans(
        workbook,
        props.run,
        includeAtRisk
      );
      if (undo === null) {
        setNotice(
          textNotice("info", includeAtRisk ? "improve.noneAtRisk" : "improve.none", { sheet })
        );
        return;
      }
      const where = undo.kind === "rows" ? `${sheet}!${undo.address}` : sheet;
      props.onWritten({
        notice: textNotice(
          "success",
          undo.kind === "sheet" ? "improve.addedSheet" : "improve.added",
          { count, sheet, where }
        ),
        undo,
        ...(undo.kind === "rows"
          ? { undone: textNotice("success", "undo.planRowsDone", { count, where }) }
          : {}),
      });
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="improve-title">
      <Subtitle2 as="h3" id="improve-title">
        {t("improve.title")}
      </Subtitle2>
      <Text>{t("improve.intro")}</Text>
      <Checkbox
        checked={includeAtRisk}
        onChange={(_event, data) => setIncludeAtRisk(data.checked === true)}
        label={t("improve.includeAtRisk")}
      />
      <div className={styles.actions}>
        <Button icon={<ClipboardTaskListLtrRegular />} onClick={() => void start()} disabled={busy}>
          {t("improve.start")}
        </Button>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}
