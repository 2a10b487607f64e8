import * as React from "react";
import { DateOrder } from "../../domain";
import {
  DEFAULT_SAVED_OPTIONS,
  LanguageChoice,
  OptionField,
  parsePaneOptions,
  SavedOptions,
} from "../paneOptions";
import { errorNotice, Notice, textNotice } from "../Notice/Notice.types";
import { OptionsPanelProps } from "./OptionsPanel.types";
import { useToast } from "../Notice/toast";

/** The form's fields, as typed or chosen (the fiscal year's first month as "1" … "12"). */
export type OptionsForm = Record<
  Exclude<OptionField, "language" | "dateOrder" | "liveAudit">,
  string
> & {
  dateOrder: DateOrder;
  language: LanguageChoice;
  liveAudit: boolean;
};

export interface OptionsPanelState {
  form: OptionsForm;
  setField: <K extends keyof OptionsForm>(field: K, value: OptionsForm[K]) => void;
  /** Fields whose value does not validate. */
  invalid: ReadonlySet<OptionField>;
  save: () => Promise<void>;
  reset: () => void;
  busy: boolean;
  notice: Notice | null;
  dismissNotice: () => void;
}

/** A share in percentage points, to two decimals: 0.955 as 95.5 (not 95.49999999999999). */
export function percentPoints(share: number): number {
  return Math.round(share * 10_000) / 100;
}

/** A share as the form shows it: 0.9 as "90%", 0.955 as "95.5%". */
export function percentText(share: number): string {
  return `${percentPoints(share)}%`;
}

function formOf(saved: SavedOptions): OptionsForm {
  return {
    atRisk: percentText(saved.atRisk),
    overAllocation: percentText(saved.overAllocation),
    stretch: percentText(saved.stretch),
    minGoalLength: String(saved.minGoalLength),
    asOf: saved.asOf ?? "",
    fiscalYearStart: String(saved.fiscalYearStart),
    dateOrder: saved.dateOrder,
    language: saved.language,
    liveAudit: saved.liveAudit,
  };
}

/**
 * A number as typed: blank for the default, "90%" for 0.9, a decimal comma accepted; anything else is passed on
 * as text for the schema to refuse.
 */
export function numberInput(text: string): number | string | undefined {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return undefined;
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * A share typed into a percentage field: "90%" and "90" alike are 0.9 (as a cell formatted as a percentage in
 * Excel reads 90); blank for the default; anything else is passed on as text for the schema to refuse.
 */
export function percentInput(text: string): number | string | undefined {
  const trimmed = text
    .trim()
    .replace(",", ".")
    .replace(/\s*[%％]$/, "");
  if (trimmed === "") return text.trim() === "" ? undefined : text;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) / 100 : text;
}

/** State and actions of the Options form. */
export function useOptionsPanel(props: OptionsPanelProps): OptionsPanelState {
  const [form, setForm] = React.useState<OptionsForm>(() => formOf(props.options.saved));
  const [invalid, setInvalid] = React.useState<ReadonlySet<OptionField>>(new Set());
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const toast = useToast();

  // Options loaded from the document after the form opened replace what it shows.
  React.useEffect(() => setForm(formOf(props.options.saved)), [props.options.saved]);

  const setField = React.useCallback(
    <K extends keyof OptionsForm>(field: K, value: OptionsForm[K]) => {
      setForm((current) => ({ ...current, [field]: value }));
      setInvalid((current) => {
        if (!current.has(field)) return current;
        const next = new Set(current);
        next.delete(field);
        return next;
      });
    },
    []
  );

  const save = React.useCallback(async () => {
    setNotice(null);
    const parsed = parsePaneOptions({
      atRisk: percentInput(form.atRisk),
      overAllocation: percentInput(form.overAllocation),
      stretch: percentInput(form.stretch),
      minGoalLength: numberInput(form.minGoalLength),
      asOf: form.asOf.trim() === "" ? null : form.asOf.trim(),
      fiscalYearStart: Number(form.fiscalYearStart),
      dateOrder: form.dateOrder,
      // The column mapping is edited in the Audit tab: the form keeps what is saved.
      mapping: props.options.saved.mapping,
      language: form.language,
      liveAudit: form.liveAudit,
    });
    if (!parsed.ok) {
      setInvalid(new Set(parsed.fields));
      setNotice(textNotice("error", "options.invalid"));
      return;
    }
    setInvalid(new Set());
    setBusy(true);
    try {
      await props.onSave(parsed.value.saved);
      toast(textNotice("success", "options.saved"));
    } catch (error) {
      setNotice(errorNotice(error));
    } finally {
      setBusy(false);
    }
  }, [form, props, toast]);

  const reset = React.useCallback(() => {
    setForm(formOf(DEFAULT_SAVED_OPTIONS));
    setInvalid(new Set());
  }, []);

  return {
    form,
    setField,
    invalid,
    save,
    reset,
    busy,
    notice,
    dismissNotice: () => setNotice(null),
  };
}
