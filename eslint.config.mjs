import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The Office preset registers its own, older @typescript-eslint (the project's newer one replaces it), and covers
 * no .tsx: the React task pane and preview get the same rules.
 */
const officePreset = officeAddins.configs.recommended.map((config) => {
  if (!config.plugins?.["@typescript-eslint"]) return config;
  const { "@typescript-eslint": _older, ...plugins } = config.plugins;
  return { ...config, plugins, files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"] };
});

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/out/**", "test-output/**"] },
  ...tseslint.configs.recommended,
  ...officePreset,
  {
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Hooks called in order and effects that list what they read: both as errors (a stale closure is a bug).
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // TypeScript itself reports undefined names, with the right globals for each environment.
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "react-dom",
                "@fluentui/*",
                "exceljs",
                "hyperformula",
                "fs",
                "path",
                "node:*",
              ],
              message: "src/domain is pure: no UI, files or engines.",
            },
            {
              group: [
                "**/excel/**",
                "**/taskpane/**",
                "**/cli/**",
                "**/preview/**",
                "**/functions/**",
              ],
              message: "src/domain depends on nothing above it.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "src/domain is pure." },
        { name: "document", message: "src/domain is pure." },
        { name: "Office", message: "Only src/excel calls Office.js." },
        { name: "Excel", message: "Only src/excel calls Office.js." },
        { name: "process", message: "src/domain is pure." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "No clock in src/domain: pass asOf in.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "No clock in src/domain: pass asOf in.",
        },
      ],
    },
  },
  {
    // The Office.js rules read ExcelJS's getCell() as Excel.Range: they guard src/excel and the UI, not file code.
    files: [
      "src/cli/**",
      "src/preview/xlsxFile.ts",
      "src/domain/**",
      "scripts/**",
      "bench/**",
      "test/cli/**",
      "test/domain/**",
    ],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    files: ["src/cli/**/*.ts", "scripts/**/*.js", "scripts/**/*.ts", "bench/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
