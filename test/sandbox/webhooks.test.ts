// The sandbox's /webhooks API (CallFire's paths and shapes, checked against the OpenAPI schemas) and its
// signed deliveries: TextBroadcast Started/Stopped/Finished, OutboundText Finished, InboundText Finished.
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "../../sandbox/domain/callfire.types.js";
import { EventOutbox, type ResourceEvent } from "../../sandbox/store/event-outbox.js";
import type { Webhook } from "../../sandbox/store/webhooks.repository.js";
import createWebhookRequest from "../fixtures/callfire/webhooks/createWebhook.request.json" with { type: "json" };
import {
  exercised,
  newAccount,
  operations,
  type SandboxClient,
  startTestSandbox,
  useTestSandbox,
} from "./helpers/sandbox-client.js";
import { type CaughtDelivery, startWebhookCatcher, type WebhookCatcher } from "./helpers/webhook-catcher.js";

const suite = useTestSandbox();
const catchers: WebhookCatcher[] = [];

afterEach(async () => {
  await Promise.all(catchers.splice(0).map((catcher) => catcher.close()));
});

async function catcher(): Promise<WebhookCatcher> {
  const started = await startWebhookCatcher();
  catchers.push(started);
  return started;
}

async function createWebhook(api: SandboxClient, body: Record<string, unknown>): Promise<number> {
  const response = await api.post<{ id: number }>("/webhooks", body);
  expect(response.status).toBe(201);
  return response.body.id;
}

/** Webhooks for all three text resources of `api`'s account, to `url`, signed with `secret`. */
async function watchTexts(api: SandboxClient, url: string, secret?: string): Promise<void> {
  await createWebhook(api, {
    name: "b",
    resource: "TextBroadcast",
    events: ["Started", "Stopped", "Finished"],
    callback: url,
    secret,
  });
  await createWebhook(api, {
    name: "o",
    resource: "OutboundText",
    events: ["Finished"],
    callback: url,
    secret,
  });
  await createWebhook(api, {
    name: "i",
    resource: "InboundText",
    events: ["Finished"],
    callback: url,
    secret,
  });
}

interface Envelope {
  timestamp: number;
  webhookId: number;
  webhookName: string;
  resourceType: string;
  events: {
    timestamp: number;
    webhookId: number;
    resourceType: string;
    eventType: string;
    resource: Record<string, unknown>;
  }[];
}

const envelope = (delivery: CaughtDelivery) => JSON.parse(delivery.body) as Envelope;
/** "TextBroadcast Started 11646003001" for each delivery, to compare sequences. */
const summary = (deliveries: CaughtDelivery[]) =>
  deliveries.map((delivery) => {
    const [event] = envelope(delivery).events;
    return `${event?.resourceType} ${event?.eventType} ${String(event?.resource.id)}`;
  });

describe("the /webhooks API", () => {
  it("creates, finds, gets, updates and deletes webhooks; the secret is never shown", async () => {
    const api = newAccount(suite.sandbox);
    const id = await createWebhook(api, { ...createWebhookRequest, secret: "s3cret" });
    const got = await api.get<Webhook>(`/webhooks/${id}`);
    expect(got.body).toMatchObject({
      id,
      name: "API hook",
      resource: "TextBroadcast",
      events: ["Started", "Stopped"],
      callback: "http://cool.site.xyz/webhook",
      enabled: true,
      singleUse: true,
    });
    expect(got.text).not.toContain("s3cret");

    await createWebhook(api, {
      name: "texts",
      resource: "outboundtext",
      events: ["finished"],
      callback: "https://example.com/t",
    });
    const byResource = await api.get<Page<Webhook>>("/webhooks", { resource: "TextBroadcast" });
    expect(byResource.body.items.map((webhook) => webhook.id)).toEqual([id]);
    const byEvent = await api.get<Page<Webhook>>("/webhooks", { event: "finished" });
    expect(byEvent.body.items.map((webhook) => webhook.resource)).toEqual(["OutboundText"]);
    const all = await api.get<Page<Webhook>>("/webhooks");
    expect(all.body).toMatchObject({ limit: 100, offset: 0, totalCount: 2 });

    const update = {
      id,
      name: "renamed",
      resource: "TextBroadcast",
      callback: "https://example.com/b",
      events: ["Stopped"],
      enabled: false,
    };
    expect((await api.put(`/webhooks/${id}`, update)).status).toBe(200);
    expect((await api.get<Webhook>(`/webhooks/${id}`)).body).toMatchObject({
      name: "renamed",
      events: ["Stopped"],
      callback: "https://example.com/b",
      enabled: false,
    });
    expect((await api.get<Page<Webhook>>("/webhooks", { enabled: false })).body.totalCount).toBe(1);
    expect(
      (await api.get<Page<Webhook>>("/webhooks", { callback: "https://example.com/b" })).body.totalCount,
    ).toBe(1);

    expect((await api.delete(`/webhooks/${id}`)).status).toBe(204);
    expect((await api.get(`/webhooks/${id}`)).status).toBe(404);
    expect((await api.delete(`/webhooks/${id}`)).status).toBe(404);
    // Another account sees none of them.
    expect((await newAccount(suite.sandbox).get<Page<Webhook>>("/webhooks")).body.totalCount).toBe(0);
  });

  it("lists the 11 resources and their events", async () => {
    const api = newAccount(suite.sandbox);
    const list = await api.get<{ items: { resource: string; supportedEvents: string[] }[] }>(
      "/webhooks/resources",
    );
    expect(list.body.items).toHaveLength(11);
    expect(list.body.items).toContainEqual({ resource: "InboundText", supportedEvents: ["Finished"] });
    expect((await api.get("/webhooks/resources/TextBroadcast")).body).toEqual({
      resource: "TextBroadcast",
      supportedEvents: ["Started", "Stopped", "Finished"],
    });
    expect((await api.get("/webhooks/resources/Nothing")).status).toBe(400);
  });

  it("refuses a webhook with an event its resource does not have, an unknown resource or no callback", async () => {
    const api = newAccount(suite.sandbox);
    const base = { resource: "OutboundText", events: ["Finished"], callback: "https://example.com/t" };
    const wrongEvent = await api.post<{ message: string }>("/webhooks", { ...base, events: ["Started"] });
    expect(wrongEvent.status).toBe(400);
    expect(wrongEvent.body.message).toBe(
      "Event [Started] is unsupported for OutboundText resource, supported events are: [Finished]",
    );
    expect((await api.post("/webhooks", { ...base, resource: "Fax" })).status).toBe(400);
    expect((await api.post("/webhooks", { ...base, callback: "ftp://example.com" })).status).toBe(400);
    expect((await api.post("/webhooks", { ...base, events: [] })).status).toBe(400);
    expect((await api.post("/webhooks", { ...base, fields: "id(" })).status).toBe(400);
    expect((await api.get<Page<Webhook>>("/webhooks")).body.totalCount).toBe(0);
  });
});

describe("webhook deliveries", () => {
  it("fires Started, each text's Finished, Finished and Stopped in order, signed with the secret (hex HMAC-SHA1 of the body)", async () => {
    const api = newAccount(suite.sandbox);
    const hooks = await catcher();
    await watchTexts(api, hooks.url, "the-secret");
    const created = await api.post<{ id: number }>("/texts/broadcasts", {
      name: "Live",
      message: "Hi",
      recipients: [{ phoneNumber: "12135550100" }, { phoneNumber: "12135550001" }],
    });
    const id = created.body.id;
    await api.post(`/texts/broadcasts/${id}/start`);
    await api.tick(2);
    const delivered = await hooks.waitFor(4);
    const [first, second] = delivered.slice(1, 3).map((d) => envelope(d).events[0]?.resource.id as number);
    expect(summary(delivered)).toEqual([
      `TextBroadcast Started ${id}`,
      `OutboundText Finished ${first}`,
      `OutboundText Finished ${second}`,
      `TextBroadcast Finished ${id}`,
    ]);
    for (const delivery of delivered) {
      expect(delivery.headers["x-callfire-signature"]).toBe(
        createHmac("sha1", "the-secret").update(delivery.body).digest("hex"),
      );
      expect(delivery.headers["content-type"]).toBe("application/json");
    }
    const started = envelope(delivered[0] as CaughtDelivery);
    expect(started).toMatchObject({ webhookName: "b", resourceType: "TextBroadcast" });
    expect(started.events[0]).toMatchObject({
      resourceType: "TextBroadcast",
      eventType: "Started",
      webhookId: started.webhookId,
    });
    expect(started.events[0]?.resource).toMatchObject({ id, name: "Live", status: "RUNNING" });
    const finishedTexts = delivered.slice(1, 3).map((d) => envelope(d).events[0]?.resource);
    expect(
      finishedTexts.map((text) => [text?.toNumber, text?.state, text?.finalTextResult, text?.campaignId]),
    ).toEqual([
      ["12135550100", "FINISHED", "SENT", id],
      ["12135550001", "FINISHED", "DNT", id],
    ]);

    // Stopping a finished broadcast is refused: no event. Restarting with a new recipient, then stopping, is not.
    await api.post(`/texts/broadcasts/${id}/recipients`, [{ phoneNumber: "12135550102" }]);
    await api.post(`/texts/broadcasts/${id}/start`);
    await api.post(`/texts/broadcasts/${id}/stop`);
    expect(summary((await hooks.waitFor(6)).slice(4))).toEqual([
      `TextBroadcast Started ${id}`,
      `TextBroadcast Stopped ${id}`,
    ]);
  });

  it("fires InboundText Finished for an inbound text, then OutboundText Finished for its auto-reply", async () => {
    const api = newAccount(suite.sandbox);
    const hooks = await catcher();
    await watchTexts(api, hooks.url);
    await api.post("/texts/auto-replys", { keyword: "help", message: "We are here" });
    const inbound = await api.call<{ text: { id: number }; replies: { id: number }[] }>(
      "POST",
      "/sandbox/inbound",
      {
        body: { fromNumber: "12135550177", message: "help me" },
      },
    );
    await api.tick(2);
    const delivered = await hooks.waitFor(2);
    expect(summary(delivered)).toEqual([
      `InboundText Finished ${inbound.body.text.id}`,
      `OutboundText Finished ${inbound.body.replies[0]?.id}`,
    ]);
    expect(envelope(delivered[0] as CaughtDelivery).events[0]?.resource).toMatchObject({
      inbound: true,
      fromNumber: "12135550177",
      toNumber: "67076",
      message: "help me",
      finalTextResult: "RECEIVED",
    });
    // No secret, no signature.
    expect(delivered[0]?.headers["x-callfire-signature"]).toBeUndefined();
  });

  it("fires only to the account's own webhooks, and only for the events they name", async () => {
    const alice = newAccount(suite.sandbox);
    const bob = newAccount(suite.sandbox);
    const aliceHooks = await catcher();
    const bobHooks = await catcher();
    await createWebhook(alice, { resource: "InboundText", events: ["Finished"], callback: aliceHooks.url });
    await createWebhook(bob, { resource: "InboundText", events: ["Finished"], callback: bobHooks.url });
    await createWebhook(bob, { resource: "TextBroadcast", events: ["Stopped"], callback: bobHooks.url });
    await alice.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550178", message: "alice's" } });
    const bobBroadcast = await bob.post<{ id: number }>(
      "/texts/broadcasts",
      { name: "B", message: "m" },
      { start: true },
    );
    await bob.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550179", message: "bob's" } });
    // Bob's deliveries are serial: his inbound text arriving means nothing else was queued for him before it.
    expect(summary(await bobHooks.waitFor(1))[0]).toMatch(/^InboundText Finished /);
    expect(envelope(bobHooks.deliveries[0] as CaughtDelivery).events[0]?.resource.message).toBe("bob's");
    expect(envelope((await aliceHooks.waitFor(1))[0] as CaughtDelivery).events[0]?.resource.message).toBe(
      "alice's",
    );
    expect(bobBroadcast.status).toBe(201);
  });

  it("a single-use webhook fires once and is gone; a disabled one never fires; fields narrows the resource", async () => {
    const api = newAccount(suite.sandbox);
    const hooks = await catcher();
    const once = await createWebhook(api, {
      resource: "InboundText",
      events: ["Finished"],
      callback: hooks.url,
      singleUse: true,
      fields: "id,message",
    });
    await createWebhook(api, {
      resource: "InboundText",
      events: ["Finished"],
      callback: `${hooks.url}?off`,
      enabled: false,
    });
    await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550180", message: "first" } });
    await createWebhook(api, {
      resource: "InboundText",
      events: ["Finished"],
      callback: `${hooks.url}?marker`,
    });
    await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550180", message: "second" } });
    const delivered = await hooks.waitFor(2);
    expect(
      delivered.map((delivery) => [delivery.path, envelope(delivery).events[0]?.resource.message]),
    ).toEqual([
      ["/hook", "first"],
      ["/hook?marker", "second"],
    ]);
    expect(Object.keys(envelope(delivered[0] as CaughtDelivery).events[0]?.resource ?? {}).sort()).toEqual([
      "id",
      "message",
    ]);
    expect((await api.get(`/webhooks/${once}`)).status).toBe(404);
  });

  it("retries a delivery the receiver answered with 5xx, and keeps the account's order", async () => {
    const api = newAccount(suite.sandbox);
    const hooks = await catcher();
    await createWebhook(api, { resource: "InboundText", events: ["Finished"], callback: hooks.url });
    hooks.answerWith(503);
    await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550181", message: "one" } });
    await hooks.waitFor(1);
    hooks.answerWith(200);
    await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550181", message: "two" } });
    const delivered = await hooks.waitFor(3);
    expect(delivered.map((delivery) => envelope(delivery).events[0]?.resource.message)).toEqual([
      "one",
      "one",
      "two",
    ]);
  });

  it("signs in base64 when started with webhookSignature: base64", async () => {
    const other = await startTestSandbox({ webhookSignature: "base64" });
    try {
      const api = newAccount(other);
      const hooks = await catcher();
      await createWebhook(api, {
        resource: "InboundText",
        events: ["Finished"],
        callback: hooks.url,
        secret: "k",
      });
      await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550182", message: "b64" } });
      const [delivery] = await hooks.waitFor(1);
      expect(delivery?.headers["x-callfire-signature"]).toBe(
        createHmac("sha1", "k")
          .update(delivery?.body ?? "")
          .digest("base64"),
      );
    } finally {
      await other.stop();
    }
  });
});

describe("the event outbox", () => {
  const event = (id: number): ResourceEvent => ({
    accountId: 1,
    resource: "OutboundText",
    event: "Finished",
    id,
    timestamp: 0,
  });

  it("releases a transaction's events when it commits, and drops those of a part that threw", () => {
    const outbox = new EventOutbox();
    const released: number[][] = [];
    outbox.onCommit((events) => released.push(events.map((e) => e.id)));
    outbox.around(() => {
      outbox.record(event(1));
      expect(() =>
        outbox.around(() => {
          outbox.record(event(2));
          throw new Error("inner part failed");
        }),
      ).toThrow("inner part failed");
      outbox.record(event(3));
      expect(released).toEqual([]);
    });
    expect(() =>
      outbox.around(() => {
        outbox.record(event(4));
        throw new Error("whole transaction failed");
      }),
    ).toThrow();
    expect(released).toEqual([[1, 3]]);
  });
});

it("exercised the 7 webhook operations with a documented success response", () => {
  const webhookOperations = Object.keys(operations).filter((id) =>
    operations[id]?.path.startsWith("/webhooks"),
  );
  expect(webhookOperations).toHaveLength(7);
  expect([...exercised].filter((id) => webhookOperations.includes(id)).sort()).toEqual(
    webhookOperations.sort(),
  );
});
