// Every error code a client can see, produced over HTTP the way it happens in real life: bad input,
// bad credentials, and CallFire failures switched on in the sandbox. The server keeps serving throughout
// and no credential reaches an error or a log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FaultSettings } from "../../sandbox/index.js";
import {
  BroadcastDetailDocument,
  FindTextsDocument,
  SendTextsDocument,
  StopBroadcastDocument,
} from "../generated/operations.js";
import { basicAuth, errorCodes, postGraphQL } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("errors over HTTP", () => {
  let graph: TestGraph;
  let url: string;

  async function setFaults(faults: Partial<FaultSettings> | null) {
    const response = await fetch(`${graph.sandbox.origin}/sandbox/faults`, {
      method: faults ? "PUT" : "DELETE",
      headers: {
        "content-type": "application/json",
        authorization: basicAuth(graph.sandbox.login, graph.sandbox.password),
      },
      body: faults ? JSON.stringify(faults) : undefined,
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    // Short timeouts so the hanging-upstream case stays fast; one retry for reads.
    graph = await startTestGraph({ env: { CALLFIRE_TIMEOUT_MS: "300", CALLFIRE_RETRY_LIMIT: "1" } });
    url = graph.app.url;
  });
  afterEach(async () => {
    await setFaults(null);
    // Whatever happened, the server still answers.
    const healthy = await postGraphQL(url, FindTextsDocument, { limit: 1 });
    expect(healthy.errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  it("BAD_USER_INPUT before any CallFire call, with a message that says what to fix", async () => {
    graph.upstream.reset();
    const result = await postGraphQL(url, FindTextsDocument, { limit: 5000 });
    expect(errorCodes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].message).toMatch(/limit/);
    expect(graph.upstream.calls).toHaveLength(0);
  });

  it("BAD_USER_INPUT for a CallFire 400, carrying CallFire's message", async () => {
    const created = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: 'mutation { createTextBroadcast(input: { name: "Idle", message: "x" }) { id } }',
      }),
    });
    const { data } = (await created.json()) as { data: { createTextBroadcast: { id: string } } };
    // Stopping a broadcast that never started is an invalid transition: CallFire answers 400.
    const result = await postGraphQL(url, StopBroadcastDocument, { id: data.createTextBroadcast.id });
    expect(errorCodes(result)).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors![0].extensions).toMatchObject({ upstream: { status: 400 } });
  });

  it("UNAUTHENTICATED for a malformed header and for credentials CallFire refuses, never echoing them", async () => {
    const malformed = await postGraphQL(url, FindTextsDocument, {}, { authorization: "Basic %%%" });
    expect(errorCodes(malformed)).toEqual(["UNAUTHENTICATED"]);
    expect(malformed.status).toBe(401);

    const secret = "not-the-password-2718";
    const refused = await postGraphQL(
      url,
      FindTextsDocument,
      {},
      { authorization: basicAuth(graph.sandbox.login, secret) },
    );
    expect(errorCodes(refused)).toEqual(["UNAUTHENTICATED"]);
    expect(JSON.stringify(refused)).not.toContain(secret);
    expect(graph.logs.join("\n")).not.toContain(secret);
    expect(graph.logs.join("\n")).not.toContain(graph.sandbox.password);
  });

  it("FORBIDDEN for a CallFire 403", async () => {
    await setFaults({ failNext: { count: 1, status: 403 } });
    const result = await postGraphQL(url, FindTextsDocument, {});
    expect(errorCodes(result)).toEqual(["FORBIDDEN"]);
  });

  it("NOT_FOUND for an action on an id CallFire does not know", async () => {
    const result = await postGraphQL(url, StopBroadcastDocument, { id: "987654321" });
    expect(errorCodes(result)).toEqual(["NOT_FOUND"]);
  });

  it("RATE_LIMITED after the read was retried", async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 0 });
    graph.upstream.reset();
    const result = await postGraphQL(url, FindTextsDocument, {});
    expect(errorCodes(result)).toEqual(["RATE_LIMITED"]);
    expect(graph.upstream.lines()).toEqual(["GET /v2/texts", "GET /v2/texts"]);
  });

  it("UPSTREAM_UNAVAILABLE on 5xx: a read is retried, a send is never sent twice", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    graph.upstream.reset();
    const read = await postGraphQL(url, FindTextsDocument, {});
    expect(errorCodes(read)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(graph.upstream.lines()).toEqual(["GET /v2/texts", "GET /v2/texts"]);

    graph.upstream.reset();
    const send = await postGraphQL(url, SendTextsDocument, {
      recipients: [{ phoneNumber: "12135550401" }],
      defaultMessage: "once",
    });
    expect(errorCodes(send)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(graph.upstream.lines()).toEqual(["POST /v2/texts"]);
  });

  it("UPSTREAM_UNAVAILABLE when CallFire hangs, after the timeout", async () => {
    await setFaults({ hangRate: 1 });
    const started = Date.now();
    const result = await postGraphQL(url, BroadcastDetailDocument, { id: "1" });
    expect(errorCodes(result)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("UPSTREAM_UNAVAILABLE, not INTERNAL_SERVER_ERROR, for a status CallFire does not document", async () => {
    await setFaults({ failNext: { count: 1, status: 409 } });
    const result = await postGraphQL(url, FindTextsDocument, {});
    expect(errorCodes(result)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(result.errors![0].message).toBe(
      "CallFire answered the request for texts with HTTP 409, which its API does not document; try again later",
    );
    expect(result.errors![0].extensions?.upstream).toMatchObject({ status: 409 });
  });
});

describe("a server without credentials of its own", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({
      env: { CALLFIRE_API_LOGIN: "", CALLFIRE_API_PASSWORD: "", LOG_LEVEL: "silent" },
    });
  });
  afterAll(() => graph?.stop());

  it("answers UNAUTHENTICATED (HTTP 401) without a header, saying what to send, and serves introspection", async () => {
    graph.upstream.reset();
    const result = await postGraphQL(graph.app.url, FindTextsDocument, {});
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(["UNAUTHENTICATED"]);
    expect(result.errors![0].message).toContain("Authorization: Basic");
    expect(graph.upstream.calls).toHaveLength(0);

    const introspection = await fetch(graph.app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
    expect(await introspection.json()).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("uses the credentials a request brings", async () => {
    const result = await postGraphQL(
      graph.app.url,
      FindTextsDocument,
      {},
      { authorization: basicAuth(graph.sandbox.login, graph.sandbox.password) },
    );
    expect(result.errors).toBeUndefined();
  });
});
