import * as React from "react";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { insertGoalTemplate } from "../../workbook/operations";
import { useLang, useText, useWorkbook } from "../context";
import { Notice } from "../Notice/Notice";
import { errorNotice, Notice as NoticeData, textNotice } from "../Notice/Notice.types";
import { DoneWrite } from "./ToolsPanel.types";
import { useToolsPanelStyles } from "./useToolsPanelStyles.styles";

/**
 * Start a cascade: inserts the goal-table template for this year where it overwrites nothing; the Tools tab says
 * where it went, with Undo.
 */
export function TemplateSection(props: {
  onWritten: (done: DoneWrite) => void;
}): React.JSX.Element {
  const styles = useToolsPanelStyles();
  const workbook = useWorkbook();
  const lang = useLang();
  const t = useText();
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<NoticeData | null>(null);

  const insert = async () => {
    setBusy(true);
    setNotice(null);
    try {
      // The UI layer owns the clock: the domain takes the year as an argument.
      const year = new Date().getFullYear();
      const { inserted, undo } = await insertGoalTemplate(workbook, lang, year);
      const place = `${inserted.sheet}!${inserted.address}`;
      const key = inserted.newSheet
        ? "template.insertedSheet"
        : inserted.tableName
          ? "template.insertedTable"
          : "template.inserted";
      props.onWritten({
        notice: textNotice("success", key, { place, table: inserted.tableName ?? "" }),
        undo,
      });
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="template-title">
      <Subtitle2 as="h3" id="template-title">
        {t("template.title")}
      </Subtitle2>
      <Text>{t("template.intro")}</Text>
      <div className={styles.actions}>
        <Button icon={<TableAddRegular />} onClick={() => void insert()} disabled={busy}>
          {t("template.insert")}
        </Button>
      </div>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}
