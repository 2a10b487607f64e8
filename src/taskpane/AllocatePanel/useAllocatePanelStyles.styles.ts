import { makeStyles, tokens } from "@fluentui/react-components";

/** Styles of the Allocate tool (the shared tool styles cover the rest). */
export const useAllocatePanelStyles = makeStyles({
  options: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  decimals: {
    maxWidth: "120px",
  },
  lockCell: {
    width: "40px",
  },
});
