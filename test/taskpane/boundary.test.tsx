/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary/ErrorBoundary";
import { WorkbookError } from "../../src/workbook/GoalWorkbook";
import { polyfillBrowser } from "./helpers";

beforeAll(polyfillBrowser);

let fail = true;
function Fragile(): JSX.Element {
  if (fail) throw new WorkbookError("NOT_FOUND", "Sheet “Goals” is gone");
  return <p>Back again</p>;
}

describe("the error boundary", () => {
  it("shows what a failing part threw, in the user's language, and lets the user try again", async () => {
    // React reports the caught error on the console; the test is about what the user sees.
    const report = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const user = userEvent.setup({ delay: null });
    render(
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary lang="zh">
          <Fragile />
        </ErrorBoundary>
      </FluentProvider>
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("找不到工作表或区域（可能已重命名或删除）。请重新审核。");
    expect(alert.textContent).toContain("Sheet “Goals” is gone");
    fail = false;
    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(screen.getByText("Back again")).toBeTruthy();
    report.mockRestore();
  });
});
