/*
 * Builds the add-in (functions, task pane, help page, manifest, icons) into dist/ for the browser, the command
 * line (dist/cli.js) for Node, and the browser preview into dist/preview/.
 */
const path = require("path");
const webpack = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// The Chinese metadata and the help page are made from the TypeScript help texts.
require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
const { chineseMetadata } = require("./src/functions/help.ts");
const { functionReferenceHtml } = require("./src/taskpane/functionReference.ts");
const { addinOrigin, withOrigin } = require("./scripts/addinOrigin");

const dist = path.resolve(__dirname, "dist");
const nodeModule = /^[a-z@][^:]*$/i;

/** TypeScript; ES modules for the browser so that webpack can leave out what a bundle does not use. */
const typescript = (module) => ({
  test: /\.tsx?$/,
  loader: "ts-loader",
  exclude: /node_modules/,
  options: { transpileOnly: true, compilerOptions: { module } },
});

/**
 * Writes functions-zh.json beside the functions.json the metadata plugin generates, both with their help links on
 * the add-in's origin.
 */
class ChineseFunctionsMetadataPlugin {
  constructor(origin) {
    this.origin = origin;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ChineseFunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "ChineseFunctionsMetadata",
          stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        () => {
          const english = compilation.getAsset("functions.json");
          if (!english) return;
          const text = withOrigin(english.source.source().toString(), this.origin);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(text));
          compilation.emitAsset(
            "functions-zh.json",
            new webpack.sources.RawSource(
              JSON.stringify(chineseMetadata(JSON.parse(text)), null, 2)
            )
          );
        }
      );
    });
  }
}

const helpPage = () => `<!doctype html>
<html lang="en-US"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Goal Cascade — GOAL functions / GOAL 函数</title>
<style>body{font-family:"Segoe UI","Microsoft YaHei",system-ui,sans-serif;margin:16px;max-width:60rem}dd{margin:0 0 6px 12px}</style>
</head><body><main>${functionReferenceHtml("en")}</main><hr /><main lang="zh-CN">${functionReferenceHtml("zh")}</main></body></html>`;

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * The dev server's https options: Office loads add-ins only over https, from a certificate it trusts
 * (office-addin-dev-certs makes one and installs its authority, asking for permission the first time). Where
 * that is not possible (no sudo, a CI machine), the server falls back to http and says why.
 */
async function devServerOptions() {
  const server = {
    port: DEV_PORT,
    headers: { "Access-Control-Allow-Origin": "*" },
    hot: false,
    client: false,
    static: false,
  };
  const certificates = require("office-addin-dev-certs");
  try {
    return {
      ...server,
      server: { type: "https", options: await certificates.getHttpsServerOptions() },
    };
  } catch (error) {
    // The certificate was made but its authority could not be installed (no sudo here): serve https with it
    // anyway and say how to trust it, else fall back to http.
    const folder = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const files = ["localhost.crt", "localhost.key", "ca.crt"].map((name) =>
      path.join(folder, name)
    );
    if (files.every((file) => require("fs").existsSync(file))) {
      const [cert, key, ca] = files.map((file) => require("fs").readFileSync(file));
      console.warn(
        `The development certificate's authority is not trusted yet (${error.message.trim()}). ` +
          `Trust ${files[2]} in your browser or system to load the add-in from https://localhost:${DEV_PORT}.`
      );
      return { ...server, server: { type: "https", options: { cert, key, ca } } };
    }
    console.warn(`Serving over http: no development certificate (${error.message.trim()}).`);
    return { ...server, server: { type: "http" } };
  }
}

/** @returns {Promise<import('webpack').Configuration>} */
const addIn = async (_env, argv) => {
  const origin = addinOrigin();
  return addInConfig(argv, origin);
};

const addInConfig = async (argv, origin) => ({
  name: "add-in",
  target: "web",
  mode: argv.mode || "production",
  entry: {
    functions: "./src/functions/functions.ts",
    taskpane: "./src/taskpane/index",
    notice: "./src/commands/noticeEntry.ts",
  },
  output: { path: dist, filename: "[name].js", clean: false },
  devtool: "source-map",
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [typescript("es2022")] },
  performance: { hints: false },
  ...(process.env.WEBPACK_SERVE ? { devServer: await devServerOptions() } : {}),
  plugins: [
    new CustomFunctionsMetadataPlugin({
      output: "functions.json",
      input: "./src/functions/functions.ts",
    }),
    new ChineseFunctionsMetadataPlugin(origin),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      // One page, one runtime: the functions load beside the pane, whose bundle registers the ribbon's commands.
      chunks: ["functions", "taskpane"],
    }),
    // The ribbon command's short notice (a dialog page of its own).
    new HtmlWebpackPlugin({
      filename: "notice.html",
      template: "./src/commands/notice.html",
      chunks: ["notice"],
    }),
    new HtmlWebpackPlugin({ filename: "help.html", templateContent: helpPage, inject: false }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        // The manifest as the add-in's origin serves it (GOAL_CASCADE_ORIGIN; scripts/addinOrigin.js).
        {
          from: "manifest.xml",
          to: "manifest.xml",
          transform: (content) => withOrigin(content.toString(), origin),
        },
      ],
    }),
  ],
});

const PREVIEW_PORT = Number(process.env.npm_package_config_preview_port || 3001);

/**
 * The browser preview: the task pane beside a workbook grid computed by HyperFormula, on plain http (no
 * certificate) and with nothing from the internet. It opens on the sample cascade with deliberate problems.
 * @returns {import('webpack').Configuration}
 */
const preview = (_env, argv) => ({
  name: "preview",
  target: "web",
  mode: argv.mode || "production",
  entry: { preview: "./src/preview/index" },
  output: { path: path.join(dist, "preview"), filename: "[name].js", clean: false },
  devtool: "source-map",
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [typescript("es2022")] },
  performance: { hints: false },
  devServer: { port: PREVIEW_PORT, host: "127.0.0.1", hot: false, client: false, static: false },
  plugins: [
    new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "samples/cascade-problems.xlsx", to: "samples/cascade-problems.xlsx" },
        { from: "assets/icon-32.png", to: "icon-32.png" },
      ],
    }),
  ],
});

/** @returns {import('webpack').Configuration} */
const cli = (_env, argv) => ({
  name: "cli",
  target: "node20",
  mode: argv.mode || "production",
  entry: { cli: "./src/cli/cli.ts" },
  output: { path: dist, filename: "[name].js", clean: false },
  devtool: "source-map",
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [typescript("commonjs")] },
  // Packages stay in node_modules: the CLI runs where `npm install` put them.
  externals: [
    ({ request }, callback) =>
      nodeModule.test(request) && !request.startsWith(".")
        ? callback(null, `commonjs ${request}`)
        : callback(),
  ],
  optimization: { minimize: false },
  plugins: [
    new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
  ],
});

module.exports = [addIn, cli, preview];
