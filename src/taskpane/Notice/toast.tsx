/**
 * Transient success (saved, cleared, undone) as a Fluent Toast rather than one more message bar stacked in the tab:
 * it says what happened where the pane announces it (the Toaster's live region) and goes by itself. Outcomes that
 * need an answer or name where something went stay as message bars.
 */
import * as React from "react";
import { Toast, ToastTitle, useToastController } from "@fluentui/react-components";
import { useLang } from "../context";
import { noticeWords } from "./Notice";
import { Notice } from "./Notice.types";

/** The pane's one Toaster (App renders it). */
export const PANE_TOASTER = "goal-cascade-pane";

/** How long a toast stays, in milliseconds. */
export const TOAST_MS = 6000;

/** A toast's words, in the language the pane speaks when it shows (the user may just have switched it). */
function NoticeToast(props: { notice: Notice }): React.JSX.Element {
  const lang = useLang();
  return (
    <Toast>
      <ToastTitle>{noticeWords(props.notice.message, lang).body}</ToastTitle>
    </Toast>
  );
}

/** A function that shows a notice as a toast. */
export function useToast(): (notice: Notice) => void {
  const { dispatchToast } = useToastController(PANE_TOASTER);
  return React.useCallback(
    (notice: Notice) =>
      dispatchToast(<NoticeToast notice={notice} />, {
        intent: notice.intent,
        timeout: TOAST_MS,
      }),
    [dispatchToast]
  );
}
