import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { depthLimitRule } from "../../src/graphql/depth-limit.rule.js";

const schema = buildSchema(`
  type Node { id: ID!, child: Node }
  type Query { node: Node }
`);

function errorsOf(query: string, maxDepth: number): string[] {
  return validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]).map(
    (error) => error.message,
  );
}

describe("depthLimitRule", () => {
  it("accepts an operation at the limit and refuses one deeper, saying what to do", () => {
    expect(errorsOf("{ node { child { id } } }", 3)).toEqual([]);
    expect(errorsOf("query Deep { node { child { child { id } } } }", 3)).toEqual([
      'Operation "Deep" nests fields 4 levels deep; the limit is 3. Ask for less nesting or split it into several operations.',
    ]);
  });

  it("follows named and inline fragments", () => {
    const query = `
      query Q { node { ...Two } }
      fragment Two on Node { child { ... on Node { child { id } } } }
    `;
    expect(errorsOf(query, 4)).toEqual([]);
    expect(errorsOf(query, 3)).toHaveLength(1);
  });

  it("measures a document whose fragments fan out exponentially in linear time", () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, …: walking every spread would take 2^40 steps.
    const count = 40;
    const fragments = Array.from({ length: count }, (_, index) =>
      index === count - 1
        ? `fragment F${index} on Node { id }`
        : `fragment F${index} on Node { child { ...F${index + 1} } a: child { ...F${index + 1} } }`,
    );
    const started = performance.now();
    const errors = errorsOf(`{ node { ...F0 } } ${fragments.join(" ")}`, 10);
    expect(errors).toEqual([
      "The operation nests fields 41 levels deep; the limit is 10. Ask for less nesting or split it into several operations.",
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("does not count introspection, so tools can load the schema", () => {
    expect(errorsOf(getIntrospectionQuery(), 2)).toEqual([]);
  });

  it("does not loop on a fragment cycle (graphql reports the cycle itself)", () => {
    const errors = errorsOf("{ node { ...A } } fragment A on Node { child { ...A } }", 5);
    expect(errors.some((message) => message.includes("Cannot spread fragment"))).toBe(true);
  });
});
