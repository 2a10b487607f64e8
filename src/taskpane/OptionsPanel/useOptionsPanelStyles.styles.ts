import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the Options form. */
export const useOptionsPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  // A list whose longest choice is wider than a 320 px pane shrinks to the pane (its text ends in "…").
  select: { minWidth: 0, maxWidth: "100%" },
  selectInner: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
});
