import { makeStyles, tokens, treeItemLevelToken } from "@fluentui/react-components";

/** Indent per level of the tree, narrower than Fluent's 24 px so that six levels fit a 350 px pane. */
const INDENT = "12px";
/** Width of the tree's chevron (Fluent's expand icon): a leaf's text lines up with its branch siblings'. */
const CHEVRON = "24px";

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
  },
  // A FlatTreeItem: the virtual list places it (position, top, height).
  item: {
    boxSizing: "border-box",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
  },
  // Its TreeItemLayout: the chevron at the first line, the three lines beside it.
  row: {
    height: "100%",
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
  },
  branch: { paddingLeft: `calc((var(${treeItemLevelToken}, 1) - 1) * ${INDENT})` },
  leaf: { paddingLeft: `calc((var(${treeItemLevelToken}, 1) - 1) * ${INDENT} + ${CHEVRON})` },
  main: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineEnd: tokens.spacingHorizontalS,
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorBrandStroke1}`,
  },
  line: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    minWidth: 0,
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
