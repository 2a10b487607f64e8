import { GoalWorkbook } from "../workbook/GoalWorkbook";

/** Resolves on a later task, so that the browser paints and handles input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The workbook, with a pause after the reads that come before a long step of an audit: the pane paints its
 * progress and stays responsive between the steps, although the operation runs them back to back.
 */
export function withPauses(workbook: GoalWorkbook): GoalWorkbook {
  return new Proxy(workbook, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property !== "readValues" && property !== "auditSheetName") return value.bind(target);
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        await nextTask();
        return result;
      };
    },
  });
}
