// The webhook receiver over HTTP: signatures checked over the raw bytes (hex or base64, nothing else),
// unsigned, forged, malformed and stale deliveries refused without publishing, redeliveries published once.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebhookKeys } from "../../src/live/webhook-keys.js";
import { basicAuth } from "../helpers/graphql-http.js";
import { collect, type LiveGraph, startLiveGraph, WEBHOOK_SECRET, wsClient } from "../helpers/live-graph.js";

let graph: LiveGraph;
const keys = createWebhookKeys(WEBHOOK_SECRET);
const account = { login: "receiver-test", password: "receiver-pw" };
const accountKey = keys.accountKey(account.login);

beforeAll(async () => {
  graph = await startLiveGraph();
});
afterAll(() => graph.stop());

let nextTextId = 90_000;

/** A CallFire InboundText Finished delivery, as CallFire would send it. */
function inboundDelivery(message: string, timestamp = Date.now()): string {
  nextTextId += 1;
  const resource = {
    id: nextTextId,
    fromNumber: "12135550150",
    toNumber: "67076",
    inbound: true,
    state: "FINISHED",
    message,
    finalTextResult: "RECEIVED",
  };
  return JSON.stringify({
    timestamp,
    webhookId: 1,
    webhookName: "callfire-graph InboundText",
    resourceType: "InboundText",
    events: [{ timestamp, webhookId: 1, resourceType: "InboundText", eventType: "Finished", resource }],
  });
}

const sign = (body: string, encoding: "hex" | "base64" = "hex", key = accountKey) =>
  createHmac("sha1", keys.secretFor(key)).update(body).digest(encoding);

async function deliver(body: string, signature: string | undefined, key = accountKey) {
  const response = await fetch(`${graph.app.origin}/webhooks/callfire/${key}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(signature === undefined ? {} : { "x-callfire-signature": signature }),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the webhook receiver", () => {
  it("publishes a signed delivery once; forged, unsigned, stale or replayed ones change nothing", async () => {
    const client = wsClient(graph.wsUrl, basicAuth(account.login, account.password));
    const received = collect<{ textReceived: { message: string } }>(
      client,
      `subscription { textReceived { message } }`,
    );
    await graph.metricReaches("graphql_subscriptions", 1);

    const first = inboundDelivery("first");
    expect(await deliver(first, sign(first))).toEqual({ status: 200, body: { published: 1, repeated: 0 } });
    // The same delivery again (CallFire retrying, or someone replaying it): acknowledged, not published.
    expect(await deliver(first, sign(first))).toEqual({ status: 200, body: { published: 0, repeated: 1 } });

    const forged = inboundDelivery("forged");
    expect(await deliver(forged, sign(first))).toMatchObject({
      status: 401,
      body: { error: "X-CallFire-Signature does not match the body" },
    });
    expect(await deliver(forged, undefined)).toMatchObject({
      status: 401,
      body: { error: "Unsigned delivery: X-CallFire-Signature is missing" },
    });
    // Signed with another account's secret, or a signature in any other form.
    expect((await deliver(forged, sign(forged, "hex", keys.accountKey("someone-else")))).status).toBe(401);
    expect((await deliver(forged, `sha1=${sign(forged)}`)).status).toBe(401);
    expect((await deliver(forged, sign(forged, "base64").replace(/=$/, ""))).status).toBe(401);
    expect((await deliver(forged, sign(forged).slice(0, 39))).status).toBe(401);
    // A body changed after signing.
    expect((await deliver(forged.replace("forged", "FORGED"), sign(forged))).status).toBe(401);
    const stale = inboundDelivery("stale", Date.now() - 11 * 60_000);
    expect(await deliver(stale, sign(stale))).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/^Stale delivery/) },
    });
    const notJson = "{not json";
    expect(await deliver(notJson, sign(notJson))).toMatchObject({
      status: 400,
      body: { error: "The body is not JSON" },
    });
    expect(await deliver(first, sign(first), "not-a-key")).toMatchObject({ status: 404 });

    // Hex in capitals and base64 are both accepted.
    const upper = inboundDelivery("hex in capitals");
    expect((await deliver(upper, sign(upper).toUpperCase())).status).toBe(200);
    const base64 = inboundDelivery("base64");
    expect((await deliver(base64, sign(base64, "base64"))).status).toBe(200);

    const messages = (await received.take(3)).map((result) => result.data?.textReceived.message);
    expect(messages).toEqual(["first", "hex in capitals", "base64"]);
    const metrics = await (await fetch(`${graph.app.origin}/metrics`)).text();
    expect(metrics).toContain('callfire_webhook_events_total{outcome="repeated"} 1');
    expect(metrics).toContain('callfire_webhook_deliveries_total{outcome="forged"} 6');
    expect(metrics).toContain('callfire_webhook_deliveries_total{outcome="unsigned"} 1');
    await client.dispose();
  });
});
