/**
 * GOAL cells compute only while the add-in is loaded. Once a workbook uses a GOAL function, the add-in asks Office to
 * load it whenever that workbook opens, so its GOAL cells compute on reopening instead of showing #NAME? or stale
 * values until the pane is opened. `Office.addin.setStartupBehavior(Office.StartupBehavior.load)` has document scope
 * and needs the shared runtime (SharedRuntime 1.1), which the manifest asks for
 * (learn.microsoft.com/office/dev/add-ins/develop/run-code-on-document-open).
 */

let asked = false;

/**
 * Asks once per session that this document load the add-in when it opens; never throws and never waits (a custom
 * function must not block on it). Outside Office, or where the shared runtime is missing, it does nothing.
 */
export function loadWithThisDocument(): void {
  if (asked) return;
  asked = true;
  try {
    if (typeof Office === "undefined" || !Office.addin?.setStartupBehavior) return;
    if (!Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")) return;
    Office.addin.setStartupBehavior(Office.StartupBehavior.load).catch(() => {
      // A host that refuses (a read-only document) keeps the default: the functions still compute once loaded.
      asked = false;
    });
  } catch {
    asked = false;
  }
}

/** For tests: forget that the request was made. */
export function resetStartupRequest(): void {
  asked = false;
}
