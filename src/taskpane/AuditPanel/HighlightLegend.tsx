import * as React from "react";
import { Caption1, Subtitle2 } from "@fluentui/react-components";
import {
  HIGHLIGHT_COLORS,
  HIGHLIGHT_FAMILIES,
  HIGHLIGHT_PRECEDENCE,
  HIGHLIGHT_TITLES,
} from "../../domain";
import { useLang, useText } from "../context";
import { useAuditPanelStyles } from "./useAuditPanelStyles.styles";

/**
 * The highlight legend: one swatch per colour family, in the exact colours the audit's rules paint in Excel (so
 * these are the one place the pane uses colours of its own rather than the theme's tokens).
 */
export function HighlightLegend(): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const lang = useLang();
  const t = useText();
  return (
    <section aria-labelledby="highlight-legend-title">
      <Subtitle2 as="h2" id="highlight-legend-title">
        {t("legend.title")}
      </Subtitle2>
      <ul className={styles.legend}>
        {HIGHLIGHT_FAMILIES.map((family) => (
          <li key={family} className={styles.legendItem} data-family={family}>
            <span
              className={styles.swatch}
              aria-hidden="true"
              style={{
                backgroundColor: `#${HIGHLIGHT_COLORS[family].fill}`,
                color: `#${HIGHLIGHT_COLORS[family].font}`,
              }}
            >
              {t("legend.sample")}
            </span>
            <span>{HIGHLIGHT_TITLES[family][lang]}</span>
          </li>
        ))}
      </ul>
      <Caption1 as="p" data-testid="legend-precedence">
        {HIGHLIGHT_PRECEDENCE[lang]}
      </Caption1>
    </section>
  );
}
