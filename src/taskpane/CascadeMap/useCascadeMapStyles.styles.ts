import { makeStyles, tokens } from "@fluentui/react-components";

/** Height of one line of the map, in pixels: three lines of text. */
export const MAP_ROW_HEIGHT = 68;

/** Styles of the cascade map. */
export const useCascadeMapStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  tree: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  row: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    justifyContent: "center",
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineEnd: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-1px",
  },
  line: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  chevron: {
    flexShrink: 0,
    width: "16px",
    display: "inline-flex",
    justifyContent: "center",
    color: tokens.colorNeutralForeground3,
  },
  id: {
    flexShrink: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
  detail: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    color: tokens.colorNeutralForeground2,
  },
  bar: {
    flexShrink: 0,
    width: "56px",
    height: "8px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground4,
    overflow: "hidden",
  },
  barFill: {
    height: "100%",
  },
  percent: {
    flexShrink: 0,
    width: "44px",
    textAlign: "end",
  },
  indentSpacer: {
    flexShrink: 0,
    width: "16px",
  },
  // The active goal's findings under the tree: wrapped text, never wider than the pane.
  details: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  detailsList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});
