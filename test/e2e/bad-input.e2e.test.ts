// Whatever a client sends, it gets a JSON error with a code and a message that says what to fix, and the
// server keeps serving.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe("bad input over HTTP", () => {
  let graph: TestGraph;

  async function send(
    body: string,
    headers: Record<string, string> = { "content-type": "application/json" },
  ) {
    const response = await fetch(graph.app.url, { method: "POST", headers, body });
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as ErrorBody };
  }

  beforeAll(async () => {
    graph = await startTestGraph({ env: { LOG_LEVEL: "silent" } });
  });
  afterEach(async () => {
    const health = await send(JSON.stringify({ query: "{ textBroadcasts(limit: 1) { totalCount } }" }));
    expect(health.json.errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  it("a body that is not JSON: 400, saying what to send, no stack trace", async () => {
    const { status, json, text } = await send('{"query": ');
    expect(status).toBe(400);
    expect(json.errors![0].extensions?.code).toBe("BAD_REQUEST");
    expect(json.errors![0].message).toContain("not valid JSON");
    expect(text).not.toContain("node_modules");
  });

  it("a body over 1 MB: 413 with a readable message", async () => {
    const { status, json } = await send(
      JSON.stringify({ query: `{ __typename } #${"x".repeat(1_100_000)}` }),
    );
    expect(status).toBe(413);
    expect(json.errors![0].message).toContain("larger than");
  });

  it("no query, a syntax error, an unknown field, a wrong variable type, an unknown operation name", async () => {
    // Request errors of a well-formed request are 200 to a client accepting application/json (fetch's
    // default); what is not a GraphQL request at all is 400 (see http-protocol.e2e.test.ts).
    const cases: [string, number, string][] = [
      [JSON.stringify({ variables: {} }), 400, "BAD_REQUEST"],
      [JSON.stringify({ query: "{ textBroadcasts { " }), 200, "GRAPHQL_PARSE_FAILED"],
      [JSON.stringify({ query: "{ textBroadcasts { nope } }" }), 200, "GRAPHQL_VALIDATION_FAILED"],
      [
        JSON.stringify({
          query: "query ($l: Int) { texts(limit: $l) { totalCount } }",
          variables: { l: "ten" },
        }),
        200,
        "BAD_USER_INPUT",
      ],
      [
        JSON.stringify({ query: "query A { __typename }", operationName: "B" }),
        200,
        "OPERATION_RESOLUTION_FAILURE",
      ],
      [JSON.stringify([{ query: "{ __typename }" }]), 400, "BAD_REQUEST"],
    ];
    for (const [body, status, code] of cases) {
      const response = await send(body);
      expect({ body, status: response.status, code: response.json.errors?.[0].extensions?.code }).toEqual({
        body,
        status,
        code,
      });
      expect(response.json.errors![0].message.length).toBeGreaterThan(10);
    }
  });

  it("a form post (a CSRF vector) is refused", async () => {
    const { status, text } = await send("query=%7B__typename%7D", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(status).toBe(415);
    expect(text).toContain("content-type application/json");
  });

  it("ids that are not CallFire ids, and bad phone numbers, before any CallFire call", async () => {
    graph.upstream.reset();
    const badId = await send(JSON.stringify({ query: '{ textBroadcast(id: "abc") { id } }' }));
    expect(badId.json.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(badId.json.errors![0].message).toContain("id");
    const badPhone = await send(
      JSON.stringify({
        query:
          'mutation { sendTexts(recipients: [{ phoneNumber: "+1 (213) 555"}], defaultMessage: "hi") { id } }',
      }),
    );
    expect(badPhone.json.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(badPhone.json.errors![0].message).toContain("digits only");
    expect(graph.upstream.calls).toHaveLength(0);
  });

  it("an unknown path: a JSON 404 pointing at the real endpoints", async () => {
    const response = await fetch(`${graph.app.origin}/graphq`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain("/graphql");
  });
});
