// End to end over HTTP: every root field and mutation, driven as a frontend would, against the sandbox,
// with the CallFire calls each operation cost checked where cost is the point.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AddBatchDocument,
  AddRecipientsDocument,
  ArchiveBroadcastDocument,
  AutoReplyByIdDocument,
  AutoRepliesDocument,
  BatchByIdDocument,
  BroadcastDashboardDocument,
  BroadcastDetailDocument,
  CreateAndStartBroadcastDocument,
  CreateAutoReplyDocument,
  CreateBroadcastDocument,
  DeleteAutoReplyDocument,
  FindTextsDocument,
  SendTextsDocument,
  StartBroadcastDocument,
  StopBroadcastDocument,
  TextByIdDocument,
  TextsByIdsDocument,
  ToggleRecipientsDocument,
  UpdateBatchDocument,
  UpdateBroadcastDocument,
} from "../generated/operations.js";
import { basicAuth, postGraphQL } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("operations over HTTP", () => {
  let graph: TestGraph;
  let url: string;

  beforeAll(async () => {
    // Delivery only moves when a test ticks the simulator, so results are deterministic.
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
    url = graph.app.url;
  });
  afterAll(() => graph?.stop());

  it("answers the dashboard query from seed data at 1 + 3 calls per broadcast, texts' batches from the batch lists", async () => {
    graph.upstream.reset();
    const result = await postGraphQL(url, BroadcastDashboardDocument, { limit: 3 });
    expect(result.errors).toBeUndefined();
    const broadcasts = result.data!.textBroadcasts.items;
    expect(broadcasts.length).toBeGreaterThan(0);
    const withTexts = broadcasts.flatMap((broadcast) => broadcast.texts!.items);
    expect(withTexts.length).toBeGreaterThan(0);
    for (const text of withTexts) expect(text.batch?.id).toBeTruthy();

    const calls = graph.upstream.lines();
    expect(calls.filter((line) => line === "GET /v2/texts/broadcasts")).toHaveLength(1);
    for (const broadcast of broadcasts) {
      for (const suffix of ["stats", "batches", "texts"]) {
        expect(
          calls.filter((line) => line === `GET /v2/texts/broadcasts/${broadcast.id}/${suffix}`),
        ).toHaveLength(1);
      }
    }
    expect(calls).toHaveLength(1 + 3 * broadcasts.length);
  });

  it("sends texts, finds them by id in one call, and reads one with its (absent) broadcast", async () => {
    const sent = await postGraphQL(url, SendTextsDocument, {
      recipients: [{ phoneNumber: "12135550101", message: "Hello Ada" }, { phoneNumber: "12135550102" }],
      defaultMessage: "Hello there",
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendTexts.map((text) => [text.toNumber, text.message])).toEqual([
      ["12135550101", "Hello Ada"],
      ["12135550102", "Hello there"],
    ]);
    const ids = sent.data!.sendTexts.map((text) => text.id);

    graph.upstream.reset();
    const found = await postGraphQL(url, TextsByIdsDocument, { ids });
    expect(found.data!.texts.items.map((text) => text.id).sort()).toEqual([...ids].sort());
    expect(graph.upstream.lines()).toEqual(["GET /v2/texts"]);

    const one = await postGraphQL(url, TextByIdDocument, { id: ids[0] });
    expect(one.errors).toBeUndefined();
    expect(one.data!.text).toMatchObject({
      id: ids[0],
      toNumber: "12135550101",
      inbound: false,
      broadcast: null,
    });

    const byCampaign = await postGraphQL(url, FindTextsDocument, { filter: { campaignId: "0" }, limit: 500 });
    expect(byCampaign.data!.texts.items.map((text) => text.id)).toEqual(expect.arrayContaining(ids));
  });

  it("returns null for root lookups of unknown ids", async () => {
    const unknown = "987654321987";
    expect((await postGraphQL(url, TextByIdDocument, { id: unknown })).data!.text).toBeNull();
    expect((await postGraphQL(url, BatchByIdDocument, { id: unknown })).data!.batch).toBeNull();
    expect((await postGraphQL(url, AutoReplyByIdDocument, { id: unknown })).data!.textAutoReply).toBeNull();
    expect((await postGraphQL(url, BroadcastDetailDocument, { id: unknown })).data!.textBroadcast).toBeNull();
  });

  it("runs a broadcast's whole life: create, batch, recipients, toggle, update, stop, start, archive", async () => {
    const created = await postGraphQL(url, CreateBroadcastDocument, {
      input: {
        name: "Spring sale",
        message: "Hi ${name}, 20% off today",
        recipients: [{ phoneNumber: "12135550201", attributes: { name: "Ada" } }],
      },
      start: false,
    });
    expect(created.errors).toBeUndefined();
    const broadcast = created.data!.createTextBroadcast;
    expect(broadcast).toMatchObject({ name: "Spring sale", status: "SETUP" });

    const batch = await postGraphQL(url, AddBatchDocument, {
      broadcastId: broadcast.id,
      input: { name: "VIPs", recipients: [{ phoneNumber: "12135550202" }, { phoneNumber: "12135550203" }] },
    });
    expect(batch.errors).toBeUndefined();
    const batchId = batch.data!.addTextBroadcastBatch.id;
    expect(batch.data!.addTextBroadcastBatch).toMatchObject({ name: "VIPs", enabled: true });

    const readBatch = await postGraphQL(url, BatchByIdDocument, { id: batchId });
    expect(readBatch.data!.batch).toMatchObject({
      id: batchId,
      broadcastId: broadcast.id,
      broadcast: { id: broadcast.id },
    });

    const disabled = await postGraphQL(url, UpdateBatchDocument, { id: batchId, input: { enabled: false } });
    expect(disabled.data!.updateBatch).toEqual({ id: batchId, enabled: false });
    const enabled = await postGraphQL(url, UpdateBatchDocument, { id: batchId, input: { enabled: true } });
    expect(enabled.data!.updateBatch).toEqual({ id: batchId, enabled: true });

    const updated = await postGraphQL(url, UpdateBroadcastDocument, {
      id: broadcast.id,
      input: { name: "Spring sale (EU)", labels: ["spring"] },
    });
    expect(updated.data!.updateTextBroadcast).toMatchObject({
      name: "Spring sale (EU)",
      labels: ["spring"],
      status: "SETUP",
    });

    const started = await postGraphQL(url, StartBroadcastDocument, { id: broadcast.id });
    expect(started.errors).toBeUndefined();
    expect(started.data!.startTextBroadcast.status).toBe("RUNNING");

    const added = await postGraphQL(url, AddRecipientsDocument, {
      broadcastId: broadcast.id,
      recipients: [{ phoneNumber: "12135550204", message: "Just for you" }],
    });
    expect(added.data!.addTextBroadcastRecipients).toEqual([
      expect.objectContaining({ toNumber: "12135550204", message: "Just for you", campaignId: broadcast.id }),
    ]);

    const toggled = await postGraphQL(url, ToggleRecipientsDocument, {
      broadcastId: broadcast.id,
      recipients: [{ phoneNumber: "12135550204" }],
      enable: false,
    });
    expect(toggled.data!.toggleTextBroadcastRecipients).toBe(true);

    graph.upstream.reset();
    const stopped = await postGraphQL(url, StopBroadcastDocument, { id: broadcast.id });
    expect(stopped.data!.stopTextBroadcast.status).toBe("STOPPED");
    expect(graph.upstream.lines()).toEqual([
      `POST /v2/texts/broadcasts/${broadcast.id}/stop`,
      `GET /v2/texts/broadcasts/${broadcast.id}`,
    ]);

    const archived = await postGraphQL(url, ArchiveBroadcastDocument, { id: broadcast.id });
    expect(archived.data!.archiveTextBroadcast.status).toBe("ARCHIVED");
    const list = await postGraphQL(url, BroadcastDashboardDocument, { limit: 100 });
    expect(list.data!.textBroadcasts.items.map((item) => item.id)).not.toContain(broadcast.id);
  });

  it("creates and starts a broadcast in one mutation", async () => {
    const result = await postGraphQL(url, CreateAndStartBroadcastDocument, {
      input: { name: "Flash", message: "Doors open at 9", recipients: [{ phoneNumber: "12135550301" }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createTextBroadcast).toMatchObject({ name: "Flash", status: "RUNNING" });
  });

  it("shows a started broadcast's texts delivered with the sandbox's results, and stats that add up", async () => {
    const created = await postGraphQL(url, CreateAndStartBroadcastDocument, {
      input: {
        name: "Results",
        message: "Hello",
        recipients: ["12135550001", "12135550002", "12135550100", "12135550101"].map((phoneNumber) => ({
          phoneNumber,
        })),
      },
    });
    const id = created.data!.createTextBroadcast.id;
    const tick = await fetch(`${graph.sandbox.origin}/sandbox/tick?count=3`, {
      method: "POST",
      headers: { authorization: basicAuth(graph.sandbox.login, graph.sandbox.password) },
    });
    expect(tick.status).toBe(200);

    const detail = await postGraphQL(url, BroadcastDetailDocument, { id });
    expect(detail.errors).toBeUndefined();
    const broadcast = detail.data!.textBroadcast!;
    expect(broadcast.status).toBe("FINISHED");
    const results = Object.fromEntries(
      broadcast.texts!.items.map((text) => [text.toNumber, text.finalTextResult]),
    );
    expect(results).toEqual({
      "12135550001": "DNT",
      "12135550002": "CARRIER_ERROR",
      "12135550100": "SENT",
      "12135550101": "SENT",
    });
    expect(broadcast.stats).toMatchObject({
      totalOutboundCount: 4,
      sentCount: 2,
      errorCount: 1,
      unsentCount: 0,
    });
  });

  it("manages auto-replies: create, read, list by number, delete", async () => {
    const created = await postGraphQL(url, CreateAutoReplyDocument, {
      input: { number: "12135550999", match: "stop", message: "You said: ${text.message}" },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createTextAutoReply.id;
    expect(created.data!.createTextAutoReply).toMatchObject({ number: "12135550999", match: "stop" });

    expect((await postGraphQL(url, AutoReplyByIdDocument, { id })).data!.textAutoReply?.id).toBe(id);
    const listed = await postGraphQL(url, AutoRepliesDocument, { number: "12135550999" });
    expect(listed.data!.textAutoReplies.items.map((item) => item.id)).toEqual([id]);

    const deleted = await postGraphQL(url, DeleteAutoReplyDocument, { id });
    expect(deleted.data!.deleteTextAutoReply).toBe(id);
    expect((await postGraphQL(url, AutoReplyByIdDocument, { id })).data!.textAutoReply).toBeNull();
  });
});
