// `npm run check:generated`: regenerates every codegen output and fails if any committed file changed,
// leaving the fresh version in place so that `git diff` shows what to commit.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const GENERATED = [
  "schema/schema.graphql",
  "schema/subgraph.graphql",
  "deploy/supergraph.graphql",
  "test/generated/operations.ts",
  "clients/generated/cache-config.ts",
];

const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);
const before = new Map(GENERATED.map((path) => [path, read(path)]));
execFileSync("npm", ["run", "--silent", "codegen"], { stdio: "inherit" });
const stale = GENERATED.filter((path) => read(path) !== before.get(path));

if (stale.length > 0) {
  console.error(`Generated files were stale and have been regenerated: ${stale.join(", ")}. Commit them.`);
  process.exit(1);
}
console.log("Generated files are up to date.");
