// While CallFire is down, the graph stops calling it after a few failures in a row and answers at once,
// then checks again with one trial call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

interface Answer {
  errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
}

describe("circuit breaker over HTTP", () => {
  let graph: TestGraph;

  const query = async (): Promise<Answer> =>
    (await fetch(graph.app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ textAutoReplies { totalCount } }" }),
    }).then((response) => response.json())) as Answer;

  const faults = (settings: object | null) =>
    fetch(`${graph.sandbox.origin}/sandbox/faults`, {
      method: settings ? "PUT" : "DELETE",
      headers: {
        "content-type": "application/json",
        authorization: basicAuth(graph.sandbox.login, graph.sandbox.password),
      },
      body: settings ? JSON.stringify(settings) : undefined,
    });

  beforeAll(async () => {
    graph = await startTestGraph({
      env: {
        LOG_LEVEL: "silent",
        CALLFIRE_RETRY_LIMIT: "0",
        CALLFIRE_CIRCUIT_FAILURES: "3",
        CALLFIRE_CIRCUIT_OPEN_MS: "2000", // long enough that a slow machine cannot reopen it mid-test
      },
    });
  });
  afterAll(() => graph?.stop());

  it("fails fast after 3 failures in a row, then recovers through one trial call", async () => {
    await faults({ errorRate: 1, errorStatus: 503 });
    graph.upstream.reset();
    for (let i = 0; i < 3; i++) {
      expect((await query()).errors?.[0].extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    }
    expect(graph.upstream.calls).toHaveLength(3);

    const fast = await query();
    expect(fast.errors?.[0]).toMatchObject({
      message: expect.stringContaining("calls are paused"),
      extensions: { code: "UPSTREAM_UNAVAILABLE", retryAfterSeconds: 2 },
    });
    expect(graph.upstream.calls).toHaveLength(3); // CallFire was not called

    await faults(null);
    // Paused answers cost no call; once the pause ends, one trial call succeeds and closes the breaker.
    await expect.poll(async () => (await query()).errors, { timeout: 15_000, interval: 100 }).toBeUndefined();
    expect(graph.upstream.calls).toHaveLength(4);
    expect((await query()).errors).toBeUndefined();
    expect(graph.upstream.calls).toHaveLength(5);
  });
});
