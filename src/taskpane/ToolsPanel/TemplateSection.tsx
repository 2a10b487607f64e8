import * as React from "react";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { insertGoalTemplate } from "../../workbook/operations";
import { useLang, useText, useWorkbook } from "../context";
import { Notice } from "../Notice/Notice";
import { errorNotice, Notice as NoticeData, textNotice } from "../Notice/Notice.types";
import { useToolsPanelStyles } from "./useToolsPanelStyles.styles";

/** Start a cascade: inserts the goal-table template for this year where it overwrites nothing. */
export function TemplateSection(): React.JSX.Element {
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
      const inserted = await insertGoalTemplate(workbook, lang, year);
      setNotice(
        textNotice("success", inserted.tableName ? "template.insertedTable" : "template.inserted", {
          place: `${inserted.sheet}!${inserted.address}`,
          table: inserted.tableName ?? "",
        })
      );
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
