/**
 * The add-in manifest, checked structurally (the online validator cannot be reached from here): element order as
 * the schema requires, every resid resolves, every URL is https and points at a file the build emits, both
 * languages, and the custom functions' namespace and ids match the generated metadata.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseStringPromise } from "xml2js";
import { FUNCTION_HELP, FUNCTION_NAMES, FunctionsMetadata } from "../src/functions/help";
import { dimensionalityOf, GOAL_FUNCTIONS } from "../src/functions/registry";
import { AddInBuild, buildAddIn } from "./support/buildAddIn";

interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: XmlNode[];
  _?: string;
}

let root: XmlNode;
let build: AddInBuild;

beforeAll(async () => {
  const xml = readFileSync(join(__dirname, "..", "manifest.xml"), "utf8");
  const parsed = await parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: false,
  });
  root = { ...parsed, "#name": "OfficeApp" } as XmlNode;
  build = await buildAddIn();
}, 120_000);

function children(node: XmlNode): XmlNode[] {
  return node.$$ ?? [];
}

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of children(node)) yield* walk(child);
}

function find(name: string): XmlNode[] {
  return [...walk(root)].filter((node) => node["#name"] === name);
}

/** The names of a node's children, in order. */
function childNames(node: XmlNode): string[] {
  return children(node).map((child) => child["#name"]);
}

/** True when `names` appear in the order of `schema` (names outside the schema list fail). */
function inSchemaOrder(names: string[], schema: string[]): boolean {
  const positions = names.map((name) => schema.indexOf(name));
  return positions.every(
    (position, index) =>
      position >= 0 && (index === 0 || position >= (positions[index - 1] as number))
  );
}

/** Child order of the elements this manifest uses, from the add-in manifest schema's sequences. */
const SCHEMA_ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "EquivalentAddins",
    "VersionOverrides",
  ],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "FunctionName", "SourceLocation", "Title", "SupportsPinning"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  Sets: ["Set"],
};

/** The custom-functions extension point: Script, Page, Metadata, Namespace. */
const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];

describe("manifest.xml", () => {
  it("orders every element as the schema requires", () => {
    const misplaced: string[] = [];
    for (const node of walk(root)) {
      const name = node["#name"];
      const order =
        name === "ExtensionPoint" && node.$?.["xsi:type"] === "CustomFunctions"
          ? CUSTOM_FUNCTIONS_ORDER
          : name === "Host" && node.$?.["xsi:type"] === undefined
            ? undefined
            : SCHEMA_ORDER[name];
      if (order && !inSchemaOrder(childNames(node), order))
        misplaced.push(`${name}: ${childNames(node).join(", ")}`);
    }
    expect(misplaced).toEqual([]);
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(
      [...find("bt:Image"), ...find("bt:Url"), ...find("bt:String")]
        .map((node) => node.$?.id)
        .filter((id): id is string => Boolean(id))
    );
    const resids = [...walk(root)]
      .map((node) => node.$?.resid)
      .filter((resid): resid is string => Boolean(resid));
    expect(resids.length).toBeGreaterThan(10);
    expect(resids.filter((resid) => !ids.has(resid))).toEqual([]);
  });

  it("points every URL over https at a file the build emits", () => {
    const urls = [...walk(root)].flatMap((node) => {
      const values = [node.$?.DefaultValue, node.$?.Value].filter((value): value is string =>
        Boolean(value)
      );
      if (node["#name"] === "AppDomain" && node._) values.push(node._);
      return values.filter((value) => /^[a-z]+:\/\//i.test(value));
    });
    expect(urls.length).toBeGreaterThan(8);
    const problems = urls.filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol !== "https:") return true;
      const path = parsed.pathname.replace(/^\//, "");
      return path !== "" && !build.files.has(path);
    });
    expect(problems).toEqual([]);
  });

  it("has every string in English and Chinese", () => {
    const strings = [...find("bt:String"), ...find("DisplayName"), ...find("Description")].filter(
      (node) => node.$?.DefaultValue !== undefined && node.$?.id !== "Functions.Namespace"
    );
    const withoutChinese = strings.filter(
      (node) =>
        !children(node).some(
          (child) => child.$?.Locale === "zh-CN" && /\p{Script=Han}/u.test(child.$?.Value ?? "")
        )
    );
    expect(withoutChinese.map((node) => node.$?.id ?? node["#name"])).toEqual([]);
  });

  it("asks for the shared runtime and runs functions, pane and ribbon in it", () => {
    expect(find("Set").map((node) => node.$)).toContainEqual({
      Name: "SharedRuntime",
      MinVersion: "1.1",
    });
    const runtime = find("Runtime")[0]?.$;
    expect(runtime).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const page = find("Page")[0];
    expect(children(page as XmlNode)[0]?.$?.resid).toBe("Taskpane.Url");
    expect(find("FunctionFile")[0]?.$?.resid).toBe("Taskpane.Url");
  });

  it("puts its ribbon group on the Home tab with icons of 16, 32 and 80 px", () => {
    const tab = find("OfficeTab")[0];
    expect(tab?.$?.id).toBe("TabHome");
    const group = children(tab as XmlNode).find((node) => node["#name"] === "Group") as XmlNode;
    const icons = [group, ...children(group).filter((node) => node["#name"] === "Control")].map(
      (node) => children(node).find((child) => child["#name"] === "Icon") as XmlNode
    );
    for (const icon of icons)
      expect(children(icon).map((image) => image.$?.size)).toEqual(["16", "32", "80"]);
  });

  it("audits from the ribbon with a function the shared runtime registers, and opens the pane", () => {
    const actions = find("Action").map((action) => [
      action.$?.["xsi:type"],
      children(action).map((child) => child._ ?? child.$?.resid),
    ]);
    expect(actions).toEqual([
      ["ExecuteFunction", ["auditGoals"]],
      ["ShowTaskpane", ["GoalCascade.Taskpane", "Taskpane.Url"]],
    ]);
  });

  it("serves Chinese function metadata to Chinese Excel", () => {
    const url = find("bt:Url").find((node) => node.$?.id === "Functions.Metadata.Url") as XmlNode;
    expect(url.$?.DefaultValue).toMatch(/\/functions\.json$/);
    expect(children(url).map((node) => [node.$?.Locale, node.$?.Value])).toEqual([
      ["zh-CN", "https://localhost:3000/functions-zh.json"],
    ]);
  });

  it("names the GOAL namespace and exactly the functions the metadata lists", () => {
    const namespace = find("bt:String").find((node) => node.$?.id === "Functions.Namespace");
    expect(namespace?.$?.DefaultValue).toBe("GOAL");
    const metadata = JSON.parse(
      readFileSync(join(build.dir, "functions.json"), "utf8")
    ) as FunctionsMetadata;
    expect(metadata.functions.map((fn) => fn.id)).toEqual(FUNCTION_NAMES);
  });
});

describe("the built add-in", () => {
  it("emits the task pane, the functions, both metadata files, the help page and the icons", () => {
    for (const file of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "functions-zh.json",
      "help.html",
      "notice.html",
      "notice.js",
      "manifest.xml",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "assets/audit-16.png",
      "assets/audit-32.png",
      "assets/audit-80.png",
    ])
      expect(build.files).toContain(file);
  });

  it("registers the ribbon's auditGoals command in the page that hosts the pane", () => {
    const pane = readFileSync(join(build.dir, "taskpane.js"), "utf8");
    expect(pane).toMatch(/"auditGoals"/);
    expect(pane).toMatch(/\.actions\.associate\(/);
  });

  it("loads the functions beside the task pane in one page (shared runtime)", () => {
    const html = readFileSync(join(build.dir, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script[^>]+src="?functions\.js"?[ >]/);
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js"?[ >]/);
  });

  it("keeps the functions bundle within 80 KB and free of React, ExcelJS, HyperFormula and the audit", () => {
    expect(statSync(join(build.dir, "functions.js")).size).toBeLessThanOrEqual(80 * 1024);
    const bundled = build.modules.functions ?? [];
    expect(bundled).toContainEqual(expect.stringMatching(/src[\\/]functions[\\/]core\.ts$/));
    const heavy = bundled.filter((name) =>
      /node_modules[\\/](react|react-dom|exceljs|hyperformula)[\\/]/.test(name)
    );
    expect(heavy).toEqual([]);
    // GOAL.AUDIT's core (the whole audit) is a chunk of its own, loaded when a workbook first uses it.
    expect(bundled.filter((name) => /src[\\/]domain[\\/](audit|table)\.ts$/.test(name))).toEqual(
      []
    );
    expect(build.modules.audit).toContainEqual(
      expect.stringMatching(/src[\\/]functions[\\/]auditCore\.ts$/)
    );
    expect(build.files.has("audit.js")).toBe(true);
  });

  it("types every parameter and gives every function English help that matches its JSDoc", () => {
    const metadata = JSON.parse(
      readFileSync(join(build.dir, "functions.json"), "utf8")
    ) as FunctionsMetadata;
    for (const fn of metadata.functions) {
      const help = FUNCTION_HELP[fn.id as keyof typeof FUNCTION_HELP];
      expect(fn.description).toBe(help.en);
      expect(fn.parameters.map((parameter) => parameter.name)).toEqual(
        help.parameters.map((p) => p.name)
      );
      expect(fn.parameters.map((parameter) => parameter.description)).toEqual(
        help.parameters.map((p) => p.en)
      );
      for (const parameter of fn.parameters) expect(parameter.type).toBeDefined();
    }
  });

  it("declares every parameter as the registry reads it: ranges as matrices, optional ones optional", () => {
    const metadata = JSON.parse(
      readFileSync(join(build.dir, "functions.json"), "utf8")
    ) as FunctionsMetadata;
    expect(metadata.functions.map((fn) => fn.id)).toEqual(Object.keys(GOAL_FUNCTIONS));
    for (const fn of metadata.functions) {
      const spec = GOAL_FUNCTIONS[fn.id as keyof typeof GOAL_FUNCTIONS];
      expect([fn.id, fn.parameters.map((parameter) => parameter.name)]).toEqual([
        fn.id,
        spec.parameters.map((parameter) => parameter.name),
      ]);
      expect([
        fn.id,
        fn.parameters.map((parameter) => parameter.dimensionality ?? "scalar"),
      ]).toEqual([fn.id, spec.parameters.map(dimensionalityOf)]);
      expect([fn.id, fn.parameters.map((parameter) => parameter.optional === true)]).toEqual([
        fn.id,
        spec.parameters.map((parameter) => parameter.optional),
      ]);
      const result = (fn as { result?: { dimensionality?: string } }).result;
      expect([fn.id, result?.dimensionality ?? "scalar"]).toEqual([fn.id, spec.result]);
      const options = (fn as { options?: { requiresParameterAddresses?: boolean } }).options;
      expect([fn.id, options?.requiresParameterAddresses === true]).toEqual([
        fn.id,
        spec.addresses,
      ]);
    }
    // Every range the functions take: no parameter that may be a range is left scalar (office-js #580).
    const ranges = metadata.functions.flatMap((fn) =>
      fn.parameters
        .filter((parameter) => parameter.dimensionality === "matrix")
        .map((parameter) => `${fn.id}.${parameter.name}`)
    );
    expect(ranges).toEqual(
      expect.arrayContaining([
        "VARIANCE.actual",
        "PACE.profile",
        "ALLOCATE.weights_or_count",
        "ROLLUP.ids",
        "ROLLUP.method",
        "SCORE.attainments",
        "SCORE.weights",
        "AUDIT.table",
      ])
    );
  });

  it("writes Chinese descriptions and parameter names into functions-zh.json, keeping the ids", () => {
    const chinese = JSON.parse(
      readFileSync(join(build.dir, "functions-zh.json"), "utf8")
    ) as FunctionsMetadata;
    expect(chinese.functions.map((fn) => fn.id)).toEqual(FUNCTION_NAMES);
    for (const fn of chinese.functions) {
      expect(fn.name).toBe(fn.id);
      expect(fn.description).toMatch(/\p{Script=Han}/u);
      for (const parameter of fn.parameters)
        expect(`${parameter.name} ${parameter.description}`).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe("the manifest's origin and version", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS helper
  const origin = require("../scripts/addinOrigin") as {
    addinOrigin(env: Record<string, string | undefined>): string;
    metadataFingerprint(json: string, origin?: string): string;
    recordedFingerprint(): string;
  };

  it("goes with the functions metadata it was raised for (run `npm run bump-manifest` when this fails)", () => {
    const built = readFileSync(join(build.dir, "functions.json"), "utf8");
    expect(origin.metadataFingerprint(built)).toBe(origin.recordedFingerprint());
  });

  it("is built for the origin GOAL_CASCADE_ORIGIN names, in the manifest and the help links", async () => {
    const saved = process.env.GOAL_CASCADE_ORIGIN;
    process.env.GOAL_CASCADE_ORIGIN = "https://addin.example.com/";
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack configuration is CommonJS
      const configs = require("../webpack.config.js") as ((
        env: unknown,
        argv: unknown
      ) => Promise<{
        plugins: { patterns?: { from: string; transform?(text: Buffer): string }[] }[];
      }>)[];
      const config = await (configs[0] as (typeof configs)[number])({}, { mode: "production" });
      const pattern = config.plugins
        .flatMap((plugin) => plugin.patterns ?? [])
        .find((each) => each.from === "manifest.xml");
      const manifest =
        pattern?.transform?.(readFileSync(join(__dirname, "..", "manifest.xml"))) ?? "";
      expect(manifest).not.toMatch(/localhost/);
      expect(manifest).toMatch(
        /<SourceLocation DefaultValue="https:\/\/addin\.example\.com\/taskpane\.html"/
      );
    } finally {
      if (saved === undefined) delete process.env.GOAL_CASCADE_ORIGIN;
      else process.env.GOAL_CASCADE_ORIGIN = saved;
    }
  });

  it("refuses an origin Office could not load the add-in from", () => {
    expect(origin.addinOrigin({})).toBe("https://localhost:3000");
    expect(() => origin.addinOrigin({ GOAL_CASCADE_ORIGIN: "http://addin.example.com" })).toThrow(
      /must be https/
    );
    expect(() =>
      origin.addinOrigin({ GOAL_CASCADE_ORIGIN: "https://addin.example.com/app/" })
    ).toThrow(/without a path/);
    expect(() => origin.addinOrigin({ GOAL_CASCADE_ORIGIN: "addin" })).toThrow(/not a URL/);
  });

  it("serves the functions' help from the add-in's origin", () => {
    const metadata = JSON.parse(
      readFileSync(join(build.dir, "functions.json"), "utf8")
    ) as FunctionsMetadata;
    for (const fn of metadata.functions)
      expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#${fn.id.toLowerCase()}`);
  });
});
