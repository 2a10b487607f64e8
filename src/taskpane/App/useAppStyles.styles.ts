import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's frame: tabs on top, the tab's content below, sized for a 320–400 px wide task pane. */
export const useAppStyles = makeStyles({
  provider: {
    minHeight: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
  },
  // The tabs stay at the top while a long tab scrolls (the pane in Excel, the preview's aside).
  tabs: {
    flexWrap: "wrap",
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // The out-of-date warning never shrinks to a sliver at 320 px: its text wraps above its button.
  stale: {
    flexShrink: 0,
  },
  content: {
    paddingTop: tokens.spacingVerticalS,
  },
});
