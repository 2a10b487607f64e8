import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { Lang } from "../../domain";
import { previewText } from "../previewStrings";
import { useGridStyles } from "./useGridStyles.styles";

export interface SheetTabsProps {
  lang: Lang;
  sheets: string[];
  active: string;
  onSelect: (sheet: string) => void;
}

/** The sheet tabs under the grid. */
export function SheetTabs(props: SheetTabsProps): React.JSX.Element {
  const styles = useGridStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      selectedValue={props.active}
      onTabSelect={(_event, data) => props.onSelect(String(data.value))}
      aria-label={previewText(props.lang, "grid.sheets")}
    >
      {props.sheets.map((sheet) => (
        <Tab key={sheet} value={sheet}>
          {sheet}
        </Tab>
      ))}
    </TabList>
  );
}
