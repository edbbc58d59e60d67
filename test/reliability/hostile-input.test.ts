// What a user can send never yields HTTP 500 or INTERNAL_SERVER_ERROR (finding 9 of issue 8): deep and
// long documents are refused before validation, values CallFire would refuse for their size are refused
// before any call, and odd but legal requests (a subscription over HTTP, a persisted-query hash that does
// not match, an entity of an unknown type, a DateTime out of range) get a code that says what to fix.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, startGraphOnFake, type GraphOnFake } from "../helpers/start-graph-on-fake.js";

let graph: GraphOnFake;
beforeAll(async () => {
  graph = await startGraphOnFake();
  graph.fake.on("GET", "/v2/texts", { body: { items: [] } });
});
afterAll(() => graph.stop());

async function postRaw(
  body: unknown,
): Promise<{ status: number; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(graph.app.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

function expectRefused(answer: { status: number; errors?: Array<{ extensions?: { code?: string } }> }): void {
  expect(answer.status).toBeLessThan(500);
  expect(answer.errors?.length).toBeGreaterThan(0);
  expect(answer.errors!.map((error) => error.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
}

describe("hostile input", () => {
  it("a chain of 5,000 fragments is refused while parsing, before validation could overflow the stack", async () => {
    const fragments = Array.from(
      { length: 5000 },
      (_, index) => `fragment F${index} on Query { ...F${index + 1} }`,
    ).join("\n");
    const answer = await postRaw({
      query: `{ ...F0 }\n${fragments}\nfragment F5000 on Query { __typename }`,
    });
    expectRefused(answer);
    expect(codes(answer)).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("a filter value too long for a CallFire URL is BAD_USER_INPUT before any call", async () => {
    const before = graph.fake.calls.length;
    const answer = await graph.post(
      "query ($label: String) { texts(filter: { label: $label }) { totalCount } }",
      {
        label: "x".repeat(20_000),
      },
    );
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.errors![0].message).toMatch(/longer than the 8000 characters CallFire accepts in a URL/);
    expect(graph.fake.calls).toHaveLength(before);
  });

  it("a subscription operation over HTTP", async () => {
    expectRefused(await postRaw({ query: "subscription { textReceived { id } }" }));
  });

  it("a persisted-query hash that does not match the query", async () => {
    const answer = await postRaw({
      query: "{ __typename }",
      extensions: {
        persistedQuery: { version: 1, sha256Hash: createHash("sha256").update("other").digest("hex") },
      },
    });
    expectRefused(answer);
  });

  it("_entities with a __typename the subgraph does not have is BAD_USER_INPUT", async () => {
    const answer = await graph.post(
      "query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }",
      { representations: [{ __typename: "Nope", id: "1" }] },
    );
    expectRefused(answer);
    expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
  });

  it.each([8.64e15, "+275760-09-13T00:00:00.000Z", "1969-12-31T23:59:59.999Z", 1e300])(
    "a DateTime variable out of range (%s) is BAD_USER_INPUT before any call",
    async (value) => {
      const before = graph.fake.calls.length;
      const answer = await graph.post(
        "query ($begin: DateTime) { texts(filter: { intervalBegin: $begin }) { totalCount } }",
        {
          begin: value,
        },
      );
      expectRefused(answer);
      expect(codes(answer)).toEqual(["BAD_USER_INPUT"]);
      expect(graph.fake.calls).toHaveLength(before);
    },
  );

  it("an id beyond int64 is BAD_USER_INPUT before any call", async () => {
    const before = graph.fake.calls.length;
    expect(codes(await graph.post('{ text(id: "9223372036854775808") { id } }'))).toEqual(["BAD_USER_INPUT"]);
    expect(graph.fake.calls).toHaveLength(before);
  });
});
