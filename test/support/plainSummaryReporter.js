/**
 * Prints the plain closing line "N passed, N failed" (", N skipped" when any) after Jest's own summary, so that
 * CI can read how many tests ran whatever runner it knows.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.stdout.write(`${line}\n`);
  }
}

module.exports = PlainSummaryReporter;
