// A bounded burst of mixed traffic while CallFire fails, slows down and rate-limits at random: every
// response is well-formed with a known code, the server stays up, and no text is sent twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

const KNOWN_CODES = new Set(["UPSTREAM_UNAVAILABLE", "RATE_LIMITED", "NOT_FOUND"]);
const REQUESTS = 240;
const CONCURRENCY = 16;

describe("load with faults", () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({
      sandbox: {
        faults: { errorRate: 0.15, errorStatus: 503, rateLimitRate: 0.1, retryAfterSeconds: 0, latencyMs: 2 },
      },
      env: { LOG_LEVEL: "silent", CALLFIRE_RETRY_LIMIT: "1" },
    });
  });
  afterAll(() => graph?.stop());

  it(`answers ${REQUESTS} mixed requests, ${CONCURRENCY} at a time, each with data or a known error`, async () => {
    const operations = [
      { query: "{ textBroadcasts(limit: 5) { items { id stats { sentCount } batches { items { id } } } } }" },
      { query: "{ texts(limit: 20) { items { id state batch { id } broadcast { id } } } }" },
      { query: "{ textAutoReplies { totalCount items { id } } }" },
      {
        query:
          'mutation ($key: String) { sendTexts(recipients: [{ phoneNumber: "12135550700" }], defaultMessage: "load", idempotencyKey: $key) { id } }',
      },
    ];
    let next = 0;
    let sendsAnswered = 0;
    const outcomes: string[] = [];
    const started = Date.now(); // a bound on a very busy machine, not a speed goal
    const worker = async () => {
      while (next < REQUESTS && Date.now() - started < 90_000) {
        const index = next++;
        const operation = operations[index % operations.length];
        const isSend = operation.query.startsWith("mutation");
        const response = await fetch(graph.app.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...operation, variables: isSend ? { key: `load-${index}` } : {} }),
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          data?: unknown;
          errors?: { extensions?: { code?: string } }[];
        };
        for (const error of body.errors ?? []) {
          expect(KNOWN_CODES.has(String(error.extensions?.code)), JSON.stringify(error)).toBe(true);
        }
        if (isSend) sendsAnswered += 1;
        outcomes.push(body.errors ? "error" : "ok");
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(outcomes).toHaveLength(REQUESTS);
    expect(outcomes.filter((outcome) => outcome === "ok").length).toBeGreaterThan(REQUESTS / 4);
    // Writes are never retried: one POST /texts per sendTexts request, whatever CallFire answered.
    const posts = graph.upstream.lines().filter((line) => line === "POST /v2/texts");
    expect(posts).toHaveLength(sendsAnswered);
    expect((await fetch(`${graph.app.origin}/health`)).status).toBe(200);

    // Faults off: the very next request succeeds.
    await fetch(`${graph.sandbox.origin}/sandbox/faults`, {
      method: "DELETE",
      headers: { authorization: basicAuth(graph.sandbox.login, graph.sandbox.password) },
    });
    const after = await fetch(graph.app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(operations[0]),
    });
    expect(((await after.json()) as { errors?: unknown }).errors).toBeUndefined();
  }, 120_000);
});
