import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import webpack from "webpack";

export interface AddInBuild {
  dir: string;
  /** Emitted files, relative to `dir`, with forward slashes. */
  files: Set<string>;
  /** Resource paths of the modules bundled into each entry's chunk. */
  modules: Record<string, string[]>;
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(path, root)
      : [relative(root, path).replace(/\\/g, "/")];
  });
}

let cached: Promise<AddInBuild> | null = null;

type ConfigFunction = (env: unknown, argv: unknown) => Promise<webpack.Configuration>;

/** Builds the add-in (production) into a temporary folder with the project's own webpack configuration. */
export function buildAddIn(): Promise<AddInBuild> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack configuration is CommonJS
  const configs = require("../../webpack.config.js") as ConfigFunction[];
  const addIn = configs[0] as ConfigFunction;
  cached ??= addIn({}, { mode: "production" }).then((config) =>
    compile({
      ...config,
      output: { ...config.output, path: mkdtempSync(join(tmpdir(), "goal-cascade-build-")) },
    })
  );
  return cached;
}

/** Compiles one configuration, resolving with what it emitted. */
function compile(config: webpack.Configuration): Promise<AddInBuild> {
  const dir = config.output?.path as string;
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || !stats || stats.hasErrors()) {
        reject(
          error ?? new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed")
        );
        return;
      }
      const json = stats.toJson({ modules: true, chunks: true, chunkModules: true });
      const modules: Record<string, string[]> = {};
      for (const chunk of json.chunks ?? []) {
        for (const name of chunk.names ?? []) {
          modules[name] = (chunk.modules ?? []).flatMap((module) => [
            module.name ?? "",
            ...(module.modules ?? []).map((inner) => inner.name ?? ""),
          ]);
        }
      }
      resolve({ dir, files: new Set(listFiles(dir)), modules });
    });
  });
}
