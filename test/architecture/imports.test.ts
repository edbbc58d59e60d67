// The import rules of docs/architecture.md hold for every .ts file of the repository's folders; a failure
// names each file, what it imports and the rule it breaks.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkImports, formatViolation, layerOf, parseLayers } from "./import-rules.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const layers = parseLayers(read("docs/architecture.md"));
/** Not ours, or not source: packages, build and tool outputs, hidden folders. */
const SKIPPED = new Set(["node_modules", "dist", "reports", "coverage"]);

/** Every .ts file in a folder of the repository (not its root's config files), but those of test/. */
function repositoryFiles(): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && !SKIPPED.has(entry.name))
    .flatMap((folder) =>
      readdirSync(new URL(folder.name, root), { recursive: true, encoding: "utf8" }).map(
        (name) => `${folder.name}/${name.split("\\").join("/")}`,
      ),
    )
    .filter((path) => path.endsWith(".ts") && layerOf(path, layers)?.mayImport !== "anything");
}

describe("import directions", () => {
  it("hold for every .ts file, as docs/architecture.md lists them", () => {
    expect(layers.map((layer) => layer.name)).toContain("sandbox/");
    const files = new Map(repositoryFiles().map((path) => [path, read(path)]));
    expect(files.size).toBeGreaterThan(150);
    expect(checkImports(files, layers).map(formatViolation)).toEqual([]);
  });

  it("flag an import against a row, and a file in no row's folder", () => {
    const table = parseLayers(`## Folders and what each may import

| folder | may import of ours, besides itself |
| ------ | ---------------------------------- |
| \`core/\` | nothing |
| \`data/\` | \`core/\` |
| \`app/\`, \`main.ts\` | \`core/\`, \`data/\` |
| \`tests/\` | anything |

## Next section
`);
    const sample = new Map([
      ["core/errors.ts", 'import type { Logger } from "../app/logger.js";'],
      ["data/loaders.ts", 'export { Context } from "../app/context.js";\nimport "./own.js";'],
      ["data/api.ts", 'const tests = await import("../tests/helpers.js"); // not "../app/x.js"'],
      ["stray/file.ts", ""],
      ["app/server.ts", 'import { api } from "../data/api.js";\nimport { log } from "../core/log.js";'],
      ["main.ts", 'import "reflect-metadata";\nimport { start } from "./app/server.js";'],
      ["tests/any.test.ts", 'import "../main.js";\nimport "../stray/file.js";'],
    ]);
    expect(checkImports(sample, table).map(formatViolation)).toEqual([
      'core/errors.ts imports "../app/logger.js" (app/logger.js): core/ may import nothing (and itself); not app/',
      'data/loaders.ts imports "../app/context.js" (app/context.js): data/ may import core/ (and itself); not app/',
      'data/api.ts imports "../tests/helpers.js" (tests/helpers.js): data/ may import core/ (and itself); not tests/',
      "stray/file.ts: the file is in no folder of docs/architecture.md",
    ]);
  });

  it("refuse a table whose rules name a folder without a row", () => {
    expect(() =>
      parseLayers("## Folders and what each may import\n\n| f | m |\n| - | - |\n| `a/` | `b/` |\n"),
    ).toThrow('"may import" names folders that have no row: b/');
  });
});
