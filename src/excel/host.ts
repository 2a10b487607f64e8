/**
 * The Office host around the workbook: requirement-set checks, the task pane, ribbon command registration. With
 * ExcelWorkbook this is the only code that touches the `Office` global.
 */

/**
 * True when the running Excel supports ExcelApi `version`; false outside Office or before it is ready.
 * @example supportsExcelApi("1.8") // true in Excel on the web
 */
export function supportsExcelApi(version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/**
 * True when Excel keeps the add-in's writes on the user's undo stack (ExcelUndoApiAll 1.0, checked as
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities says); false outside Office.
 */
export function supportsUndoApi(): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelUndoApiAll", "1.0") === true;
}

/** Opens the add-in's task pane (the shared runtime's page). */
export async function showTaskpane(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

/** What a ribbon command receives: it must say when it is done. */
export interface CommandEvent {
  completed(): void;
}

/**
 * Associates a ribbon command's id (the manifest's `FunctionName`) with its handler once Office is ready; does
 * nothing outside Office (tests, the browser preview).
 */
export function registerCommand(id: string, handler: (event: CommandEvent) => unknown): void {
  if (typeof Office === "undefined") return;
  void Office.onReady(() => Office.actions.associate(id, handler));
}

/** How long the ribbon's notice stays open: an open dialog blocks the calculation of custom functions. */
export const NOTICE_SECONDS = 8;

/**
 * Shows the ribbon command's short notice in a small dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1:
 * learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins) and closes it after NOTICE_SECONDS
 * or when the user presses OK: an open dialog blocks the calculation of custom functions, so it never stays.
 * Resolves once the dialog is shown, or rejects when it cannot be (no dialog API, another dialog open).
 */
export function showNotice(page: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The notice page sits beside the page that runs the add-in (the shared runtime's taskpane.html).
    const pageUrl = new URL(page, globalThis.location?.href).href;
    if (typeof Office === "undefined" || !Office.context?.ui?.displayDialogAsync) {
      reject(new Error("this Office has no dialog API"));
      return;
    }
    Office.context.ui.displayDialogAsync(
      pageUrl,
      { height: 25, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          reject(new Error(result.error.message));
          return;
        }
        const dialog = result.value;
        const timer = setTimeout(() => dialog.close(), NOTICE_SECONDS * 1000);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          clearTimeout(timer);
          dialog.close();
        });
        // Closed by the user (its X): nothing is left to close later.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => clearTimeout(timer));
        resolve();
      }
    );
  });
}

/** From inside the notice: asks the add-in that opened it to close it. Outside a dialog it does nothing. */
export function askToCloseNotice(): void {
  if (typeof Office !== "undefined" && Office.context?.ui?.messageParent)
    Office.context.ui.messageParent("close");
}

/** Runs `start` once Office is ready, or at once outside Office (a page opened in a plain browser). */
export function whenOfficeReady(start: () => void): void {
  if (typeof Office === "undefined") start();
  else void Office.onReady(() => start());
}
