// Registering CallFire webhooks for live updates against a CallFire-compatible upstream (the sandbox behind
// a recording proxy, i.e. not embedded): reuse instead of duplicates, and a clear error without PUBLIC_URL.
import { afterEach, describe, expect, it } from "vitest";
import { startApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { basicAuth } from "../helpers/graphql-http.js";
import { collect, WEBHOOK_SECRET, wsClient } from "../helpers/live-graph.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

const PUBLIC_URL = "https://graph.example.com";
let graph: TestGraph | undefined;
afterEach(async () => {
  await graph?.stop();
  graph = undefined;
});

interface Webhook {
  id: number;
  name?: string;
  resource: string;
  events: string[];
  callback: string;
  enabled: boolean;
}

async function webhooksOf(started: TestGraph): Promise<Webhook[]> {
  const { login, password } = started.sandbox;
  const response = await fetch(`${started.sandbox.apiUrl}/webhooks?limit=1000`, {
    headers: { authorization: basicAuth(login, password) },
  });
  return ((await response.json()) as { items: Webhook[] }).items;
}

/** Bounded wait for the webhook calls the server makes at start. */
async function callsSettle(started: TestGraph, expected: number): Promise<string[]> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const calls = started.upstream.lines().filter((line) => line.includes("/webhooks"));
    if (calls.length >= expected) return calls;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${expected} webhook calls, saw ${started.upstream.lines().join(", ")}`);
}

describe("webhook registration", () => {
  it("creates the account's three webhooks at start, and a restart reuses them: no duplicates, extras removed", async () => {
    graph = await startTestGraph({ env: { PUBLIC_URL, WEBHOOK_SECRET } });
    expect(await callsSettle(graph, 4)).toEqual([
      "GET /v2/webhooks",
      "POST /v2/webhooks",
      "POST /v2/webhooks",
      "POST /v2/webhooks",
    ]);
    const created = await webhooksOf(graph);
    expect(
      created.map(({ name, resource, events, enabled }) => ({ name, resource, events, enabled })),
    ).toEqual([
      {
        name: "callfire-graph TextBroadcast",
        resource: "TextBroadcast",
        events: ["Started", "Stopped", "Finished"],
        enabled: true,
      },
      { name: "callfire-graph OutboundText", resource: "OutboundText", events: ["Finished"], enabled: true },
      { name: "callfire-graph InboundText", resource: "InboundText", events: ["Finished"], enabled: true },
    ]);
    const callback = created[0]?.callback ?? "";
    expect(callback).toMatch(/^https:\/\/graph\.example\.com\/webhooks\/callfire\/[A-Za-z0-9_-]{32}$/);
    expect(created.every((webhook) => webhook.callback === callback)).toBe(true);

    // A duplicate left by an earlier deployment at the same address, and someone else's webhook.
    const { login, password } = graph.sandbox;
    const post = (body: object) =>
      fetch(`${graph?.sandbox.apiUrl}/webhooks`, {
        method: "POST",
        headers: { authorization: basicAuth(login, password), "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await post({
      name: "callfire-graph InboundText",
      resource: "InboundText",
      events: ["Finished"],
      callback: `${PUBLIC_URL}/webhooks/callfire/old`,
    });
    await post({
      name: "crm",
      resource: "InboundText",
      events: ["Finished"],
      callback: "https://crm.example.com/hook",
    });

    // A second server (a restart, another replica) on the same account.
    graph.upstream.reset();
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      CALLFIRE_API_URL: `${graph.upstream.origin}/v2`,
      CALLFIRE_API_LOGIN: login,
      CALLFIRE_API_PASSWORD: password,
      LOG_LEVEL: "silent",
      PUBLIC_URL,
      WEBHOOK_SECRET,
    });
    const second = await startApp(config, createLogger("silent"));
    try {
      const calls = await callsSettle(graph, 5);
      expect(calls).toEqual([
        "GET /v2/webhooks",
        `PUT /v2/webhooks/${created[0]?.id}`,
        `PUT /v2/webhooks/${created[1]?.id}`,
        `PUT /v2/webhooks/${created[2]?.id}`,
        expect.stringMatching(/^DELETE \/v2\/webhooks\/\d+$/),
      ]);
      const after = await webhooksOf(graph);
      expect(after.map((webhook) => [webhook.id, webhook.name, webhook.callback])).toEqual([
        ...created.map((webhook) => [webhook.id, webhook.name, callback]),
        [expect.any(Number), "crm", "https://crm.example.com/hook"],
      ]);
    } finally {
      await second.stop();
    }
  });

  it("against CallFire with no PUBLIC_URL, a subscription fails at once saying what to set", async () => {
    graph = await startTestGraph();
    const client = wsClient(graph.app.url.replace(/^http/, "ws"));
    const [result] = await collect(client, `subscription { textReceived { id } }`).take(1);
    expect(result?.errors).toEqual([
      expect.objectContaining({
        message:
          "Subscriptions need CallFire to reach this server: set PUBLIC_URL to the server's public https address (and WEBHOOK_SECRET), then restart it.",
        extensions: { code: "SUBSCRIPTIONS_UNAVAILABLE" },
      }),
    ]);
    expect(graph.upstream.lines().filter((line) => line.includes("/webhooks"))).toEqual([]);
    await client.dispose();
  });

  it("refuses PUBLIC_URL without WEBHOOK_SECRET, and a short WEBHOOK_SECRET", () => {
    expect(() => loadConfig({ PUBLIC_URL })).toThrow(/PUBLIC_URL is set but WEBHOOK_SECRET is not/);
    expect(() => loadConfig({ WEBHOOK_SECRET: "short" })).toThrow(/at least 32 characters/);
  });
});
