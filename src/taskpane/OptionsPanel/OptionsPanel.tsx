import * as React from "react";
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Switch,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useText } from "../context";
import { Notice } from "../Notice/Notice";
import { DATE_ORDERS, DateOrder } from "../../domain";
import { LANGUAGE_CHOICES, LanguageChoice, OptionField } from "../paneOptions";
import { StringId } from "../strings";
import { OptionsPanelProps } from "./OptionsPanel.types";
import { OptionsForm, useOptionsPanel } from "./useOptionsPanel";
import { useOptionsPanelStyles } from "./useOptionsPanelStyles.styles";

type TextField = Exclude<OptionField, "language" | "fiscalYearStart" | "dateOrder" | "liveAudit">;

/** Label, hint and error message of each text field. */
const FIELD_TEXT: Record<TextField, { label: StringId; hint: StringId; invalid: StringId }> = {
  atRisk: { label: "options.atRisk", hint: "options.atRiskHint", invalid: "options.atRiskInvalid" },
  overAllocation: {
    label: "options.overAllocation",
    hint: "options.overAllocationHint",
    invalid: "options.shareInvalid",
  },
  stretch: {
    label: "options.stretch",
    hint: "options.stretchHint",
    invalid: "options.shareInvalid",
  },
  minGoalLength: {
    label: "options.minGoalLength",
    hint: "options.minGoalLengthHint",
    invalid: "options.minGoalLengthInvalid",
  },
  asOf: { label: "options.asOf", hint: "options.asOfHint", invalid: "options.asOfInvalid" },
};
const TEXT_FIELDS: readonly TextField[] = [
  "atRisk",
  "overAllocation",
  "stretch",
  "minGoalLength",
  "asOf",
];
const DATE_ORDER_TEXT: Record<DateOrder, StringId> = {
  auto: "options.dateOrderAuto",
  mdy: "options.dateOrderMdy",
  dmy: "options.dateOrderDmy",
  ymd: "options.dateOrderYmd",
};
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LANGUAGE_TEXT: Record<LanguageChoice, StringId> = {
  auto: "options.languageAuto",
  en: "options.languageEn",
  zh: "options.languageZh",
};

/** The Options tab: audit thresholds and language, validated, saved with the document. */
export function OptionsPanel(props: OptionsPanelProps): React.JSX.Element {
  const styles = useOptionsPanelStyles();
  const t = useText();
  const state = useOptionsPanel(props);

  return (
    <form
      className={styles.root}
      aria-label={t("options.title")}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void state.save();
      }}
    >
      {TEXT_FIELDS.map((field) => {
        const words = FIELD_TEXT[field];
        const wrong = state.invalid.has(field);
        return (
          <Field
            key={field}
            label={t(words.label)}
            hint={t(words.hint)}
            validationState={wrong ? "error" : "none"}
            validationMessage={wrong ? t(words.invalid) : undefined}
          >
            <Input
              name={field}
              value={state.form[field]}
              inputMode={field === "asOf" ? "text" : "decimal"}
              placeholder={field === "asOf" ? "YYYY-MM-DD" : undefined}
              onChange={(_event, data) =>
                state.setField(field, data.value as OptionsForm[TextField])
              }
            />
          </Field>
        );
      })}
      <Field
        label={t("options.fiscalYearStart")}
        hint={t("options.fiscalYearStartHint")}
        validationState={state.invalid.has("fiscalYearStart") ? "error" : "none"}
        validationMessage={
          state.invalid.has("fiscalYearStart") ? t("options.fiscalYearStartInvalid") : undefined
        }
      >
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          name="fiscalYearStart"
          value={state.form.fiscalYearStart}
          onChange={(_event, data) => state.setField("fiscalYearStart", data.value)}
        >
          {MONTHS.map((month) => (
            <option key={month} value={String(month)}>
              {monthName(month, t("options.monthLocale"))}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("options.dateOrder")}
        hint={t("options.dateOrderHint")}
        validationState={state.invalid.has("dateOrder") ? "error" : "none"}
        validationMessage={
          state.invalid.has("dateOrder") ? t("options.dateOrderInvalid") : undefined
        }
      >
        <Select
          className={styles.select}
          select={{ className: styles.selectInner }}
          name="dateOrder"
          value={state.form.dateOrder}
          onChange={(_event, data) => state.setField("dateOrder", data.value as DateOrder)}
        >
          {DATE_ORDERS.map((order) => (
            <option key={order} value={order}>
              {t(DATE_ORDER_TEXT[order])}
            </option>
          ))}
        </Select>
      </Field>
      <Field hint={t("options.liveAuditHint")}>
        <Switch
          name="liveAudit"
          checked={state.form.liveAudit}
          label={t("options.liveAudit")}
          onChange={(_event, data) => state.setField("liveAudit", data.checked)}
        />
      </Field>
      <Field
        label={t("options.language")}
        validationState={state.invalid.has("language") ? "error" : "none"}
        validationMessage={state.invalid.has("language") ? t("options.languageInvalid") : undefined}
      >
        <RadioGroup
          value={state.form.language}
          onChange={(_event, data) => state.setField("language", data.value as LanguageChoice)}
        >
          {LANGUAGE_CHOICES.map((choice) => (
            <Radio key={choice} value={choice} label={t(LANGUAGE_TEXT[choice])} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" icon={<SaveRegular />} disabled={state.busy}>
          {t("options.save")}
        </Button>
        <Button type="button" onClick={state.reset}>
          {t("options.reset")}
        </Button>
      </div>
      <Notice notice={state.notice} onDismiss={state.dismissNotice} />
    </form>
  );
}

/** A month's name in the pane's language (January, 一月), for the fiscal year's first month. */
function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, month - 1, 1))
  );
}
