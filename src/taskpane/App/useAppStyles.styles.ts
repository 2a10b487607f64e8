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
  tabs: {
    flexWrap: "wrap",
    marginInline: `calc(${tokens.spacingHorizontalM} * -1)`,
  },
  // The out-of-date warning never shrinks to a sliver at 320 px: its text wraps above its button.
  stale: {
    flexShrink: 0,
  },
  content: {
    paddingTop: tokens.spacingVerticalS,
  },
});
