import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab as FluentTab,
  TabList,
  Toaster,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { GoalFilter, NO_FILTER } from "../../domain";
import { AuditPanel } from "../AuditPanel/AuditPanel";
import { CascadeMap } from "../CascadeMap/CascadeMap";
import { OpenBranches } from "../CascadeMap/CascadeMap.types";
import { LangProvider, useText, WorkbookProvider } from "../context";
import { ErrorBoundary } from "../ErrorBoundary/ErrorBoundary";
import { FunctionsPanel } from "../FunctionsPanel/FunctionsPanel";
import { Notice } from "../Notice/Notice";
import { PANE_TOASTER } from "../Notice/toast";
import { OptionsPanel } from "../OptionsPanel/OptionsPanel";
import { StringId } from "../strings";
import { ToolsPanel } from "../ToolsPanel/ToolsPanel";
import { DoneWrite } from "../ToolsPanel/ToolsPanel.types";
import { AppProps, Tab, TABS } from "./App.types";
import { AppState, useApp } from "./useApp";
import { useAppStyles } from "./useAppStyles.styles";

const TAB_TEXT: Record<Tab, StringId> = {
  audit: "tab.audit",
  map: "tab.map",
  tools: "tab.tools",
  options: "tab.options",
  functions: "tab.functions",
};

/** The Goal Cascade task pane over a workbook: Audit, Map, Tools, Options and Functions tabs. */
export function App(props: AppProps): React.JSX.Element {
  const styles = useAppStyles();
  const officeLang = props.officeLang ?? "en";
  // applyStylesToPortals={false}: by default the provider copies its className onto every portal's mount node
  // (Tooltip, Menu, Dialog), so a frame style (min-height, background) turned each tooltip into a page-covering
  // layer. Portals still get the theme's tokens. (microsoft/fluentui#25528, #25965.)
  return (
    <FluentProvider
      theme={props.dark ? webDarkTheme : webLightTheme}
      className={styles.provider}
      applyStylesToPortals={false}
    >
      <WorkbookProvider workbook={props.workbook}>
        <ErrorBoundary lang={officeLang}>
          <Pane
            officeLang={officeLang}
            ribbon={props.ribbon}
            embedded={props.embedded === true}
            today={props.today}
          />
        </ErrorBoundary>
      </WorkbookProvider>
    </FluentProvider>
  );
}

function Pane(props: {
  officeLang: NonNullable<AppProps["officeLang"]>;
  ribbon: AppProps["ribbon"];
  embedded: boolean;
  today: AppProps["today"];
}): React.JSX.Element {
  const state = useApp(props.officeLang, props.ribbon, props.today);
  return (
    <LangProvider lang={state.lang}>
      {/* Inside the language: a toast is worded when it shows. */}
      <Toaster toasterId={PANE_TOASTER} position="bottom-end" pauseOnHover pauseOnWindowBlur />
      <PaneContent state={state} embedded={props.embedded} />
    </LangProvider>
  );
}

function PaneContent(props: { state: AppState; embedded: boolean }): React.JSX.Element {
  const styles = useAppStyles();
  const t = useText();
  const { state } = props;
  const goToAudit = React.useCallback(() => state.setTab("audit"), [state]);
  // A finding's next step opens Tools on its goal.
  const [toolsRow, setToolsRow] = React.useState<number | null>(null);
  const allocate = React.useCallback(
    (row: number) => {
      setToolsRow(row);
      state.setTab("tools");
    },
    [state]
  );
  // The search and filter the Audit and Map tabs share: narrowing the findings to a team narrows the map too.
  const [goalFilter, setGoalFilter] = React.useState<GoalFilter>(NO_FILTER);
  // Only the shown tab is mounted: the map's open branches and the tools' last write (with its Undo) wait here
  // while another tab is shown.
  const mapBranches = React.useRef<OpenBranches | null>(null);
  const [done, setDone] = React.useState<DoneWrite | null>(null);
  const lastWrite = React.useMemo(() => ({ done, setDone }), [done]);

  const content = (() => {
    switch (state.tab) {
      case "audit":
        return (
          <AuditPanel
            session={state.session}
            mapping={state.options.saved.mapping}
            onSaveMapping={state.saveMapping}
            onAllocate={allocate}
            goalFilter={goalFilter}
            onGoalFilter={setGoalFilter}
          />
        );
      case "map":
        return (
          <CascadeMap
            run={state.session.run}
            onGoToAudit={goToAudit}
            memory={mapBranches}
            goalFilter={goalFilter}
            onGoalFilter={setGoalFilter}
          />
        );
      case "tools":
        return (
          <ToolsPanel
            run={state.session.run}
            reaudit={state.session.reaudit}
            onGoToAudit={goToAudit}
            goalRow={toolsRow}
            selection={state.session.selection}
            lastWrite={lastWrite}
          />
        );
      case "options":
        return <OptionsPanel options={state.options} onSave={state.saveOptions} />;
      case "functions":
        return <FunctionsPanel />;
    }
  })();

  // What the audit tabs show may be older than the options (audit again) or than the sheet's highlights (a live
  // audit left them: refresh them); both run the audit again with the writes.
  const auditTab = state.tab !== "options" && state.tab !== "functions";
  const outOfDate: { intent: "warning" | "info"; text: StringId; action: StringId } | null =
    !auditTab
      ? null
      : state.session.stale
        ? { intent: "warning", text: "audit.stale", action: "audit.again" }
        : state.session.highlightsStale
          ? { intent: "info", text: "audit.highlightsStale", action: "audit.refreshHighlights" }
          : null;

  // In Excel the pane is the page; inside the preview it is one part of a page that has its own main.
  const Root = props.embedded ? "div" : "main";
  return (
    <Root className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={state.tab}
        onTabSelect={(_event, data) => state.setTab(data.value as Tab)}
        aria-label={t("tab.label")}
      >
        {TABS.map((tab) => (
          <FluentTab key={tab} value={tab} id={`tab-${tab}`} aria-controls={`panel-${tab}`}>
            {t(TAB_TEXT[tab])}
          </FluentTab>
        ))}
      </TabList>
      <Notice notice={state.notice} onDismiss={state.dismissNotice} />
      {outOfDate && (
        <MessageBar
          intent={outOfDate.intent}
          layout="multiline"
          className={styles.stale}
          data-testid="out-of-date"
        >
          <MessageBarBody>{t(outOfDate.text)}</MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              disabled={state.session.busy}
              onClick={() => void state.session.reaudit()}
            >
              {t(outOfDate.action)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div
        role="tabpanel"
        id={`panel-${state.tab}`}
        aria-labelledby={`tab-${state.tab}`}
        className={styles.content}
      >
        {/* A tab that fails leaves the tabs working: the boundary resets when the user picks another tab. */}
        <ErrorBoundary key={state.tab} lang={state.lang}>
          {content}
        </ErrorBoundary>
      </div>
    </Root>
  );
}
