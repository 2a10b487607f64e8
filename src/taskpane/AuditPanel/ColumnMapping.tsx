import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import {
  CellValue,
  Field as GoalField,
  fieldName,
  FIELDS,
  HeaderMapping,
  REQUIRED_FIELDS,
} from "../../domain";
import { MappingPreview, mappingPreview } from "../../workbook/operations";
import { useLang, useText, useWorkbook } from "../context";
import { useAuditPanelStyles } from "./useAuditPanelStyles.styles";

interface ColumnMappingProps {
  /** The mapping saved with the workbook. */
  mapping: HeaderMapping;
  onSave: (mapping: HeaderMapping) => Promise<void>;
  onClose: () => void;
}

/** A Select's value: "" recognised automatically, "-" no such column, else the header's text. */
type Choice = string;
const AUTO = "";
const NONE = "-";

/** Required fields first, then the rest in the table's order. */
const ORDER: readonly GoalField[] = [
  ...REQUIRED_FIELDS,
  ...FIELDS.filter((field) => !REQUIRED_FIELDS.includes(field)),
];

function choicesOf(mapping: HeaderMapping): Record<GoalField, Choice> {
  const choices = {} as Record<GoalField, Choice>;
  for (const field of FIELDS) {
    const named = mapping[field];
    choices[field] = named === undefined ? AUTO : named === null ? NONE : named;
  }
  return choices;
}

function mappingOf(choices: Record<GoalField, Choice>): HeaderMapping {
  const mapping: HeaderMapping = {};
  for (const field of FIELDS) {
    const choice = choices[field];
    if (choice === NONE) mapping[field] = null;
    else if (choice !== AUTO) mapping[field] = choice;
  }
  return mapping;
}

function shown(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "error" in value) return value.error;
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The Audit tab's column mapping (issue 11): a drop-down per field over the active sheet's header row, the first
 * rows as they would be read, saved with the workbook and used by the pane's and the ribbon's audit.
 */
export function ColumnMapping(props: ColumnMappingProps): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const t = useText();
  const lang = useLang();
  const workbook = useWorkbook();
  const [choices, setChoices] = React.useState(() => choicesOf(props.mapping));
  const [preview, setPreview] = React.useState<MappingPreview | null>(null);
  const [busy, setBusy] = React.useState(false);
  // The optional fields are recognised by their headers; they open on demand, or when one is mapped already.
  const [showAll, setShowAll] = React.useState(() =>
    Object.keys(props.mapping).some((field) => !REQUIRED_FIELDS.includes(field as GoalField))
  );
  const mapping = React.useMemo(() => mappingOf(choices), [choices]);

  // The preview follows the choices: the columns each field is read from with them.
  React.useEffect(() => {
    let live = true;
    void mappingPreview(workbook, mapping).then(
      (next) => live && setPreview(next),
      () => live && setPreview(null)
    );
    return () => {
      live = false;
    };
  }, [workbook, mapping]);

  const chosenTwice = React.useMemo(() => {
    const seen = new Map<string, number>();
    for (const field of FIELDS) {
      const choice = choices[field];
      if (choice !== AUTO && choice !== NONE) seen.set(choice, (seen.get(choice) ?? 0) + 1);
    }
    return [...seen].find(([, count]) => count > 1)?.[0] ?? null;
  }, [choices]);
  const columns = preview?.columns ?? {};
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  const headerOf = (column: number | undefined) =>
    preview?.headers.find((header) => header.column === column);

  const save = async (next: HeaderMapping) => {
    setBusy(true);
    try {
      await props.onSave(next);
    } finally {
      setBusy(false);
    }
  };

  if (preview !== null && preview.headerRow === null) {
    return (
      <section className={styles.chooser} aria-labelledby="mapping-title">
        <Subtitle2 as="h2" id="mapping-title">
          {t("mapping.title")}
        </Subtitle2>
        <Text>{t("mapping.noHeader", { sheet: preview.sheet })}</Text>
        <div className={styles.actions}>
          <Button onClick={props.onClose}>{t("mapping.cancel")}</Button>
        </div>
      </section>
    );
  }

  const previewFields = ORDER.filter((field) => columns[field] !== undefined).slice(0, 4);
  const listed = showAll ? ORDER : REQUIRED_FIELDS;
  return (
    <section className={styles.chooser} aria-labelledby="mapping-title">
      <Subtitle2 as="h2" id="mapping-title">
        {t("mapping.title")}
      </Subtitle2>
      {preview && (
        <Text>{t("mapping.intro", { sheet: preview.sheet, row: preview.headerRow ?? "" })}</Text>
      )}
      {listed.map((field) => {
        const label = REQUIRED_FIELDS.includes(field)
          ? t("mapping.required", { field: fieldName(field, lang) })
          : fieldName(field, lang);
        const found = choices[field] === AUTO ? headerOf(columns[field]) : undefined;
        return (
          <Field
            key={field}
            label={label}
            hint={
              found
                ? t("mapping.autoFound", { header: `${found.letter}: ${found.text}` })
                : undefined
            }
          >
            <Select
              value={choices[field]}
              onChange={(_event, data) =>
                setChoices((current) => ({ ...current, [field]: data.value }))
              }
            >
              <option value={AUTO}>{t("mapping.auto")}</option>
              <option value={NONE}>{t("mapping.none")}</option>
              {(preview?.headers ?? []).map((header) => (
                <option key={header.column} value={header.text}>
                  {`${header.letter}: ${header.text}`}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <div>
        <Button appearance="subtle" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll
            ? t("mapping.fewerFields")
            : t("mapping.moreFields", { count: ORDER.length - REQUIRED_FIELDS.length })}
        </Button>
      </div>
      {chosenTwice !== null && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t("mapping.twice", { header: chosenTwice })}</MessageBarBody>
        </MessageBar>
      )}
      {chosenTwice === null && missing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("mapping.missing")}</MessageBarBody>
        </MessageBar>
      )}
      {preview && previewFields.length > 0 && preview.rows.length > 0 && (
        <div className={styles.mappingPreview}>
          <Text weight="semibold">{t("mapping.preview")}</Text>
          <table aria-label={t("mapping.preview")}>
            <thead>
              <tr>
                {previewFields.map((field) => (
                  <th key={field} scope="col">
                    {fieldName(field, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, index) => (
                <tr key={index}>
                  {previewFields.map((field) => (
                    <td key={field}>{shown(row[columns[field] as number])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || chosenTwice !== null || missing.length > 0}
          onClick={() => void save(mapping)}
        >
          {t("mapping.save")}
        </Button>
        <Button disabled={busy} onClick={() => void save({})}>
          {t("mapping.clear")}
        </Button>
        <Button onClick={props.onClose}>{t("mapping.cancel")}</Button>
      </div>
    </section>
  );
}
