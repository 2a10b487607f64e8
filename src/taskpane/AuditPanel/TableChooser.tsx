import * as React from "react";
import { Button, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import { GoalTableChoice } from "../../workbook/operations";
import { useText } from "../context";
import { tableKey } from "./useAuditPanel";
import { useAuditPanelStyles } from "./useAuditPanelStyles.styles";

interface TableChooserProps {
  choices: GoalTableChoice[];
  chosen: string | null;
  onChoose: (key: string) => void;
  onAudit: () => void;
  onCancel: () => void;
}

/** Asks which goal table to audit when the active sheet holds several. */
export function TableChooser(props: TableChooserProps): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const t = useText();
  return (
    <section className={styles.chooser} aria-labelledby="table-chooser-title">
      <Subtitle2 as="h2" id="table-chooser-title">
        {t("chooser.title")}
      </Subtitle2>
      <RadioGroup
        aria-labelledby="table-chooser-title"
        value={props.chosen ?? ""}
        onChange={(_event, data) => props.onChoose(data.value)}
      >
        {props.choices.map((choice) => {
          const place = `${choice.sheet}!${choice.address}`;
          const name = choice.tableName
            ? t("chooser.table", { name: choice.tableName, place })
            : t("chooser.range", { place });
          return (
            <Radio
              key={tableKey(choice)}
              value={tableKey(choice)}
              label={choice.complete ? name : `${name} ${t("chooser.incomplete")}`}
            />
          );
        })}
      </RadioGroup>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onAudit} disabled={props.chosen === null}>
          {t("chooser.audit")}
        </Button>
        <Button onClick={props.onCancel}>{t("chooser.cancel")}</Button>
      </div>
    </section>
  );
}
