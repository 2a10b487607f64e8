import * as React from "react";
import {
  Button,
  Field,
  Radio,
  RadioGroup,
  Select,
  SpinButton,
  Switch,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useText } from "../context";
import { Notice } from "../Notice/Notice";
import { DATE_ORDERS, DateOrder } from "../../domain";
import { LANGUAGE_CHOICES, LanguageChoice, OptionField } from "../paneOptions";
import { StringId } from "../strings";
import { OptionsPanelProps } from "./OptionsPanel.types";
import { numberInput, percentInput, percentPoints, useOptionsPanel } from "./useOptionsPanel";
import { AsOfPicker } from "./AsOfPicker";
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
/** How each number steps: percentages by 5 points within their bounds, the goal length by one character. */
interface Spin {
  percent: boolean;
  min: number;
  max: number;
  step: number;
}
const SPINS: Record<Exclude<TextField, "asOf">, Spin> = {
  atRisk: { percent: true, min: 0, max: 100, step: 5 },
  overAllocation: { percent: true, min: 0, max: 1000, step: 5 },
  stretch: { percent: true, min: 0, max: 1000, step: 5 },
  minGoalLength: { percent: false, min: 1, max: 100, step: 1 },
};

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
  // What was typed into the as-of date and not taken (no date), while the field says so.
  const [rejectedDate, setRejectedDate] = React.useState<string | null>(null);

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
        const rejected = field === "asOf" && rejectedDate !== null;
        return (
          <Field
            key={field}
            label={t(words.label)}
            hint={t(words.hint)}
            validationState={wrong ? "error" : rejected ? "warning" : "none"}
            validationMessage={
              wrong
                ? t(words.invalid)
                : rejected
                  ? t("options.asOfRejected", { text: rejectedDate })
                  : undefined
            }
          >
            {field === "asOf" ? (
              <AsOfPicker
                name={field}
                text={state.form[field]}
                onText={(text) => state.setField(field, text)}
                onRejected={setRejectedDate}
              />
            ) : (
              <NumberSpin
                name={field}
                text={state.form[field]}
                spin={SPINS[field]}
                onText={(text) => state.setField(field, text)}
              />
            )}
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

/**
 * A number field with up and down steps (Fluent's SpinButton): the text is what the form holds, typed or stepped;
 * a percentage steps as "90%" → "95%". Text that is no number stays as typed, for the form to refuse on save.
 */
function NumberSpin(props: {
  name: string;
  text: string;
  spin: Spin;
  onText: (text: string) => void;
}): React.JSX.Element {
  const { spin } = props;
  const typed = spin.percent ? percentInput(props.text) : numberInput(props.text);
  const value = typeof typed === "number" ? (spin.percent ? percentPoints(typed) : typed) : null;
  return (
    <SpinButton
      name={props.name}
      value={value}
      displayValue={props.text}
      min={spin.min}
      max={spin.max}
      step={spin.step}
      onChange={(_event, data) => {
        // A step gives the new number; typing gives the text once it is committed (Enter, leaving the field).
        if (data.value !== undefined && data.value !== null)
          props.onText(spin.percent ? `${data.value}%` : String(data.value));
        else if (data.displayValue !== undefined) props.onText(data.displayValue);
      }}
    />
  );
}

/** A month's name in the pane's language (January, 一月), for the fiscal year's first month. */
function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2026, month - 1, 1))
  );
}
