// The real CallFire fixtures (test/fixtures/callfire, from the official Java client) round-trip: every
// request fixture is accepted by the sandbox, and every response fixture has the shape (same keys, same
// JSON types, recursively) of what the sandbox answers on the same endpoint.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page, Text } from "../../sandbox/domain/callfire.types.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import {
  definition,
  expectValid,
  newAccount,
  type SandboxClient,
  useTestSandbox,
} from "./helpers/sandbox-client.js";

type Json = Record<string, unknown>;

function kind(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

/** Same keys and JSON types, recursively; arrays compare element by element up to the fixture's length. */
function expectSameShape(actual: unknown, expected: unknown, path = "$", extraKeys: string[] = []): void {
  expect(kind(actual), path).toBe(kind(expected));
  if (Array.isArray(expected)) {
    const items = actual as unknown[];
    expect(items.length, `${path}.length`).toBeGreaterThanOrEqual(expected.length);
    expected.forEach((item, i) => expectSameShape(items[i], item, `${path}[${i}]`));
  } else if (kind(expected) === "object") {
    const keys = Object.keys(actual as Json).filter((key) => !extraKeys.includes(key));
    expect(keys.sort(), `${path} keys`).toEqual(Object.keys(expected as Json).sort());
    for (const [key, value] of Object.entries(expected as Json)) {
      expectSameShape((actual as Json)[key], value, `${path}.${key}`);
    }
  }
}

const suite = useTestSandbox();
let api: SandboxClient;

describe("request fixtures are accepted", () => {
  it("texts/sendTexts.request.json → POST /texts", async () => {
    api = newAccount(suite.sandbox);
    const body = callfireFixture("texts/sendTexts.request.json");
    expectValid({ type: "array", items: definition("TextRecipient") }, body);
    const response = await api.post<{ items: Text[] }>("/texts", body, {
      defaultMessage: "testMessage",
      strictValidation: true,
    });
    expect(response.status).toBe(200);
    expect(response.body.items.map((t) => t.message)).toEqual(["Hello World!", "Testing 1 2 3"]);
  });

  it("textBroadcasts create, update, addBatch, addRecipients and toggle fixtures", async () => {
    api = newAccount(suite.sandbox);
    const create = callfireFixture("textBroadcasts/createTextBroadcast.request.json");
    expectValid(definition("TextBroadcast"), create);
    const created = await api.post<{ id: number }>("/texts/broadcasts", create, {
      start: true,
      strictValidation: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    const update = callfireFixture("textBroadcasts/updateTextBroadcast.request.json");
    expectValid(definition("TextBroadcast"), update);
    expect((await api.put(`/texts/broadcasts/${id}`, update, { strictValidation: true })).status).toBe(200);
    expect((await api.get(`/texts/broadcasts/${id}`)).body).toMatchObject({
      name: "Example API SMS updated",
      message: "a new test message",
      status: "RUNNING",
    });

    const batch = callfireFixture("textBroadcasts/addBatch.request.json");
    expectValid(definition("BatchRequest"), batch);
    const added = await api.post<{ id: number }>(`/texts/broadcasts/${id}/batches`, batch, {
      strictValidation: true,
    });
    expect(added.status).toBe(201);

    const recipients = callfireFixture("textBroadcasts/addRecipients.request.json");
    expectValid({ type: "array", items: definition("TextRecipient") }, recipients);
    const texts = await api.post<{ items: Text[] }>(`/texts/broadcasts/${id}/recipients`, recipients);
    expect(texts.status).toBe(200);
    expect(texts.body.items).toHaveLength(2);

    expectValid({ type: "array", items: definition("Recipient") }, recipients);
    for (const enable of [false, true]) {
      const toggled = await api.post(`/texts/broadcasts/${id}/toggleRecipientsStatus`, recipients, {
        enable,
      });
      expect(toggled.status).toBe(200);
      const states = (await api.get<Page<Text>>("/texts", { toNumber: "12135551100" })).body.items.map(
        (t) => t.state,
      );
      expect(states).toEqual([enable ? "READY" : "DISABLED"]);
    }

    for (const path of ["textBroadcasts/updateBatch.request.json", "batches/updateBatch.request.json"]) {
      const update = callfireFixture(path) as { enabled: boolean };
      expectValid(definition("Batch"), update);
      expect((await api.put(`/campaigns/batches/${added.body.id}`, update)).status).toBe(200);
      expect((await api.get(`/campaigns/batches/${added.body.id}`)).body.enabled).toBe(update.enabled);
    }
  });

  it("textAutoReplies/createTextAutoReply.request.json → POST /texts/auto-replys", async () => {
    api = newAccount(suite.sandbox);
    const body = callfireFixture("textAutoReplies/createTextAutoReply.request.json");
    expectValid(definition("TextAutoReply"), body);
    const response = await api.post("/texts/auto-replys", body);
    expect(response.status).toBe(201);
    expectSameShape(response.body, callfireFixture("textAutoReplies/createTextAutoReply.response.json"));
  });
});

describe("response fixtures have the sandbox's shape", () => {
  let broadcastId: number;
  let batchId: number;
  let finishedTextId: number;

  beforeAll(async () => {
    api = newAccount(suite.sandbox);
    const first = await api.post<{ id: number }>("/texts/broadcasts", {
      name: "Outbound SMS Broadcast",
      message: "This is a text broadcast",
      bigMessageStrategy: "DO_NOT_SEND",
    });
    const created = await api.post<{ id: number }>("/texts/broadcasts", {
      ...(callfireFixture("textBroadcasts/createTextBroadcast.request.json") as Json),
      fromNumber: "12135551100",
    });
    expectSameShape(created.body, callfireFixture("textBroadcasts/createTextBroadcast.response.json"));
    expect(first.status).toBe(201);
    broadcastId = created.body.id;
    await api.post(`/texts/broadcasts/${broadcastId}/start`);
    await api.post(`/texts/broadcasts/${broadcastId}/stop`);
    const texts = await api.get<Page<Text>>(`/texts/broadcasts/${broadcastId}/texts`);
    batchId = texts.body.items[0]?.batchId ?? 0;
    const [dnt] = (
      await api.post<{ items: Text[] }>("/texts", [{ phoneNumber: "12135550001", message: "Hello World!" }])
    ).body.items;
    finishedTextId = dnt?.id ?? 0;
    await api.tick(2);
    await api.post("/texts/auto-replys", {
      match: ".*",
      message: "Short code reply. Echo - ${text.message}!",
    });
    await api.post("/texts/auto-replys", callfireFixture("textAutoReplies/createTextAutoReply.request.json"));
  });

  it("texts/sendTexts.response.json", async () => {
    const response = await api.post("/texts", callfireFixture("texts/sendTexts.request.json"));
    expectSameShape(response.body, callfireFixture("texts/sendTexts.response.json"));
  });

  it("texts/findTexts.response.json", async () => {
    await api.post("/texts", [
      { phoneNumber: "12135551123", message: "a" },
      { phoneNumber: "12135551122", message: "b" },
    ]);
    expectSameShape(
      (await api.get("/texts", { limit: 2 })).body,
      callfireFixture("texts/findTexts.response.json"),
    );
  });

  it("texts/getText.response.json", async () => {
    const response = await api.get(`/texts/${finishedTextId}`);
    expect(response.body).toMatchObject({ finalTextResult: "DNT", state: "FINISHED" });
    expectSameShape(response.body, callfireFixture("texts/getText.response.json"));
  });

  it("textBroadcasts/findTextBroadcasts.response.json (which has no limit/offset)", async () => {
    const response = await api.get("/texts/broadcasts");
    expectSameShape(response.body, callfireFixture("textBroadcasts/findTextBroadcasts.response.json"), "$", [
      "limit",
      "offset",
    ]);
  });

  it("textBroadcasts/getTextBroadcast.response.json", async () => {
    const response = await api.get(`/texts/broadcasts/${broadcastId}`);
    expect(response.body.status).toBe("STOPPED");
    expectSameShape(response.body, callfireFixture("textBroadcasts/getTextBroadcast.response.json"));
  });

  it("textBroadcasts/getBatches.response.json, getBatch.response.json and batches/getBatch.response.json", async () => {
    expectSameShape(
      (await api.get(`/texts/broadcasts/${broadcastId}/batches`)).body,
      callfireFixture("textBroadcasts/getBatches.response.json"),
    );
    const batch = (await api.get(`/campaigns/batches/${batchId}`)).body;
    expectSameShape(batch, callfireFixture("textBroadcasts/getBatch.response.json"));
    expectSameShape(batch, callfireFixture("batches/getBatch.response.json"));
  });

  it("textBroadcasts/addBatch.response.json", async () => {
    const response = await api.post(
      `/texts/broadcasts/${broadcastId}/batches`,
      callfireFixture("textBroadcasts/addBatch.request.json"),
    );
    expectSameShape(response.body, callfireFixture("textBroadcasts/addBatch.response.json"));
  });

  it("textBroadcasts/addRecipients.response.json", async () => {
    const response = await api.post(`/texts/broadcasts/${broadcastId}/recipients`, [
      { phoneNumber: "12135551123", message: "a new test message" },
    ]);
    expectSameShape(response.body, callfireFixture("textBroadcasts/addRecipients.response.json"));
  });

  it("textBroadcasts/getTexts.response.json", async () => {
    await api.post(`/texts/broadcasts/${broadcastId}/recipients`, [{ phoneNumber: "12135551122" }]);
    const response = await api.get(`/texts/broadcasts/${broadcastId}/texts`);
    expectSameShape(response.body, callfireFixture("textBroadcasts/getTexts.response.json"));
  });

  it("textBroadcasts/getStats.response.json", async () => {
    const response = await api.get(`/texts/broadcasts/${broadcastId}/stats`);
    expectSameShape(response.body, callfireFixture("textBroadcasts/getStats.response.json"));
  });

  it("textAutoReplies/findTextAutoReplies.response.json and getTextAutoReply.response.json", async () => {
    const page = await api.get<Page<{ id: number }>>("/texts/auto-replys");
    expectSameShape(page.body, callfireFixture("textAutoReplies/findTextAutoReplies.response.json"));
    const keywordOnly = await api.post<{ id: number }>("/texts/auto-replys", {
      keyword: "CALLFIRE",
      message: "I am a leaf on the wind",
    });
    const one = await api.get(`/texts/auto-replys/${keywordOnly.body.id}`);
    expectSameShape(one.body, callfireFixture("textAutoReplies/getTextAutoReply.response.json"));
  });

  it("common/sampleErrorMessage.json (every error body)", async () => {
    const response = await api.get("/texts/1");
    expect(response.status).toBe(404);
    expectSameShape(response.body, callfireFixture("common/sampleErrorMessage.json"));
  });
});
