// NODE_ENV=production: no landing page and no introspection for clients, while a router can still
// compose the subgraph through _service and queries work as before.
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

async function post(url: string, query: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

describe("in production", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ env: { NODE_ENV: "production", LOG_LEVEL: "silent" } });
  });
  afterAll(() => graph?.stop());

  it("refuses introspection but serves _service and queries", async () => {
    const introspection = await post(graph.app.url, getIntrospectionQuery());
    // A validation error; 200 because fetch accepts application/json (see http-protocol.e2e.test.ts).
    expect(introspection.status).toBe(200);
    expect(JSON.stringify(introspection.body.errors)).toContain("introspection is not allowed");

    const service = await post(graph.app.url, "{ _service { sdl } }");
    expect(service.body).toMatchObject({ data: { _service: { sdl: expect.stringContaining("@key") } } });

    const query = await post(graph.app.url, "{ textBroadcasts(limit: 1) { totalCount } }");
    expect(query.body.errors).toBeUndefined();
  });

  it("shows no landing page", async () => {
    const page = await fetch(graph.app.url, { headers: { accept: "text/html" } });
    // Only HTML is acceptable to the browser, and /graphql serves none in production.
    expect(page.status).toBe(406);
    expect(await page.text()).not.toContain("embeddable-sandbox");
  });
});
