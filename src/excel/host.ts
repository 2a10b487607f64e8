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
