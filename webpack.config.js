/* Builds the command line (dist/cli.js). Later entries (task pane, functions, commands, preview) join here. */
const path = require("path");
const webpack = require("webpack");

const nodeModule = /^[a-z@][^:]*$/i;

/** @returns {import('webpack').Configuration} */
const cli = (_env, argv) => ({
  name: "cli",
  target: "node20",
  mode: argv.mode || "production",
  entry: { cli: "./src/cli/cli.ts" },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: false },
  devtool: "source-map",
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: { transpileOnly: true },
      },
    ],
  },
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

module.exports = [cli];
