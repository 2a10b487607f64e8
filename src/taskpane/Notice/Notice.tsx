import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { findingMessage, issueMessage, Lang } from "../../domain";
import { useLang, useText } from "../context";
import { describeError } from "../errors";
import { text } from "../strings";
import { NoticeMessage, NoticeProps } from "./Notice.types";

/** The title and body of a notice in a language. */
export function noticeWords(
  message: NoticeMessage,
  lang: Lang
): { title: string | null; body: string } {
  switch (message.kind) {
    case "text":
      return { title: null, body: text(lang, message.id, message.params) };
    case "issue":
      return { title: null, body: issueMessage(message.issue, lang) };
    case "finding":
      return { title: null, body: findingMessage(message.finding, lang) };
    case "noTable":
      return {
        title: text(lang, "audit.noTableTitle"),
        body: `${message.detail[lang]}. ${text(lang, "audit.noTable")}`,
      };
    case "error": {
      const { title, detail } = describeError(message.error, lang);
      return { title, body: detail };
    }
  }
}

/** A MessageBar for the outcome of an action: success, information, warning or error, with a dismiss button. */
export function Notice(props: NoticeProps): React.JSX.Element | null {
  const lang = useLang();
  const { notice, onDismiss } = props;
  if (!notice) return null;
  const { title, body } = noticeWords(notice.message, lang);
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      role={notice.intent === "error" ? "alert" : "status"}
    >
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {body}
      </MessageBarBody>
      {onDismiss && <MessageBarActions containerAction={<DismissButton onClick={onDismiss} />} />}
    </MessageBar>
  );
}

/** The × that closes a message bar. */
export function DismissButton(props: { onClick: () => void }): React.JSX.Element {
  const t = useText();
  return (
    <Button
      appearance="transparent"
      aria-label={t("notice.dismiss")}
      icon={<DismissRegular />}
      onClick={props.onClick}
    />
  );
}
