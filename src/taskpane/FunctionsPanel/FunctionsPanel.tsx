import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useLang } from "../context";
import { functionReferenceHtml } from "../functionReference";

const useFunctionsPanelStyles = makeStyles({
  root: {
    fontSize: tokens.fontSizeBase300,
    "& h1": { fontSize: tokens.fontSizeBase500, margin: `0 0 ${tokens.spacingVerticalS}` },
    "& h2": {
      fontSize: tokens.fontSizeBase300,
      margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    },
    "& code": { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
    "& dt": { fontWeight: tokens.fontWeightSemibold },
    "& dd": { margin: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  },
});

/**
 * The Functions tab: the reference of the GOAL functions in the pane's language. The same HTML is the help page
 * the build writes, and every text in it is escaped by functionReferenceHtml.
 */
export function FunctionsPanel(): React.JSX.Element {
  const styles = useFunctionsPanelStyles();
  const lang = useLang();
  const html = React.useMemo(() => functionReferenceHtml(lang), [lang]);
  return <div className={styles.root} dangerouslySetInnerHTML={{ __html: html }} />;
}
