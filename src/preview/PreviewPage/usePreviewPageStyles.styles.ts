import { makeStyles, tokens } from "@fluentui/react-components";

/** The page: a bar on top, the grid on the left (flexible), the task pane on the right (about 360 px). */
export const usePreviewPageStyles = makeStyles({
  provider: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", marginRight: "auto", minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  hidden: { display: "none" },
  notice: { margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  main: {
    flexGrow: 1,
    minHeight: 0,
    display: "flex",
    "@media (max-width: 900px)": { flexDirection: "column" },
  },
  sheet: {
    flexGrow: 1,
    minWidth: 0,
    minHeight: 0,
    display: "flex",
    flexDirection: "column",
    "@media (max-width: 900px)": { minHeight: "55vh" },
  },
  loading: { margin: "auto" },
  // Laid over the visible part of the pane (usePaneLayer): the containing block of the pane's fixed surfaces (a
  // transform makes it one), clipped to the pane as Excel's pane frame clips them; clicks pass through it.
  paneLayer: {
    position: "fixed",
    top: 0,
    left: 0,
    width: 0,
    height: 0,
    overflow: "hidden",
    transform: "translateZ(0)",
    pointerEvents: "none",
    zIndex: 1000,
    "& > *": { pointerEvents: "auto" },
  },
  pane: {
    width: "360px",
    flexShrink: 0,
    overflowY: "auto",
    // The containing block of whatever the pane positions absolutely: it scrolls with the pane.
    position: "relative",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (max-width: 900px)": {
      width: "auto",
      // Stacked under the grid the page scrolls, not the pane: the pane's sticky tabs then stick to the page.
      overflowY: "visible",
      borderLeft: "none",
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
});
