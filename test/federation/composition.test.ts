// The subgraph composes with another subgraph into a valid supergraph.
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { buildSubgraph } from "../../src/graphql/schema.js";
import { crmTypeDefs } from "./crm-subgraph.js";

describe("composition", () => {
  it("composes with a crm subgraph that extends TextBroadcast and references Text, without errors or hints", async () => {
    const callfireSdl = printSubgraphSchema(await buildSubgraph());
    const result = composeServices([
      { name: "callfire", url: "http://callfire.invalid/graphql", typeDefs: parse(callfireSdl) },
      { name: "crm", url: "http://crm.invalid/graphql", typeDefs: crmTypeDefs },
    ]);

    expect(result.errors).toBeUndefined();
    expect((result.hints ?? []).map((hint) => hint.toString())).toEqual([]);
    expect(result.supergraphSdl).toContain("owner: Owner!");
    expect(result.supergraphSdl).toMatch(/type TextBroadcast\s+@join__type\(graph: CALLFIRE, key: "id"\)/);
  });

  it("keeps the four entity keys, the @link and the tags in the subgraph SDL", async () => {
    const sdl = printSubgraphSchema(await buildSubgraph());
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    for (const entity of ["Text", "TextBroadcast", "Batch", "TextAutoReply"]) {
      expect(sdl).toMatch(new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`));
    }
  });
});
