import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  BadgeProps,
  Button,
  CounterBadge,
} from "@fluentui/react-components";
import {
  DismissCircleFilled,
  ErrorCircleFilled,
  FluentIcon,
  InfoFilled,
  WarningFilled,
} from "@fluentui/react-icons";
import { CODE_TITLES, Finding, findingMessage, Severity } from "../../domain";
import { useLang, useText } from "../context";
import { FindingGroup } from "./useAuditPanel";
import { useAuditPanelStyles } from "./useAuditPanelStyles.styles";

/** Findings a group lists before "Show all": a group of thousands would slow the pane for no reader. */
const FIRST_FINDINGS = 100;

/** Badge colour of a severity, from the theme. */
export const SEVERITY_BADGE: Record<Severity, BadgeProps["color"]> = {
  fatal: "danger",
  error: "danger",
  warning: "warning",
  info: "informative",
};

interface FindingGroupsProps {
  groups: FindingGroup[];
  onSelect: (finding: Finding) => void;
  /** The next step of a cascade gap (UNDER_ALLOCATED): the Allocate tool on its goal's row. */
  onAllocate?: ((row: number) => void) | undefined;
}

/** The findings grouped by code, each group with its count; a click on a finding selects its cell. */
export function FindingGroups(props: FindingGroupsProps): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const t = useText();
  if (props.groups.length === 0) return <p>{t("audit.noFindingsShown")}</p>;
  return (
    <Accordion multiple collapsible aria-label={t("audit.findingsLabel")}>
      {props.groups.map((group) => (
        <AccordionItem key={group.code} value={group.code}>
          <AccordionHeader>
            <GroupTitle group={group} />
          </AccordionHeader>
          <AccordionPanel>
            <GroupFindings
              group={group}
              onSelect={props.onSelect}
              onAllocate={props.onAllocate}
              className={styles.findingList}
            />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function GroupTitle(props: { group: FindingGroup }): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const lang = useLang();
  const t = useText();
  const { group } = props;
  return (
    // One status icon (its shape tells the severity, not only its colour; its word is read out) and one count.
    <span className={styles.groupHeader} data-code={group.code}>
      <span className={styles.groupTitle}>{CODE_TITLES[group.code][lang]}</span>
      <span className={styles.groupStatus}>
        <SeverityIcon severity={group.severity} />
        <span className={styles.visuallyHidden}>{t(`severity.${group.severity}`)}</span>
        <CounterBadge
          count={group.findings.length}
          overflowCount={99999}
          color={
            group.severity === "warning" || group.severity === "info" ? "informative" : "danger"
          }
          appearance="filled"
          size="small"
        />
      </span>
    </span>
  );
}

/** The icon of a severity: a filled circle with a cross (fatal, error), a triangle (warning), an "i" (note). */
function SeverityIcon(props: { severity: Severity }): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const Icon = SEVERITY_ICON[props.severity];
  return <Icon aria-hidden className={styles[`icon_${props.severity}`]} fontSize={16} />;
}

const SEVERITY_ICON: Record<Severity, FluentIcon> = {
  fatal: DismissCircleFilled,
  error: ErrorCircleFilled,
  warning: WarningFilled,
  info: InfoFilled,
};

function GroupFindings(props: {
  group: FindingGroup;
  onSelect: (finding: Finding) => void;
  onAllocate: FindingGroupsProps["onAllocate"];
  className: string;
}): React.JSX.Element {
  const styles = useAuditPanelStyles();
  const lang = useLang();
  const t = useText();
  const [all, setAll] = React.useState(false);
  const { findings } = props.group;
  const shown = all ? findings : findings.slice(0, FIRST_FINDINGS);
  return (
    <>
      <ul className={props.className}>
        {shown.map((finding, index) => {
          const where = finding.id
            ? t("audit.findingWhere", { row: finding.row, id: finding.id })
            : t("audit.findingRow", { row: finding.row });
          return (
            <li key={`${finding.row}:${finding.field ?? ""}:${index}`}>
              <Button
                appearance="subtle"
                className={styles.finding}
                onClick={() => props.onSelect(finding)}
              >
                {/* The accessible name is the visible text plus what a click does (WCAG 2.5.3: the visible label
                    must be part of the name). */}
                <span>
                  <span className={styles.findingRow}>{where}</span> {findingMessage(finding, lang)}
                  <span className={styles.visuallyHidden}> {t("audit.selectCell")}</span>
                </span>
              </Button>
              {finding.code === "UNDER_ALLOCATED" && props.onAllocate && (
                <Button
                  size="small"
                  appearance="secondary"
                  onClick={() => props.onAllocate?.(finding.row)}
                  aria-label={t("audit.allocateGapOf", { id: finding.id ?? `#${finding.row}` })}
                >
                  {t("audit.allocateGap")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {shown.length < findings.length && (
        <Button appearance="transparent" onClick={() => setAll(true)}>
          {t("audit.showAll", { count: findings.length })}
        </Button>
      )}
    </>
  );
}
