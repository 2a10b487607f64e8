import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { AddInBuild, buildAddIn } from "../support/buildAddIn";

let build: AddInBuild;

beforeAll(async () => {
  build = await buildAddIn();
}, 300_000);

describe("the task pane bundle", () => {
  it("stays within 450 KB gzipped", () => {
    const gzipped = gzipSync(readFileSync(join(build.dir, "taskpane.js")), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(450 * 1024);
  });

  it("carries no file-reading or formula engine", () => {
    const bundled = build.modules.taskpane ?? [];
    expect(bundled).toContainEqual(expect.stringMatching(/src[\\/]taskpane[\\/]App[\\/]App\.tsx$/));
    const heavy = bundled.filter((name) =>
      /node_modules[\\/](exceljs|hyperformula|papaparse)[\\/]/.test(name)
    );
    expect(heavy).toEqual([]);
  });
});

/** Every source file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the task pane's layers", () => {
  it("reaches Excel and Office only from its entry point: components receive the workbook", () => {
    const root = join(__dirname, "../../src/taskpane");
    const reaching = sources(root)
      .filter((path) => !path.endsWith("index.tsx"))
      .filter((path) => {
        const code = readFileSync(path, "utf8");
        return /from "(\.\.\/)+excel\//.test(code) || /\b(Office|Excel)\.[a-zA-Z]/.test(code);
      });
    expect(reaching).toEqual([]);
  });
});
