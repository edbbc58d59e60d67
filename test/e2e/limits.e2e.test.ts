// Protection against expensive operations, and the metrics that show what the server did.
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

async function post(url: string, query: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

describe("limits and metrics", () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ env: { MAX_QUERY_DEPTH: "5", MAX_CALLFIRE_CALLS_PER_REQUEST: "3" } });
  });
  afterAll(() => graph?.stop());

  it("refuses an operation nested deeper than MAX_QUERY_DEPTH before any CallFire call", async () => {
    graph.upstream.reset();
    const { status, body } = await post(
      graph.app.url,
      "{ textBroadcasts { items { batches { items { broadcast { batches { items { id } } } } } } } }",
    );
    // A validation error; 200 because fetch accepts application/json (see http-protocol.e2e.test.ts).
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.[0].message).toContain("the limit is 5");
    expect(graph.upstream.calls).toHaveLength(0);
  });

  it("still answers the full introspection query", async () => {
    const { status, body } = await post(graph.app.url, getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("stops at MAX_CALLFIRE_CALLS_PER_REQUEST calls: the first ones answer, the rest fail with a clear error", async () => {
    graph.upstream.reset();
    const { body } = await post(
      graph.app.url,
      '{ a: textAutoReply(id: "1") { id } b: textAutoReply(id: "2") { id } c: textAutoReply(id: "3") { id } d: textAutoReply(id: "4") { id } }',
    );
    expect(graph.upstream.calls).toHaveLength(3);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors![0].message).toContain("more than 3 CallFire calls");
  });

  it("logs each operation with the caller's x-request-id when it is a plain token", async () => {
    const send = (requestId: string) =>
      fetch(graph.app.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId },
        body: JSON.stringify({ query: "query Traced { __typename }" }),
      });
    await send("trace-42.a:b");
    await send("<script>not an id</script>");
    const lines = graph.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const traced = lines.filter(
      (line) => line.message === "graphql request" && line.operationName === "Traced",
    );
    expect(traced.map((line) => line.requestId)).toEqual([
      "trace-42.a:b",
      expect.stringMatching(/^[0-9a-f-]{36}$/),
    ]);
  });

  it("answers a burst of /ready probes with one CallFire call", async () => {
    graph.upstream.reset();
    const probes = await Promise.all(Array.from({ length: 5 }, () => fetch(`${graph.app.origin}/ready`)));
    probes.push(await fetch(`${graph.app.origin}/ready`));
    expect(probes.map((probe) => probe.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(graph.upstream.lines()).toEqual(["GET /v2/texts/auto-replys"]);
  });

  it("exposes Prometheus metrics for GraphQL operations, the codes clients saw, CallFire calls and the process", async () => {
    await post(graph.app.url, "{ textBroadcasts(limit: 1) { totalCount } }");
    await post(graph.app.url, "{ nope }");
    // A status CallFire does not document: the client sees UPSTREAM_UNAVAILABLE, and so do the metrics.
    await fetch(`${graph.sandbox.origin}/sandbox/faults`, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        authorization: basicAuth(graph.sandbox.login, graph.sandbox.password),
      },
      body: JSON.stringify({ failNext: { count: 1, status: 418 } }),
    });
    const undocumented = await post(graph.app.url, "{ textAutoReplies { totalCount } }");
    expect(undocumented.body.errors?.[0].extensions?.code).toBe("UPSTREAM_UNAVAILABLE");

    const response = await fetch(`${graph.app.origin}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/^graphql_requests_total\{operation_type="query",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]\d*$/m);
    expect(text).toMatch(/^graphql_errors_total\{code="UPSTREAM_UNAVAILABLE"\} [1-9]\d*$/m);
    expect(text).not.toContain('code="UNKNOWN"');
    expect(text).toMatch(/^callfire_calls_total\{method="findTextBroadcasts",outcome="OK"\} [1-9]\d*$/m);
    expect(text).toMatch(
      /^callfire_calls_total\{method="findTextAutoReplies",outcome="UPSTREAM_UNAVAILABLE"\} 1$/m,
    );
    expect(text).toMatch(/^callfire_call_duration_seconds_count\{method="findTextBroadcasts"\} [1-9]\d*$/m);
    // prom-client's default process metrics: memory, event-loop lag, garbage collection.
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]\d*$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toContain("# TYPE nodejs_gc_duration_seconds histogram");
  });
});
