// The operation walk: what an operation selects per GraphQL type, through fragments of every kind.
import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSubgraph } from "../../src/graphql/schema.js";
import { selectedFields } from "../../datasources/projection/selected-fields.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSubgraph();
});

/** The walk's result as sorted arrays; `operationName` picks one of several operations. */
function walk(source: string, operationName?: string): Record<string, string[]> {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === "OperationDefinition" &&
      (operationName === undefined || definition.name?.value === operationName),
  );
  if (!operation) throw new Error(`no operation ${operationName}`);
  const selected = selectedFields(schema, document, operation);
  return Object.fromEntries([...selected].map(([type, fields]) => [type, [...fields].sort()]));
}

describe("selectedFields", () => {
  it("collects every field per type, aliases under their field name, __typename left out", () => {
    expect(
      walk(`{
        first: textBroadcast(id: "1") { __typename id label: name }
        second: textBroadcast(id: "2") { status }
      }`),
    ).toEqual({ Query: ["textBroadcast"], TextBroadcast: ["id", "name", "status"] });
  });

  it("unites a type reached through two paths", () => {
    expect(
      walk(`{
        texts { items { id batch { id name } } }
        textBroadcast(id: "1") { batches { items { size } } }
      }`),
    ).toEqual({
      Query: ["textBroadcast", "texts"],
      TextPage: ["items"],
      Text: ["batch", "id"],
      TextBroadcast: ["batches"],
      BatchPage: ["items"],
      Batch: ["id", "name", "size"],
    });
  });

  it("walks named fragments (once each, however often spread), inline fragments and nested ones", () => {
    expect(
      walk(`
        query Page { texts { ...TextFields items { ... on Text { toNumber } } } again: texts { ...TextFields } }
        fragment TextFields on TextPage { totalCount items { ...Deep } }
        fragment Deep on Text { id ... { contact { homePhone } } }
      `),
    ).toEqual({
      Query: ["texts"],
      TextPage: ["items", "totalCount"],
      Text: ["contact", "id", "toNumber"],
      Contact: ["homePhone"],
    });
  });

  it("counts fields under @skip and @include (a superset is fine)", () => {
    expect(
      walk(`query ($full: Boolean!) {
        textAutoReply(id: "1") { id message @include(if: $full) keyword @skip(if: true) }
      }`),
    ).toEqual({ Query: ["textAutoReply"], TextAutoReply: ["id", "keyword", "message"] });
  });

  it("reads only the operation asked for, and the fragments it spreads", () => {
    const source = `
      query A { batch(id: "1") { ...B } }
      query C { textAutoReplies { totalCount } }
      fragment B on Batch { name }
    `;
    expect(walk(source, "A")).toEqual({ Query: ["batch"], Batch: ["name"] });
    expect(walk(source, "C")).toEqual({ Query: ["textAutoReplies"], TextAutoReplyPage: ["totalCount"] });
  });

  it("walks mutations from the Mutation type", () => {
    expect(walk(`mutation { startTextBroadcast(id: "1") { status stats { sentCount } } }`)).toEqual({
      Mutation: ["startTextBroadcast"],
      TextBroadcast: ["stats", "status"],
      TextBroadcastStats: ["sentCount"],
    });
  });

  it("follows _entities representations through the type conditions of the _Entity union", () => {
    expect(
      walk(`query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on Text { id message broadcast { name } }
          ... on Batch { size }
        }
      }`),
    ).toEqual({
      Query: ["_entities"],
      Text: ["broadcast", "id", "message"],
      TextBroadcast: ["name"],
      Batch: ["size"],
    });
  });
});
