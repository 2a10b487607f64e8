import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  PortalMountNodeProvider,
  Radio,
  RadioGroup,
  Spinner,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../../taskpane/App/App";
import { Grid } from "../Grid/Grid";
import { previewText } from "../previewStrings";
import { PreviewPageProps } from "./PreviewPage.types";
import { usePaneLayer } from "./usePaneLayer";
import { usePreviewPage } from "./usePreviewPage";
import { usePreviewPageStyles } from "./usePreviewPageStyles.styles";

/**
 * The browser preview: the add-in without Excel. A workbook grid on the left and the same task pane as in Excel on
 * the right, over one preview workbook; files open from and save to .xlsx, and the page speaks English or Chinese.
 */
export function PreviewPage(props: PreviewPageProps): React.JSX.Element {
  const styles = usePreviewPageStyles();
  const state = usePreviewPage(props);
  const { lang, workbook } = state;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const { paneRef, layerRef, layer } = usePaneLayer();
  const t = (id: Parameters<typeof previewText>[1], params?: Record<string, string>) =>
    previewText(lang, id, params);

  return (
    // Not onto portals: the page's full-height frame would cover the page under every tooltip (see App.tsx).
    <FluentProvider
      theme={state.dark ? webDarkTheme : webLightTheme}
      className={styles.provider}
      applyStylesToPortals={false}
    >
      <header className={styles.bar}>
        <div className={styles.titles}>
          <h1 className={styles.title}>{t("page.title")}</h1>
          <span className={styles.subtitle}>{t("page.subtitle")}</span>
        </div>
        <div className={styles.actions}>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.xlsm,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className={styles.hidden}
            data-testid="open-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void state.openFile(file);
            }}
          />
          <Button onClick={() => fileInput.current?.click()}>{t("page.open")}</Button>
          <Button
            appearance="primary"
            disabled={!workbook || state.saving}
            onClick={() => void state.save()}
          >
            {t("page.save")}
          </Button>
          <RadioGroup
            layout="horizontal"
            aria-label={t("page.language")}
            value={lang}
            onChange={(_event, data) => state.setLang(data.value === "zh" ? "zh" : "en")}
          >
            <Radio value="en" label="English" />
            <Radio value="zh" label="中文" />
          </RadioGroup>
        </div>
      </header>
      {state.notice && (
        <MessageBar intent={state.notice.intent} className={styles.notice}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={state.dismissNotice}>
              {t("page.dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <main className={styles.main}>
        <section className={styles.sheet} aria-label={workbook ? undefined : t("page.loading")}>
          {workbook ? (
            <Grid key={state.generation} workbook={workbook} lang={lang} />
          ) : (
            <Spinner className={styles.loading} label={t("page.loading")} />
          )}
        </section>
        <aside ref={paneRef} className={styles.pane} aria-label={t("page.pane")}>
          {/* What the pane opens (tooltips, dialogs, toasts) stays over the pane, as in Excel's pane frame. */}
          <PortalMountNodeProvider value={layer ?? undefined}>
            {workbook && layer && (
              <App
                key={state.generation}
                workbook={workbook}
                officeLang={lang}
                dark={state.dark}
                embedded
              />
            )}
          </PortalMountNodeProvider>
        </aside>
      </main>
      <div ref={layerRef} className={styles.paneLayer} data-testid="pane-layer" />
    </FluentProvider>
  );
}
