// The import rules of docs/architecture.md ("Folders and what each may import"), read from its table, and
// the one check of them. Imports are read with TypeScript's own pre-processor, so type-only imports,
// re-exports and dynamic import() count, and comments or strings never do.
import { posix } from "node:path";
import ts from "typescript";

export interface Layer {
  /** The row's first folder, e.g. "src/server/". */
  name: string;
  /** Repository paths without extension: a folder and everything in it ("src/server"), or one file ("src/main"). */
  paths: readonly string[];
  /** The layers (by name) it may import besides itself; "anything" for test/. */
  mayImport: readonly string[] | "anything";
}

const SECTION = "## Folders and what each may import";

function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

const withoutExtension = (path: string) => path.replace(/\.(ts|js|mts|mjs|cts|cjs|json)$/, "");
const withoutSlash = (path: string) => path.replace(/\/$/, "");

/** The first table of the section: `folder` cells → the folders their "may import" cell names. */
export function parseLayers(markdown: string): Layer[] {
  const start = markdown.indexOf(SECTION);
  if (start < 0) throw new Error(`No "${SECTION}" section`);
  const lines = markdown.slice(start).split("\n").slice(1);
  const first = lines.findIndex((line) => line.startsWith("|"));
  if (first < 0) throw new Error(`No table in "${SECTION}"`);
  const table: string[] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    table.push(line);
  }
  const rows = table.slice(2); // header and separator
  const layers: Layer[] = rows.map((row) => {
    const [folders, allowed] = row.split("|").slice(1, 3);
    const names = codeSpans(folders);
    if (names.length === 0) throw new Error(`A row without a folder: ${row}`);
    const text = allowed.trim();
    return {
      name: names[0],
      paths: names.map((name) => withoutExtension(withoutSlash(name))),
      mayImport: text === "anything" ? "anything" : text === "nothing" ? [] : codeSpans(allowed),
    };
  });
  const known = new Set(layers.map((layer) => layer.name));
  const unknown = layers.flatMap((layer) =>
    layer.mayImport === "anything" ? [] : layer.mayImport.filter((name) => !known.has(name)),
  );
  if (unknown.length > 0)
    throw new Error(`"may import" names folders that have no row: ${unknown.join(", ")}`);
  return layers;
}

export interface Violation {
  file: string;
  /** The import that breaks its rule, with the imported path from the repository's root. */
  import?: { specifier: string; target: string };
  rule: string;
}

/** The layer of a repository path: the row whose folder holds it most closely. */
export function layerOf(path: string, layers: readonly Layer[]): Layer | undefined {
  const bare = withoutExtension(path);
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of layers) {
    for (const p of layer.paths) {
      if ((bare === p || bare.startsWith(`${p}/`)) && p.length > (best?.length ?? -1))
        best = { layer, length: p.length };
    }
  }
  return best?.layer;
}

/** Our imports of one file: relative specifiers; packages are anyone's to use. */
export function relativeImports(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith("./") || name.startsWith("../"));
}

/** Every file in no layer and every import against its layer's row; files: repository path (posix) → source. */
export function checkImports(files: ReadonlyMap<string, string>, layers: readonly Layer[]): Violation[] {
  const violations: Violation[] = [];
  for (const [file, source] of files) {
    const from = layerOf(file, layers);
    if (!from) {
      violations.push({ file, rule: "the file is in no folder of docs/architecture.md" });
      continue;
    }
    const { mayImport } = from;
    if (mayImport === "anything") continue;
    const rule = `${from.name} may import ${mayImport.length > 0 ? mayImport.join(", ") : "nothing"} (and itself)`;
    for (const specifier of relativeImports(source)) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      const to = layerOf(target, layers);
      if (to === from || (to && mayImport.includes(to.name))) continue;
      const what = to ? to.name : `${target.split("/")[0]}/`;
      violations.push({ file, import: { specifier, target }, rule: `${rule}; not ${what}` });
    }
  }
  return violations;
}

export function formatViolation({ file, import: imported, rule }: Violation): string {
  return imported
    ? `${file} imports "${imported.specifier}" (${imported.target}): ${rule}`
    : `${file}: ${rule}`;
}
