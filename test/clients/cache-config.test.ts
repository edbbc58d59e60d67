// The shipped cache configuration matches the schema it was generated from: the types without an id
// are declared values in both configurations, and there is no interface or union (Apollo Client would
// need those as possibleTypes, which the generator does not emit).
import { isAbstractType } from "graphql";
import { describe, expect, it } from "vitest";
import { apolloTypePolicies, urqlGraphcacheKeys } from "../../clients/generated/cache-config.js";
import { valueTypeNames } from "../../scripts/codegen/cache-config.plugin.js";
import { buildApiSchema } from "../../src/graphql/schema.js";

describe("clients/generated/cache-config.ts", () => {
  it("declares every type without an id, in both configurations", async () => {
    const schema = await buildApiSchema();
    const values = valueTypeNames(schema);
    expect(values).toEqual(expect.arrayContaining(["TextBroadcastStats", "TextPage", "BatchPage"]));
    expect(Object.keys(apolloTypePolicies)).toEqual(values);
    expect(Object.keys(urqlGraphcacheKeys)).toEqual(values);
  });

  it("has no interface or union to declare as possibleTypes", async () => {
    const schema = await buildApiSchema();
    expect(Object.values(schema.getTypeMap()).filter(isAbstractType)).toEqual([]);
  });
});
