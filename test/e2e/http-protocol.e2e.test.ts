// The HTTP rules of /graphql that clients meet first: which requests pass the CSRF rule, the status
// codes of request errors by accepted media type, and the landing page's way to /graphiql.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

const JSON_ONLY = "application/json";
const GRAPHQL_RESPONSE = "application/graphql-response+json, application/json;q=0.9";

describe("HTTP rules of /graphql", () => {
  let graph: TestGraph;
  let noCredentials: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ env: { LOG_LEVEL: "silent" } });
    noCredentials = await startTestGraph({
      env: { CALLFIRE_API_LOGIN: "", CALLFIRE_API_PASSWORD: "", LOG_LEVEL: "silent" },
    });
  });
  afterAll(async () => {
    await graph?.stop();
    await noCredentials?.stop();
  });

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${graph.app.url}?query=${encodeURIComponent(query)}`, { headers });
  const post = (body: string, headers: Record<string, string>, url = graph.app.url) =>
    fetch(url, { method: "POST", headers, body });
  /** A POST as a GraphQL client sends it: a JSON body, with `accept` if given. */
  const postJson = (body: string, accept?: string, url = graph.app.url) =>
    post(body, { "content-type": "application/json", ...(accept === undefined ? {} : { accept }) }, url);

  describe("CSRF", () => {
    it("answers a GET query with no preflight header, as urql sends it", async () => {
      const response = await get("{ textBroadcasts(limit: 1) { totalCount } }", {
        accept: "application/graphql-response+json, application/graphql+json, application/json",
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { textBroadcasts: { totalCount: expect.any(Number) } } });
    });

    it("never runs a mutation sent by GET", async () => {
      graph.upstream.reset();
      const response = await get('mutation { deleteTextAutoReply(id: "1") }');
      expect(response.status).toBe(405);
      expect(graph.upstream.calls).toEqual([]);
    });

    it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
      "refuses a POST with %s (a body another site can send without a preflight) before any CallFire call",
      async (contentType) => {
        graph.upstream.reset();
        const response = await post(JSON.stringify({ query: 'mutation { deleteTextAutoReply(id: "1") }' }), {
          "content-type": contentType,
        });
        expect(response.status).toBe(415);
        const body = (await response.json()) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors[0].extensions.code).toBe("BAD_REQUEST");
        expect(body.errors[0].message).toContain("content-type application/json");
        expect(graph.upstream.calls).toEqual([]);
      },
    );

    it("never asks a browser for Basic credentials (so no browser ever adds them to a request by itself)", async () => {
      const response = await postJson(
        JSON.stringify({ query: "{ texts { totalCount } }" }),
        undefined,
        noCredentials.app.url,
      );
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBeNull();
      expect(response.headers.get("set-cookie")).toBeNull();
    });
  });

  describe("status codes", () => {
    const parseError = JSON.stringify({ query: "{ textBroadcasts(limit: 1) { totalCount " });
    const validationError = JSON.stringify({ query: "{ textBroadcasts { nope } }" });
    const coercionError = JSON.stringify({
      query: "query ($id: ID!) { textBroadcast(id: $id) { id } }",
      variables: { id: { not: "an id" } },
    });

    it.each([
      ["a parse error", parseError, "GRAPHQL_PARSE_FAILED"],
      ["a validation error", validationError, "GRAPHQL_VALIDATION_FAILED"],
      ["a variable coercion error", coercionError, "BAD_USER_INPUT"],
    ])("%s: 200 to application/json, 400 to application/graphql-response+json", async (_name, body, code) => {
      const legacy = await postJson(body, JSON_ONLY);
      expect(legacy.status).toBe(200);
      expect(legacy.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(
        ((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe(code);

      const modern = await postJson(body, GRAPHQL_RESPONSE);
      expect(modern.status).toBe(400);
      expect(modern.headers.get("content-type")).toBe("application/graphql-response+json; charset=utf-8");
      expect(
        ((await modern.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe(code);
    });

    it("a request that is not GraphQL at all (no query) stays 400 for both", async () => {
      for (const accept of [JSON_ONLY, GRAPHQL_RESPONSE]) {
        const response = await postJson(JSON.stringify({ variables: {} }), accept);
        expect(response.status).toBe(400);
      }
    });

    it("UNAUTHENTICATED is 401 when nothing ran, and 200 once the response carries data", async () => {
      for (const accept of [JSON_ONLY, GRAPHQL_RESPONSE]) {
        const denied = await postJson(
          JSON.stringify({ query: "{ texts { totalCount } }" }),
          accept,
          noCredentials.app.url,
        );
        expect(denied.status).toBe(401);
        const partial = await postJson(
          JSON.stringify({ query: '{ __typename text(id: "1") { id } }' }),
          accept,
          noCredentials.app.url,
        );
        expect(partial.status).toBe(200);
        expect(await partial.json()).toMatchObject({
          data: { __typename: "Query", text: null },
          errors: [{ extensions: { code: "UNAUTHENTICATED" } }],
        });
      }
    });
  });

  it("the browser landing page links to the offline GraphiQL for when Apollo Sandbox cannot load", async () => {
    const page = await fetch(graph.app.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("embeddable-sandbox");
    // Inside the block Apollo shows when its CDN script does not load.
    expect(html).toMatch(
      /<div class="fallback">[\s\S]*Apollo Sandbox cannot be loaded[\s\S]*href="\/graphiql"[\s\S]*?<\/div>/,
    );
  });
});
