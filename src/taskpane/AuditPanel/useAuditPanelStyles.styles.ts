import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the Audit tab: a column of sections that fits a narrow pane. */
export const useAuditPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  intro: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  introList: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  progress: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  summary: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  groupHeader: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  // The title wraps at 320 px; the status keeps its size beside it.
  groupTitle: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  groupStatus: {
    display: "inline-flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    flexShrink: 0,
  },
  icon_fatal: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  icon_error: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  icon_warning: { color: tokens.colorStatusWarningForeground3, flexShrink: 0 },
  icon_info: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  // Positioned, so that the hidden words of its items are placed within it, never against the page (a pane
  // that scrolls by itself would otherwise make the page as long as the list).
  findingList: {
    position: "relative",
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  finding: {
    justifyContent: "flex-start",
    textAlign: "start",
    width: "100%",
    fontWeight: tokens.fontWeightRegular,
  },
  // Foreground 2: legible also on the button's hover and pressed shades (WCAG contrast 4.5:1).
  findingRow: {
    color: tokens.colorNeutralForeground2,
    marginInlineEnd: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
  },
  /** Read by screen readers, not shown. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  legend: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  legendItem: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  swatch: {
    flexShrink: 0,
    width: "36px",
    height: "20px",
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  chooser: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  mappingPreview: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    overflowX: "auto",
    "& table": { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
    "& th, & td": {
      textAlign: "left",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      maxWidth: "160px",
      overflow: "hidden",
      textOverflow: "ellipsis",
      whiteSpace: "nowrap",
    },
  },
});
