// The README is the user's manual: every setting the server reads and every root field must be in it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildApiSchema } from "../../src/graphql/schema.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("documents every environment variable the server reads", () => {
    const sources = ["src/server/config.ts", "src/main.ts"].map((file) =>
      readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"),
    );
    const variables = new Set(
      sources.flatMap((source) => [
        ...[...source.matchAll(/env, "([A-Z_]+)"/g)].map((match) => match[1]),
        ...[...source.matchAll(/env\.([A-Z_]+)/g)].map((match) => match[1]),
      ]),
    );
    expect(variables.size).toBeGreaterThan(10);
    const undocumented = [...variables].filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it("maps every root field to its CallFire endpoint in the operation table", async () => {
    const schema = await buildApiSchema();
    const roots = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((name) => `Mutation.${name}`),
    ];
    const missing = roots.filter((root) => !readme.includes(`| \`${root}`));
    expect(missing).toEqual([]);
  });
});
