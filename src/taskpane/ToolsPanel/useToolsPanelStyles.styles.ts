import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles the tools share: sections in a column, rows of actions, compact preview tables. */
export const useToolsPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  goal: {
    display: "flex",
    flexDirection: "column",
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  numeric: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
  },
  total: {
    fontWeight: tokens.fontWeightSemibold,
  },
  narrow: {
    width: "48px",
  },
  cellList: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  check: {
    color: tokens.colorPaletteGreenForeground1,
  },
  mismatch: {
    color: tokens.colorPaletteRedForeground1,
  },
});
