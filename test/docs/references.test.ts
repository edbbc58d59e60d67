// The repository is self-contained: nothing in it points at files outside it, and every section it cites
// with a section sign ("docs/callfire-api.md" then the sign and "Partial responses") is a heading of that doc;
// the paths the docs name exist.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const SKIPPED = /(^|\/)(node_modules|\.git|dist|reports|coverage|\.data|\.stryker-tmp)(\/|$)/;
const TEXT = /\.(ts|js|json|md|graphql|ya?ml)$|(^|\/)Dockerfile$/;

const files = readdirSync(root, { recursive: true, encoding: "utf8" })
  .map((name) => name.split("\\").join("/"))
  .filter((name) => TEXT.test(name) && !SKIPPED.test(name))
  .map((name) => ({ name, text: readFileSync(new URL(name, root), "utf8") }));

/** Section names of each doc, without their numbers: "## 4. Partial responses" → "Partial responses". */
const sections = new Map(
  files
    .filter(({ name }) => /^docs\/[^/]+\.md$/.test(name))
    .map(({ name, text }) => [
      name,
      [...text.matchAll(/^#{2,4} (?:\d+\. )?(.+)$/gm)].map((match) => match[1].trim()),
    ]),
);

const SECTION_SIGN = /\u00a7/g;

/** The text after a section sign, with comment and line breaks folded, so a citation may wrap. */
function citedText(text: string, at: number): string {
  return text.slice(at + 1, at + 200).replace(/\s*\n\s*(\/\/|\*|#)?\s*/g, " ");
}

/**
 * The doc a section sign at `at` refers to: the one named right before it; else, in a doc, that doc; else
 * the last one named shortly before ("docs/a.md" and a section, then a second section); else any doc.
 */
function citedDoc(name: string, text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 300), at);
  const adjacent = /(docs\/[\w-]+\.md)`?(\]\([^)]*\))?\s*$/.exec(before)?.[1];
  if (adjacent) return adjacent;
  if (sections.has(name)) return name;
  return [...before.matchAll(/docs\/[\w-]+\.md/g)].at(-1)?.[0];
}

describe("references", () => {
  it("point inside the repository", () => {
    const outside = [/\bAPI\.md\b/, /\bARCHITECTURE\.md\b/, /\.\.\/shared\b/, /\/work\/shared\b/];
    const found = files.flatMap(({ name, text }) =>
      text
        .split("\n")
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => outside.some((pattern) => pattern.test(line)))
        .map(({ line, index }) => `${name}:${index + 1}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it("cite sections of docs/ that exist", () => {
    expect(sections.get("docs/callfire-api.md")).toContain("Partial responses");
    const broken: string[] = [];
    let citations = 0;
    for (const { name, text } of files) {
      for (const match of text.matchAll(SECTION_SIGN)) {
        citations += 1;
        const doc = citedDoc(name, text, match.index);
        const cited = citedText(text, match.index);
        const candidates = doc ? (sections.get(doc) ?? []) : [...sections.values()].flat();
        const resolves = candidates.some(
          (section) => cited.startsWith(section) && !/^[\p{L}\p{N}]/u.test(cited.slice(section.length)),
        );
        if (!resolves) {
          const line = text.slice(0, match.index).split("\n").length;
          broken.push(`${name}:${line}: "${cited.slice(0, 40)}…" is no section of ${doc ?? "docs/"}`);
        }
      }
    }
    expect(citations).toBeGreaterThan(20);
    expect(broken).toEqual([]);
  });

  it("name files of the repository that exist", () => {
    const folders =
      /^(src|schema|resolvers|datasources|sandbox|clients|scripts|testing|bench|test|docs|deploy|examples)\//;
    const missing = files
      // test/fixtures/ describe where fixtures came from: paths in other repositories.
      .filter(({ name }) => name.endsWith(".md") && !name.startsWith("test/"))
      .flatMap(({ name, text }) =>
        [...text.matchAll(/`([^`\s]+)`/g)]
          .map((match) => match[1])
          .filter((path) => folders.test(path) && !path.includes("*") && !existsSync(new URL(path, root)))
          .map((path) => `${name}: ${path}`),
      );
    expect(missing).toEqual([]);
  });
});
