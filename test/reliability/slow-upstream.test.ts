// A hung CallFire (finding 2 of issue 8), over HTTP against a fake that never answers: a request's calls
// share one deadline, which alone ends a read (the per-attempt timeout is ten times longer), and calls are
// abandoned with their request. A slow CallFire under load is overload.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { codes, startGraphOnFake, type GraphOnFake } from "../helpers/start-graph-on-fake.js";

async function waitFor(condition: () => boolean, ms = 2000): Promise<boolean> {
  const until = performance.now() + ms;
  while (!condition() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

let graph: GraphOnFake | undefined;
afterEach(async () => {
  await graph?.stop();
  graph = undefined;
});

describe("a hung CallFire", () => {
  it("fails a read when the request's deadline passes, not after three attempts, and abandons the call", async () => {
    // The per-attempt timeout (10 s) is far beyond the deadline: only the deadline can end this read.
    graph = await startGraphOnFake({
      CALLFIRE_REQUEST_DEADLINE_MS: "1000",
      CALLFIRE_TIMEOUT_MS: "10000",
      CALLFIRE_CIRCUIT_FAILURES: "1",
    });
    graph.fake.on("GET", "/v2/texts/broadcasts/:id", { hang: true });
    const answer = await graph.post('{ textBroadcast(id: "1") { id } }');
    expect(codes(answer)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(answer.errors![0].message).toBe(
      "CallFire did not answer before the request's deadline of 1 s (text broadcast 1); try again later",
    );
    expect(answer.elapsedMs).toBeLessThan(10_000);
    expect(await waitFor(() => graph!.fake.inFlight === 0)).toBe(true);
    expect(graph.fake.calls.map((call) => call.abandoned)).toEqual([true]);

    // A deadline is the request's limit, not CallFire's failure: with a threshold of 1 the breaker is still closed.
    graph.fake.on("GET", "/v2/texts/broadcasts/:id", { body: { id: 1 } });
    expect(await graph.post('{ textBroadcast(id: "1") { id } }')).toMatchObject({
      data: { textBroadcast: { id: "1" } },
    });
  }, 15_000);

  it("gets a read abandoned, and never retried, when its client disconnects", async () => {
    graph = await startGraphOnFake({ CALLFIRE_REQUEST_DEADLINE_MS: "10000", CALLFIRE_TIMEOUT_MS: "5000" });
    graph.fake.on("GET", "/v2/texts/broadcasts/:id", { hang: true });
    const client = new AbortController();
    const pending = graph
      .post('{ textBroadcast(id: "1") { id } }', {}, { signal: client.signal })
      .catch(() => "gone");
    expect(await waitFor(() => graph!.fake.calls.length === 1)).toBe(true);
    client.abort();
    expect(await pending).toBe("gone");
    expect(await waitFor(() => graph!.fake.inFlight === 0)).toBe(true);
    expect(graph.fake.calls[0].abandoned).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600)); // longer than the first retry's delay
    expect(graph.fake.calls).toHaveLength(1);
  }, 15_000);
});
