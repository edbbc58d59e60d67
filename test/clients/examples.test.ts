// examples/ are usable as they are: every file holds exactly one operation, named like the file (a
// document with two operations is refused by Apollo Client: "Ambiguous GraphQL document").
import { readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { exampleFiles, exampleFileName } from "../helpers/examples.js";

describe("examples/", () => {
  it.each(exampleFiles)("%s holds one named operation, called like the file", (file) => {
    const source = readFileSync(new URL(`../../examples/${file}`, import.meta.url), "utf8");
    const [operation, ...others] = parse(source).definitions;
    expect(others).toEqual([]);
    expect(operation.kind === Kind.OPERATION_DEFINITION && operation.name?.value).toBeTruthy();
    if (operation.kind === Kind.OPERATION_DEFINITION)
      expect(exampleFileName(operation.name!.value)).toBe(file);
  });
});
