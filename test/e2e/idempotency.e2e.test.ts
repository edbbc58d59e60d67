// A repeated mutation with the same idempotencyKey (a double click, a client retry) never reaches
// CallFire twice: no SMS is sent twice. Every test makes its own keys and its own first call, so each
// passes alone and in any order.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SendTextsDocument } from "../generated/operations.js";
import { basicAuth, errorCodes, postGraphQL } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("idempotent mutations over HTTP", () => {
  let graph: TestGraph;
  const recipients = [{ phoneNumber: "12135550601" }, { phoneNumber: "12135550602" }];
  const newKey = () => `key-${randomUUID()}`;
  const send = (idempotencyKey: string, headers?: Record<string, string>) =>
    postGraphQL(
      graph.app.url,
      SendTextsDocument,
      { recipients, defaultMessage: "Your code is 1234", idempotencyKey },
      headers,
    );
  const posts = () => graph.upstream.lines().filter((line) => line === "POST /v2/texts");

  beforeAll(async () => {
    // No delivery in between, so a replayed text reads the same as the first answer.
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
  });
  afterAll(() => graph?.stop());

  it("sends once for two concurrent and one later call with the same key, returning the same texts", async () => {
    const key = newKey();
    graph.upstream.reset();
    const [first, second] = await Promise.all([send(key), send(key)]);
    const third = await send(key);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    expect(posts()).toHaveLength(1);
  });

  it("replays with every field the repeat selects, loading all its texts in one batched call", async () => {
    const key = newKey();
    const query = (fields: string) =>
      `mutation { sendTexts(recipients: [{ phoneNumber: "12135550610" }, { phoneNumber: "12135550611" }, { phoneNumber: "12135550612" }], defaultMessage: "Wider", idempotencyKey: "${key}") { ${fields} } }`;
    const run = (fields: string) =>
      fetch(graph.app.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: query(fields) }),
      }).then((response) => response.json() as Promise<{ data: { sendTexts: Record<string, unknown>[] } }>);
    const first = await run("id");
    graph.upstream.reset();
    const repeat = await run("id toNumber message state campaignId");
    expect(repeat.data.sendTexts).toEqual(
      ["12135550610", "12135550611", "12135550612"].map((toNumber, index) => ({
        id: first.data.sendTexts[index]?.id,
        toNumber,
        message: "Wider",
        state: "READY",
        campaignId: expect.any(String),
      })),
    );
    // One GET /texts?id=…&id=…&id=… for the three texts, not one call per text.
    expect(graph.upstream.lines()).toEqual(["GET /v2/texts"]);
    expect(graph.upstream.calls[0]?.query.getAll("id")).toEqual(first.data.sendTexts.map((text) => text.id));
  });

  it("refuses the same key with other arguments, and sends again with a new key", async () => {
    const key = newKey();
    expect((await send(key)).errors).toBeUndefined();
    const reused = await postGraphQL(graph.app.url, SendTextsDocument, {
      recipients,
      defaultMessage: "A different message",
      idempotencyKey: key,
    });
    expect(errorCodes(reused)).toEqual(["BAD_USER_INPUT"]);
    expect(reused.errors![0].message).toContain("use a new key");

    graph.upstream.reset();
    const fresh = await postGraphQL(graph.app.url, SendTextsDocument, {
      recipients,
      defaultMessage: "A different message",
      idempotencyKey: newKey(),
    });
    expect(fresh.errors).toBeUndefined();
    expect(posts()).toHaveLength(1);
  });

  it("keeps one key's outcomes apart per mutation: sendTexts and createTextBroadcast with the same key both run", async () => {
    const key = newKey();
    expect((await send(key)).errors).toBeUndefined();
    graph.upstream.reset();
    const response = await fetch(graph.app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { createTextBroadcast(input: { name: "same key", message: "m" }, idempotencyKey: "${key}") { id name } }`,
      }),
    });
    const created = (await response.json()) as {
      data?: { createTextBroadcast: { name: string } };
      errors?: unknown;
    };
    expect(created.errors).toBeUndefined();
    expect(created.data?.createTextBroadcast.name).toBe("same key");
    expect(graph.upstream.lines()).toContain("POST /v2/texts/broadcasts");
  });

  it("keeps keys apart per CallFire account", async () => {
    const key = newKey();
    expect((await send(key)).errors).toBeUndefined();
    graph.upstream.reset();
    const other = await send(key, {
      authorization: basicAuth(`another-${randomUUID()}`, "its-own-password"),
    });
    expect(other.errors).toBeUndefined();
    expect(posts()).toHaveLength(1);
  });

  it("never replays to the right login with a wrong password: CallFire checks it and refuses", async () => {
    const login = `owner-${randomUUID()}`;
    const key = newKey();
    const owner = await send(key, { authorization: basicAuth(login, "the-right-password") });
    expect(owner.errors).toBeUndefined();
    graph.upstream.reset();
    const intruder = await send(key, { authorization: basicAuth(login, "a-wrong-password") });
    expect(intruder.data).toBeNull();
    expect(errorCodes(intruder)).toEqual(["UNAUTHENTICATED"]);
    expect(posts()).toHaveLength(1);
  });
});
