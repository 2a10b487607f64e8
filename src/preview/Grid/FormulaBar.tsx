import * as React from "react";
import { Input } from "@fluentui/react-components";
import { Lang } from "../../domain";
import { previewText } from "../previewStrings";
import { useGridStyles } from "./useGridStyles.styles";

export interface FormulaBarProps {
  lang: Lang;
  /** The selection's address ("B7", "A4:C9"). */
  address: string;
  /** The active cell's formula or value, or the entry being typed. */
  text: string;
  inputRef: React.RefObject<HTMLInputElement>;
  onText: (text: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLInputElement>) => void;
  onBlur: (event: React.FocusEvent<HTMLInputElement>) => void;
  /** Goes to an address typed in the name box; false when it is not one. */
  onGoTo: (address: string) => boolean;
}

/** The name box and the formula bar above the grid, as in Excel. */
export function FormulaBar(props: FormulaBarProps): React.JSX.Element {
  const styles = useGridStyles();
  const [typed, setTyped] = React.useState<string | null>(null);
  return (
    <div className={styles.formulaBar}>
      <Input
        className={styles.nameBox}
        size="small"
        aria-label={previewText(props.lang, "grid.nameBox")}
        value={typed ?? props.address}
        onChange={(_event, data) => setTyped(data.value)}
        onBlur={() => setTyped(null)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setTyped(null);
          if (event.key !== "Enter" || typed === null) return;
          event.preventDefault();
          if (props.onGoTo(typed)) setTyped(null);
        }}
      />
      <span className={styles.fx} aria-hidden="true">
        fx
      </span>
      <Input
        className={styles.formulaInput}
        size="small"
        input={{ ref: props.inputRef }}
        aria-label={previewText(props.lang, "grid.formulaBar")}
        value={props.text}
        onChange={(_event, data) => props.onText(data.value)}
        onKeyDown={props.onKeyDown}
        onBlur={props.onBlur}
      />
    </div>
  );
}
