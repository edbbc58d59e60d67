// An upstream that breaks CallFire's protocol on purpose (findings 7, 8 and 10 of issue 8), over HTTP:
// each violation is UPSTREAM_UNAVAILABLE with a message that says what was wrong, never
// INTERNAL_SERVER_ERROR or BAD_USER_INPUT, and counts for the circuit breaker (with a threshold of 1, the
// next call is refused without reaching CallFire). Writes follow no redirect; reads follow none to
// another origin; bodies are capped as received and once decompressed.
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeCallFire, type FakeCallFire, type FakeReply } from "../helpers/fake-callfire.js";
import { codes, startGraphOnFake, type GraphOnFake } from "../helpers/start-graph-on-fake.js";

const LIST = "{ textBroadcasts { items { id lastModified } } }";
const MAX_BYTES = 1024 * 1024;
const BREAKER = {
  CALLFIRE_CIRCUIT_FAILURES: "1",
  CALLFIRE_CIRCUIT_OPEN_MS: "600000",
  CALLFIRE_RETRY_LIMIT: "0",
  CALLFIRE_MAX_RESPONSE_BYTES: String(MAX_BYTES),
};

let graph: GraphOnFake | undefined;
let elsewhere: FakeCallFire;
beforeAll(async () => {
  elsewhere = await startFakeCallFire();
});
afterAll(() => elsewhere.stop());
afterEach(async () => {
  await graph?.stop();
  graph = undefined;
  elsewhere.reset();
});

/** The next call is refused by the open circuit, without reaching CallFire. */
async function expectBreakerOpen(on: GraphOnFake): Promise<void> {
  const callsBefore = on.fake.calls.length;
  const next = await on.post(LIST);
  expect(next.errors?.[0].message).toMatch(/calls are paused/);
  expect(on.fake.calls).toHaveLength(callsBefore);
}

const cases: Array<[string, FakeReply, RegExp]> = [
  [
    "HTML with 200",
    { body: "<html><body>Maintenance</body></html>", headers: { "content-type": "text/html" } },
    /is not JSON/,
  ],
  [
    "malformed JSON with 200",
    { body: '{"items": [', headers: { "content-type": "application/json" } },
    /is not JSON/,
  ],
  [
    "a null body",
    { body: "null", headers: { "content-type": "application/json" } },
    /is not a JSON object with a list of items/,
  ],
  ["an empty body on a list read", { status: 200 }, /is not a JSON object with a list of items/],
  [
    "an array body on a list read",
    { body: "[]", headers: { "content-type": "application/json" } },
    /is not a JSON object with a list of items/,
  ],
  [
    "an undocumented 4xx",
    { status: 418, body: { message: "teapot" } },
    /HTTP 418, which its API does not document/,
  ],
  [
    "a date that is not a time",
    { body: { items: [{ id: 1, lastModified: 1e20 }] } },
    /returned a date that is not a time/,
  ],
  [
    "an id beyond int64",
    { body: '{"items": [{"id": 99999999999999999999}]}', headers: { "content-type": "application/json" } },
    /whose id is not an int64/,
  ],
  [
    "a body over the size cap",
    { body: '{"items": [', padBytes: 3 * MAX_BYTES },
    /larger than the 1048576 bytes/,
  ],
  [
    "a small gzip body that inflates past the cap",
    {
      body: gzipSync(Buffer.alloc(64 * MAX_BYTES, " ")),
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    },
    /larger than the 1048576 bytes/,
  ],
];

describe("protocol violations on a read", () => {
  it.each(cases)("%s is UPSTREAM_UNAVAILABLE, counted by the breaker", async (_name, reply, message) => {
    graph = await startGraphOnFake(BREAKER);
    graph.fake.on("GET", "/v2/texts/broadcasts", reply);
    const answer = await graph.post(LIST);
    expect(answer.status).toBe(200);
    expect(codes(answer)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(answer.errors![0].message).toMatch(message);
    await expectBreakerOpen(graph);
  });

  it("a 100 KB error message reaches the client cut to 300 characters", async () => {
    graph = await startGraphOnFake(BREAKER);
    graph.fake.on("GET", "/v2/texts/broadcasts", { status: 503, body: { message: "x".repeat(100_000) } });
    const answer = await graph.post(LIST);
    const upstream = answer.errors![0].extensions!.upstream as { message: string };
    expect(upstream.message).toBe(`${"x".repeat(300)}…`);
    expect(JSON.stringify(answer).length).toBeLessThan(2000);
  });

  it("431 (our request too large for CallFire) is BAD_USER_INPUT and not counted", async () => {
    graph = await startGraphOnFake(BREAKER);
    graph.fake.on("GET", "/v2/texts/broadcasts", { status: 431 });
    expect(codes(await graph.post(LIST))).toEqual(["BAD_USER_INPUT"]);
    graph.fake.on("GET", "/v2/texts/broadcasts", { body: { items: [{ id: 1 }] } });
    expect(await graph.post(LIST)).toMatchObject({ data: { textBroadcasts: { items: [{ id: "1" }] } } });
  });
});

describe("redirects", () => {
  const SEND =
    'mutation { sendTexts(recipients: [{ phoneNumber: "12135550100" }], defaultMessage: "hi") { id } }';

  it.each([301, 302, 307, 308])(
    "a %i answer to sendTexts is not followed: nothing re-sent elsewhere",
    async (status) => {
      graph = await startGraphOnFake(BREAKER);
      elsewhere.on("POST", "/v2/texts", { body: { items: [{ id: 666 }] } });
      graph.fake.on("POST", "/v2/texts", { status, headers: { location: `${elsewhere.baseUrl}/texts` } });
      const answer = await graph.post(SEND);
      expect(codes(answer)).toEqual(["UPSTREAM_UNAVAILABLE"]);
      expect(answer.errors![0].message).toMatch(
        `with a redirect (HTTP ${status}), which is not followed for a write`,
      );
      expect(JSON.stringify(answer)).not.toContain("666");
      expect(elsewhere.calls).toHaveLength(0);
      expect(graph.fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["POST /v2/texts"]);
    },
  );

  it("a read is not redirected to another origin (the credentials stay home)", async () => {
    graph = await startGraphOnFake(BREAKER);
    elsewhere.on("GET", "/v2/texts/broadcasts", { body: { items: [{ id: 666 }] } });
    graph.fake.on("GET", "/v2/texts/broadcasts", {
      status: 302,
      headers: { location: `${elsewhere.baseUrl}/texts/broadcasts` },
    });
    const answer = await graph.post(LIST);
    expect(codes(answer)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(answer.errors![0].message).toMatch("not followed to another origin");
    expect(elsewhere.calls).toHaveLength(0);
  });

  it("a read follows a redirect within CallFire's own origin", async () => {
    graph = await startGraphOnFake(BREAKER);
    graph.fake.on("GET", "/v2/texts/broadcasts/:id", (call) =>
      call.params.id === "1"
        ? { status: 301, headers: { location: "/v2/texts/broadcasts/2" } }
        : { body: { id: 2, name: "moved" } },
    );
    const answer = await graph.post('{ textBroadcast(id: "1") { name } }');
    expect(answer).toMatchObject({ data: { textBroadcast: { name: "moved" } } });
    expect(graph.fake.calls.map((call) => call.headers.authorization)).toEqual([
      expect.stringMatching(/^Basic /),
      expect.stringMatching(/^Basic /),
    ]);
  });
});
