// Contract tests: every endpoint of docs/callfire-api.md §Endpoints, 1–22, over real HTTP. Every /v2 response
// is checked by SandboxClient against the derived OpenAPI schemas (documented status, valid body, no
// undocumented keys).
import { describe, expect, it } from "vitest";
import type {
  Batch,
  ErrorResponse,
  Page,
  Text,
  TextAutoReply,
  TextBroadcast,
  TextBroadcastStats,
} from "../../sandbox/domain/callfire.types.js";
import {
  basic,
  exercised,
  newAccount,
  operations,
  type SandboxClient,
  useTestSandbox,
} from "./helpers/sandbox-client.js";

const suite = useTestSandbox();
let api: SandboxClient;

function fresh(): SandboxClient {
  api = newAccount(suite.sandbox);
  return api;
}

async function createBroadcast(body: Record<string, unknown>, query?: Record<string, string | boolean>) {
  const response = await api.post<{ id: number }>("/texts/broadcasts", body, query);
  expect(response.status).toBe(201);
  return response.body.id;
}

async function sendTexts(
  recipients: Record<string, unknown>[],
  query?: Record<string, string | number | boolean>,
) {
  const response = await api.post<{ items: Text[] }>("/texts", recipients, query);
  expect(response.status).toBe(200);
  return response.body.items;
}

describe("GET /texts (findTexts)", () => {
  it("pages with limit 100 / offset 0 by default, newest first", async () => {
    fresh();
    const sent = await sendTexts([1, 2, 3].map((n) => ({ phoneNumber: `1213555020${n}`, message: `m${n}` })));
    const { body } = await api.get<Page<Text>>("/texts");
    expect(body).toMatchObject({ limit: 100, offset: 0, totalCount: 3 });
    expect(body.items.map((t) => t.id)).toEqual(sent.map((t) => t.id).reverse());
    const second = await api.get<Page<Text>>("/texts", { limit: 2, offset: 2 });
    expect(second.body).toMatchObject({ limit: 2, offset: 2, totalCount: 3 });
    expect(second.body.items.map((t) => t.id)).toEqual([sent[0]?.id]);
  });

  it("caps limit at 1000 and refuses a limit below 1 or a negative offset", async () => {
    fresh();
    expect((await api.get("/texts", { limit: 5000 })).body).toMatchObject({ limit: 1000 });
    expect((await api.get("/texts", { limit: 0 })).status).toBe(400);
    expect((await api.get("/texts", { offset: -1 })).status).toBe(400);
    expect((await api.get("/texts", { limit: "ten" })).status).toBe(400);
  });

  it("takes repeated id parameters, and ignores every other filter when ids are given", async () => {
    fresh();
    const [a, , c] = await sendTexts([0, 1, 2].map((n) => ({ phoneNumber: `1213555030${n}`, message: "x" })));
    const { body } = await api.get<Page<Text>>("/texts", { id: [a?.id ?? 0, c?.id ?? 0], inbound: true });
    expect(body.items.map((t) => t.id).sort()).toEqual([a?.id, c?.id].sort());
    expect(body.totalCount).toBe(2);
  });

  it("filters by CSV states and results, and refuses unknown values", async () => {
    fresh();
    await sendTexts([
      { phoneNumber: "12135550400", message: "ok" },
      { phoneNumber: "12135550001", message: "dnt" },
      { phoneNumber: "not-a-number", message: "invalid" },
    ]);
    await api.tick(2);
    const states = await api.get<Page<Text>>("/texts", { states: "FINISHED,INVALID" });
    expect(states.body.totalCount).toBe(3);
    const invalid = await api.get<Page<Text>>("/texts", { states: "INVALID" });
    expect(invalid.body.items.map((t) => t.toNumber)).toEqual(["not-a-number"]);
    const results = await api.get<Page<Text>>("/texts", { results: "SENT,DNT" });
    expect(results.body.items.map((t) => [t.toNumber, t.finalTextResult]).sort()).toEqual([
      ["12135550001", "DNT"],
      ["12135550400", "SENT"],
    ]);
    expect((await api.get<Page<Text>>("/texts", { results: "DNT" })).body.totalCount).toBe(1);
    const bad = await api.get<ErrorResponse>("/texts", { states: "READY,NOPE" });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("NOPE");
  });

  it("resolves campaignId=0 to the default campaign, which holds POST /texts texts only", async () => {
    fresh();
    const [individual] = await sendTexts([{ phoneNumber: "12135550500", message: "solo" }]);
    const broadcastId = await createBroadcast({ message: "b", recipients: [{ phoneNumber: "12135550501" }] });
    const { body } = await api.get<Page<Text>>("/texts", { campaignId: 0 });
    expect(body.items.map((t) => t.id)).toEqual([individual?.id]);
    expect(individual?.campaignId).not.toBe(broadcastId);
    const byRealId = await api.get<Page<Text>>("/texts", { campaignId: individual?.campaignId ?? -1 });
    expect(byRealId.body.totalCount).toBe(1);
    expect((await api.get<Page<Text>>("/texts", { campaignId: broadcastId })).body.totalCount).toBe(1);
    expect((await api.get<Page<Text>>("/texts", { campaignId: 999 })).body.totalCount).toBe(0);
  });

  it("filters by batchId, toNumber, fromNumber, label, inbound and time window", async () => {
    fresh();
    const [first] = await sendTexts([{ phoneNumber: "12135550600", message: "a" }]);
    await sendTexts([{ phoneNumber: "12135550601", fromNumber: "12135559999", message: "b" }]);
    await createBroadcast({ message: "c", labels: ["vip"], recipients: [{ phoneNumber: "12135550602" }] });
    await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "12135550603", message: "hi" } });
    const count = async (query: Record<string, string | number | boolean>) =>
      (await api.get<Page<Text>>("/texts", query)).body.totalCount;
    expect(await count({ batchId: first?.batchId ?? 0 })).toBe(1);
    expect(await count({ toNumber: "2135550601" })).toBe(1);
    expect(await count({ fromNumber: "12135559999" })).toBe(1);
    expect(await count({ label: "vip" })).toBe(1);
    expect(await count({ inbound: true })).toBe(1);
    expect(await count({ inbound: false })).toBe(3);
    expect(await count({ intervalBegin: Date.now() + 60_000 })).toBe(0);
    expect(await count({ intervalEnd: Date.now() + 60_000 })).toBe(4);
  });

  it("applies fields projections, including nested items(id,message)", async () => {
    fresh();
    await sendTexts([{ phoneNumber: "12135550700", message: "hello" }]);
    const nested = await api.get<Page<Text>>("/texts", { fields: "items(id,message)" });
    expect(Object.keys(nested.body)).toEqual(["items"]);
    expect(Object.keys(nested.body.items[0] ?? {})).toEqual(["id", "message"]);
    const withPaging = await api.get("/texts", { fields: "limit,offset,items(contact(homePhone))" });
    expect(withPaging.body).toEqual({
      limit: 100,
      offset: 0,
      items: [{ contact: { homePhone: "12135550700" } }],
    });
    expect((await api.get("/texts", { fields: "items(id" })).status).toBe(400);
  });
});

describe("POST /texts (sendTexts)", () => {
  it("answers 200 with one READY text per recipient, in order, from the shared short code", async () => {
    fresh();
    const items = await sendTexts([
      { phoneNumber: "12135551100", message: "Hello World!" },
      { phoneNumber: "12135551101", fromNumber: "12135551102", message: "Testing 1 2 3" },
    ]);
    expect(items.map((t) => [t.toNumber, t.fromNumber, t.state, t.message])).toEqual([
      ["12135551100", "67076", "READY", "Hello World!"],
      ["12135551101", "12135551102", "READY", "Testing 1 2 3"],
    ]);
    for (const text of items) {
      expect(text.created).toBe(text.modified);
      expect(text.contact.homePhone).toBe(text.toNumber);
      expect(text.inbound).toBe(false);
      expect(text.id).toBeGreaterThan(10_000_000_000);
    }
    expect(items[0]?.batchId).toBe(items[1]?.batchId);
  });

  it("uses defaultMessage and fills templates from attributes (numbers become strings)", async () => {
    fresh();
    const items = await sendTexts(
      [{ phoneNumber: "12135551200", attributes: { name: "Ana", n: 3 } }, { phoneNumber: "12135551201" }],
      { defaultMessage: "Hi ${name}, you have ${n} new ${things}" },
    );
    expect(items[0]?.message).toBe("Hi Ana, you have 3 new ${things}");
    expect(items[0]?.attributes).toEqual({ name: "Ana", n: "3" });
    expect(items[1]?.message).toBe("Hi ${name}, you have ${n} new ${things}");
    expect(items[1]?.attributes).toBeUndefined();
  });

  it("marks invalid numbers INVALID and repeats DUP, or refuses them all with strictValidation", async () => {
    fresh();
    const recipients = [
      { phoneNumber: "12135551300", message: "a" },
      { phoneNumber: "2135551300", message: "b" },
      { phoneNumber: "123", message: "c" },
    ];
    const items = await sendTexts(recipients);
    expect(items.map((t) => [t.toNumber, t.state])).toEqual([
      ["12135551300", "READY"],
      ["12135551300", "DUP"],
      ["123", "INVALID"],
    ]);
    const strict = await api.post<ErrorResponse>("/texts", recipients, { strictValidation: true });
    expect(strict.status).toBe(400);
    expect(strict.body.message).toContain('"123"');
  });

  it("projects fields, sends through a given campaign, and refuses bad input", async () => {
    fresh();
    const projected = await api.post("/texts", [{ phoneNumber: "12135551400", message: "a" }], {
      fields: "items(id,fromNumber,state)",
    });
    expect(Object.keys((projected.body.items as object[])[0] ?? {})).toEqual(["id", "fromNumber", "state"]);
    const broadcastId = await createBroadcast({
      name: "b",
      fromNumber: "12135550999",
      message: "from broadcast",
    });
    const [viaCampaign] = await sendTexts([{ phoneNumber: "12135551401" }], { campaignId: broadcastId });
    expect(viaCampaign).toMatchObject({
      campaignId: broadcastId,
      fromNumber: "12135550999",
      message: "from broadcast",
    });
    expect(
      (await api.post("/texts", [{ phoneNumber: "12135551402", message: "x" }], { campaignId: 1 })).status,
    ).toBe(404);
    expect((await api.post("/texts", { phoneNumber: "12135551403" })).status).toBe(400);
    expect((await api.post("/texts", [{ message: "no number" }])).status).toBe(400);
    expect((await api.post("/texts", [{ phoneNumber: "12135551404" }])).status).toBe(400);
    const many = Array.from({ length: 1001 }, () => ({ phoneNumber: "12135551405", message: "x" }));
    expect((await api.post("/texts", many)).status).toBe(400);
  });
});

describe("GET /texts/{id} (getText)", () => {
  it("returns the text, with records and finalTextResult once delivered; 404/400 otherwise", async () => {
    fresh();
    const [text] = await sendTexts([{ phoneNumber: "12135550001", message: "Hello World!" }]);
    const before = await api.get<Text>(`/texts/${text?.id}`);
    expect(before.body.state).toBe("READY");
    expect(before.body.records).toBeUndefined();
    await api.tick(2);
    const { body } = await api.get<Text>(`/texts/${text?.id}`);
    expect(body).toMatchObject({ state: "FINISHED", finalTextResult: "DNT" });
    expect(body.records).toEqual([
      {
        id: expect.any(Number),
        billedAmount: 0,
        finishTime: expect.any(Number),
        message: "Hello World!",
        textResult: "DNT",
      },
    ]);
    expect((await api.get(`/texts/${text?.id}`, { fields: "id,state" })).body).toEqual({
      id: text?.id,
      state: "FINISHED",
    });
    const missing = await api.get<ErrorResponse>("/texts/123");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ httpStatusCode: 404, message: "Text 123 not found" });
    expect((await api.get("/texts/abc")).status).toBe(400);
  });
});

describe("auto-replies (rows 4–7)", () => {
  it("creates (201), lists with paging and number filter, gets with fields, deletes (204) then 404s", async () => {
    fresh();
    const created = await api.post<{ id: number }>("/texts/auto-replys", {
      number: "67076",
      keyword: "CALLFIRE",
      message: "I am a leaf on the wind",
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(["id"]);
    await api.post("/texts/auto-replys", { match: ".*", message: "Echo - ${text.message}!" });
    await api.post("/texts/auto-replys", { number: "12135550800", message: "third" });

    const all = await api.get<Page<TextAutoReply>>("/texts/auto-replys");
    expect(all.body).toMatchObject({ limit: 100, offset: 0, totalCount: 3 });
    expect(all.body.items[1]).toEqual({
      id: expect.any(Number),
      match: ".*",
      message: "Echo - ${text.message}!",
    });
    const byNumber = await api.get<Page<TextAutoReply>>("/texts/auto-replys", { number: "12135550800" });
    expect(byNumber.body.items.map((r) => r.message)).toEqual(["third"]);
    expect(
      (await api.get<Page<TextAutoReply>>("/texts/auto-replys", { limit: 1, offset: 1 })).body.items,
    ).toHaveLength(1);

    const partial = await api.get(`/texts/auto-replys/${created.body.id}`, { fields: "number,message" });
    expect(partial.body).toEqual({ number: "67076", message: "I am a leaf on the wind" });

    const deleted = await api.delete(`/texts/auto-replys/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await api.get(`/texts/auto-replys/${created.body.id}`)).status).toBe(404);
    expect((await api.delete(`/texts/auto-replys/${created.body.id}`)).status).toBe(404);
  });

  it("refuses an auto-reply without a message, with a bad number, or with a broken pattern", async () => {
    fresh();
    expect((await api.post("/texts/auto-replys", { keyword: "HI" })).status).toBe(400);
    expect((await api.post("/texts/auto-replys", { number: "12", message: "m" })).status).toBe(400);
    expect((await api.post("/texts/auto-replys", { match: "(", message: "m" })).status).toBe(400);
  });
});

describe("text broadcasts (rows 8–12)", () => {
  it("creates (201) with defaults, reads it back without recipients, and projects fields", async () => {
    fresh();
    const id = await createBroadcast({
      name: "Example API SMS",
      fromNumber: "19206596476",
      resumeNextDay: false,
      message: "Hello World!",
      recipients: [{ phoneNumber: "13233832214" }, { phoneNumber: "13233832215" }],
    });
    const { body } = await api.get<TextBroadcast>(`/texts/broadcasts/${id}`);
    expect(body).toEqual({
      id,
      name: "Example API SMS",
      status: "SETUP",
      lastModified: expect.any(Number),
      fromNumber: "19206596476",
      localTimeRestriction: { enabled: false },
      message: "Hello World!",
      resumeNextDay: false,
    });
    expect((await api.get(`/texts/broadcasts/${id}`, { fields: "id,name" })).body).toEqual({
      id,
      name: "Example API SMS",
    });
    const texts = await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`);
    expect(texts.body.items.map((t) => t.state)).toEqual(["READY", "READY"]);
  });

  it("starts at once with start=true; strictValidation and bad fields are 400s", async () => {
    fresh();
    const id = await createBroadcast(
      { message: "m", recipients: [{ phoneNumber: "12135550900" }] },
      { start: true },
    );
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status).toBe("RUNNING");
    const strict = await api.post(
      "/texts/broadcasts",
      { message: "m", recipients: [{ phoneNumber: "12" }] },
      { strictValidation: true },
    );
    expect(strict.status).toBe(400);
    expect((await api.post("/texts/broadcasts", { bigMessageStrategy: "SHOUT" })).status).toBe(400);
    expect((await api.post("/texts/broadcasts", { name: 12 })).status).toBe(400);
    expect((await api.post("/texts/broadcasts", { maxActive: 0 })).status).toBe(400);
  });

  it("searches without archived broadcasts or the default campaign, by name, label and running", async () => {
    fresh();
    const a = await createBroadcast({ name: "Spring sale", labels: ["promo"], message: "m" });
    const b = await createBroadcast(
      { name: "Summer sale", message: "m", recipients: [{ phoneNumber: "12135551000" }] },
      { start: true },
    );
    const c = await createBroadcast({ name: "Old one", message: "m" });
    await api.post(`/texts/broadcasts/${c}/archive`);
    await sendTexts([{ phoneNumber: "12135551001", message: "individual" }]);
    const ids = async (query: Record<string, string | boolean | number> = {}) =>
      (await api.get<Page<TextBroadcast>>("/texts/broadcasts", query)).body.items.map((x) => x.id);
    const all = await api.get<Page<TextBroadcast>>("/texts/broadcasts");
    expect(all.body).toMatchObject({ limit: 100, offset: 0, totalCount: 2 });
    expect(await ids()).toEqual([a, b]);
    expect(await ids({ name: "sale" })).toEqual([a, b]);
    expect(await ids({ name: "SPRING" })).toEqual([a]);
    expect(await ids({ label: "promo" })).toEqual([a]);
    expect(await ids({ running: true })).toEqual([b]);
    expect(await ids({ running: false })).toEqual([a]);
    expect(await ids({ scheduled: true })).toEqual([]);
    expect(await ids({ limit: 1, offset: 1 })).toEqual([b]);
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${c}`)).body.status).toBe("ARCHIVED");
  });

  it("updates only the given fields (200 with the id); an archived broadcast refuses with 400", async () => {
    fresh();
    const id = await createBroadcast({ name: "Example API SMS", message: "Hello", labels: ["x"] });
    const updated = await api.put(`/texts/broadcasts/${id}`, {
      id: 11,
      name: "Example API SMS updated",
      resumeNextDay: true,
      status: "FINISHED",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id });
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body).toMatchObject({
      name: "Example API SMS updated",
      message: "Hello",
      labels: ["x"],
      resumeNextDay: true,
      status: "SETUP",
    });
    await api.post(`/texts/broadcasts/${id}/archive`);
    const refused = await api.put<ErrorResponse>(`/texts/broadcasts/${id}`, { name: "again" });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(
      "Cannot update broadcast in status ARCHIVED: an archived broadcast cannot be changed",
    );
  });

  it("archives (200, empty) from SETUP/STOPPED but refuses a running broadcast with a reason", async () => {
    fresh();
    const id = await createBroadcast(
      { message: "m", recipients: [{ phoneNumber: "12135551100" }] },
      { start: true },
    );
    const refused = await api.post<ErrorResponse>(`/texts/broadcasts/${id}/archive`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(
      "Cannot archive broadcast in status RUNNING: a running broadcast cannot be archived; stop it first",
    );
    expect((await api.post(`/texts/broadcasts/${id}/stop`)).status).toBe(200);
    const archived = await api.post(`/texts/broadcasts/${id}/archive`);
    expect([archived.status, archived.text]).toEqual([200, ""]);
    const [text] = (await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.items;
    expect(text).toMatchObject({ state: "FINISHED", finalTextResult: "UNDIALED" });
  });

  it("404s for unknown ids, the default campaign's id, and other accounts' broadcasts", async () => {
    fresh();
    const [text] = await sendTexts([{ phoneNumber: "12135551200", message: "m" }]);
    expect((await api.get(`/texts/broadcasts/${text?.campaignId}`)).status).toBe(404);
    expect((await api.get("/texts/broadcasts/42")).status).toBe(404);
    const id = await createBroadcast({ message: "m" });
    const other = newAccount(suite.sandbox);
    expect((await other.get(`/texts/broadcasts/${id}`)).status).toBe(404);
    for (const action of ["start", "stop", "archive"]) {
      expect((await other.post(`/texts/broadcasts/${id}/${action}`)).status).toBe(404);
    }
  });
});

describe("batches, recipients, start/stop, stats, texts, toggle (rows 13–20)", () => {
  it("adds a validated batch (201): scrubDuplicates, invalid numbers, strictValidation, contact lists", async () => {
    fresh();
    const id = await createBroadcast({ message: "m" });
    const added = await api.post<{ id: number }>(`/texts/broadcasts/${id}/batches`, {
      name: "contact batch for text",
      scrubDuplicates: true,
      recipients: [
        { phoneNumber: "12135551122" },
        { phoneNumber: "12135551123" },
        { phoneNumber: "2135551123" },
      ],
    });
    expect(added.status).toBe(201);
    const batch = await api.get<Batch>(`/campaigns/batches/${added.body.id}`);
    expect(batch.body).toEqual({
      id: added.body.id,
      name: "contact batch for text",
      status: "ACTIVE",
      broadcastId: id,
      created: expect.any(Number),
      size: 2,
      remaining: 2,
      enabled: true,
    });
    const withErrors = await api.post<{ id: number }>(`/texts/broadcasts/${id}/batches`, {
      recipients: [{ phoneNumber: "12135551124" }, { phoneNumber: "nope" }, { phoneNumber: "12135551124" }],
    });
    expect((await api.get<Batch>(`/campaigns/batches/${withErrors.body.id}`)).body).toMatchObject({
      status: "ERRORS",
      size: 3,
      remaining: 2,
    });
    const strict = await api.post(
      `/texts/broadcasts/${id}/batches`,
      { recipients: [{ phoneNumber: "nope" }] },
      { strictValidation: true },
    );
    expect(strict.status).toBe(400);
    expect((await api.post(`/texts/broadcasts/${id}/batches`, { contactListId: 5 })).status).toBe(404);
    expect((await api.post(`/texts/broadcasts/${id}/batches`, { name: "empty" })).status).toBe(400);

    const batches = await api.get<Page<Batch>>(`/texts/broadcasts/${id}/batches`);
    expect(batches.body).toMatchObject({ limit: 100, offset: 0, totalCount: 2 });
    expect((await api.get(`/texts/broadcasts/${id}/batches`, { fields: "items(id)" })).body).toEqual({
      items: [{ id: added.body.id }, { id: withErrors.body.id }],
    });

    // Start creates one text per recipient of each enabled batch: INVALID and DUP are decided then.
    expect((await api.post(`/texts/broadcasts/${id}/start`)).status).toBe(200);
    const texts = await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`, { batchId: withErrors.body.id });
    expect(texts.body.items.map((t) => [t.toNumber, t.state]).reverse()).toEqual([
      ["12135551124", "READY"],
      ["nope", "INVALID"],
      ["12135551124", "DUP"],
    ]);
  });

  it("adds unvalidated recipients (200 ListHolder) whose texts exist at once", async () => {
    fresh();
    const id = await createBroadcast({ message: "broadcast message" });
    const { status, body } = await api.post<{ items: Text[] }>(`/texts/broadcasts/${id}/recipients`, [
      { phoneNumber: "12135551100", message: "a new test message" },
      { phoneNumber: "12135551100" },
      { phoneNumber: "555-CALL-NOW" },
    ]);
    expect(status).toBe(200);
    expect(body.items.map((t) => [t.toNumber, t.state, t.message, t.campaignId])).toEqual([
      ["12135551100", "READY", "a new test message", id],
      ["12135551100", "READY", "broadcast message", id],
      ["555-CALL-NOW", "READY", "broadcast message", id],
    ]);
    const strict = await api.post(`/texts/broadcasts/${id}/recipients`, [{ phoneNumber: "555" }], {
      strictValidation: true,
    });
    expect(strict.status).toBe(400);
    const projected = await api.post(`/texts/broadcasts/${id}/recipients`, [{ phoneNumber: "12135551101" }], {
      fields: "items(id)",
    });
    expect(Object.keys((projected.body.items as object[])[0] ?? {})).toEqual(["id"]);
  });

  it("starts (200, empty) and stops; refuses invalid transitions with 400 saying why", async () => {
    fresh();
    const id = await createBroadcast({ message: "m", recipients: [{ phoneNumber: "12135551300" }] });
    const stopSetup = await api.post<ErrorResponse>(`/texts/broadcasts/${id}/stop`);
    expect(stopSetup.status).toBe(400);
    expect(stopSetup.body.message).toBe(
      "Cannot stop broadcast in status SETUP: the broadcast has not been started",
    );
    const started = await api.post(`/texts/broadcasts/${id}/start`);
    expect([started.status, started.text]).toEqual([200, ""]);
    expect((await api.post<ErrorResponse>(`/texts/broadcasts/${id}/start`)).body.message).toBe(
      "Cannot start broadcast in status RUNNING: the broadcast is already running",
    );
    const stopped = await api.post(`/texts/broadcasts/${id}/stop`);
    expect([stopped.status, stopped.text]).toEqual([200, ""]);
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status).toBe("STOPPED");
    await api.tick(3);
    expect((await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.items[0]?.state).toBe("READY");
  });

  it("toggles unsent texts READY ↔ DISABLED (200, empty), skipping texted ones", async () => {
    fresh();
    const id = await createBroadcast({
      message: "m",
      recipients: [
        { phoneNumber: "12135551100" },
        { phoneNumber: "12135551101" },
        { phoneNumber: "12135551102" },
      ],
    });
    const targets = [{ phoneNumber: "12135551100" }, { phoneNumber: "12135551101" }];
    const off = await api.post(`/texts/broadcasts/${id}/toggleRecipientsStatus`, targets, { enable: false });
    expect([off.status, off.text]).toEqual([200, ""]);
    const states = async () =>
      (await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.items
        .map((t) => [t.toNumber, t.state])
        .reverse();
    expect(await states()).toEqual([
      ["12135551100", "DISABLED"],
      ["12135551101", "DISABLED"],
      ["12135551102", "READY"],
    ]);
    await api.post(`/texts/broadcasts/${id}/toggleRecipientsStatus`, [{ phoneNumber: "12135551100" }], {
      enable: true,
    });
    await api.post(`/texts/broadcasts/${id}/start`);
    await api.tick(2);
    await api.post(`/texts/broadcasts/${id}/toggleRecipientsStatus`, targets, { enable: false });
    expect(await states()).toEqual([
      ["12135551100", "FINISHED"],
      ["12135551101", "DISABLED"],
      ["12135551102", "FINISHED"],
    ]);
    expect((await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.totalCount).toBe(3);
  });

  it("computes stats from the texts, within begin/end", async () => {
    fresh();
    const id = await createBroadcast(
      {
        message: "m",
        recipients: ["0100", "0101", "0001", "0002", "0003", "0004"].map((end) => ({
          phoneNumber: `1213555${end}`,
        })),
      },
      { start: true },
    );
    const before = await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`);
    expect(before.body).toMatchObject({ totalOutboundCount: 6, remainingOutboundCount: 6, sentCount: 0 });
    await api.tick(2);
    const { body } = await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`);
    expect(body).toEqual({
      totalOutboundCount: 6,
      remainingOutboundCount: 0,
      billedAmount: 2,
      sentCount: 2,
      unsentCount: 0,
      recievedCount: 0,
      doNotTextCount: 1,
      tooBigCount: 0,
      errorCount: 3,
    });
    const future = await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`, {
      begin: Date.now() + 60_000,
    });
    expect(future.body.totalOutboundCount).toBe(0);
    const projected = await api.get(`/texts/broadcasts/${id}/stats`, {
      fields: "TotalOutboundCount,recievedCount",
    });
    expect(projected.body).toEqual({ totalOutboundCount: 6, recievedCount: 0 });
  });

  it("pages a broadcast's texts and filters them by batch", async () => {
    fresh();
    const id = await createBroadcast({ message: "m", recipients: [{ phoneNumber: "12135551500" }] });
    const [added] = (
      await api.post<{ items: Text[] }>(`/texts/broadcasts/${id}/recipients`, [
        { phoneNumber: "12135551501" },
      ])
    ).body.items;
    const all = await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`);
    expect(all.body).toMatchObject({ limit: 100, offset: 0, totalCount: 2 });
    const byBatch = await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`, {
      batchId: added?.batchId ?? 0,
    });
    expect(byBatch.body.items.map((t) => t.id)).toEqual([added?.id]);
    expect((await api.get(`/texts/broadcasts/${id}/texts`, { limit: 1 })).body).toMatchObject({ limit: 1 });
    expect((await api.get("/texts/broadcasts/1/texts")).status).toBe(404);
  });
});

describe("campaign batches (rows 21–22)", () => {
  it("switches a batch off (200, empty): its waiting texts become DISABLED, and back on", async () => {
    fresh();
    const id = await createBroadcast({ message: "m", recipients: [{ phoneNumber: "12135551600" }] });
    const [text] = (await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.items;
    const batchId = text?.batchId ?? 0;
    const off = await api.put(`/campaigns/batches/${batchId}`, { id: 11, enabled: false });
    expect([off.status, off.text]).toEqual([200, ""]);
    expect((await api.get<Batch>(`/campaigns/batches/${batchId}`)).body).toMatchObject({
      enabled: false,
      remaining: 1,
    });
    expect((await api.get<Text>(`/texts/${text?.id}`)).body.state).toBe("DISABLED");
    await api.put(`/campaigns/batches/${batchId}`, { enabled: true });
    expect((await api.get<Text>(`/texts/${text?.id}`)).body.state).toBe("READY");
    expect((await api.get(`/campaigns/batches/${batchId}`, { fields: "id,enabled" })).body).toEqual({
      id: batchId,
      enabled: true,
    });
    expect((await api.get("/campaigns/batches/77")).status).toBe(404);
    expect((await api.put("/campaigns/batches/77", { enabled: true })).status).toBe(404);
    expect((await api.put(`/campaigns/batches/${batchId}`, { enabled: "no" })).status).toBe(400);
  });

  it("texts a batch enabled later as soon as its broadcast runs", async () => {
    fresh();
    const id = await createBroadcast({ message: "m" }, { start: true });
    const batch = await api.post<{ id: number }>(`/texts/broadcasts/${id}/batches`, {
      recipients: [{ phoneNumber: "12135551700" }],
    });
    expect((await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.totalCount).toBe(1);
    await api.put(`/campaigns/batches/${batch.body.id}`, { enabled: false });
    const late = await api.post<{ id: number }>(`/texts/broadcasts/${id}/batches`, {
      recipients: [{ phoneNumber: "12135551701" }],
    });
    await api.put(`/campaigns/batches/${late.body.id}`, { enabled: false });
    await api.tick(1);
    // Nothing left to send: the broadcast finishes although a disabled batch has untexted recipients.
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status).toBe("FINISHED");
    await api.put(`/campaigns/batches/${late.body.id}`, { enabled: true });
    await api.post(`/texts/broadcasts/${id}/start`);
    const texts = await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`, { batchId: late.body.id });
    expect(texts.body.items.map((t) => t.state)).toEqual(["READY"]);
  });
});

describe("errors", () => {
  it("answers 401 ErrorResponse for missing, malformed or wrong credentials", async () => {
    fresh();
    await api.get("/texts");
    for (const authorization of [null, "Bearer abc", "Basic !!!", basic(api.login, "wrong")]) {
      const response = await api.call<ErrorResponse>("GET", "/v2/texts", { authorization });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        httpStatusCode: 401,
        internalCode: 40100,
        message: "Unauthorized",
      });
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="CallFire sandbox"');
    }
  });

  it("answers 400 for malformed JSON and 404 for unknown endpoints, always as ErrorResponse", async () => {
    fresh();
    const response = await fetch(`${suite.sandbox.apiUrl}/texts`, {
      method: "POST",
      headers: { authorization: basic(api.login, api.password), "content-type": "application/json" },
      body: "[{",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ httpStatusCode: 400, internalCode: 40000 });
    const unknown = await api.get<ErrorResponse>("/calls");
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe("Endpoint GET /v2/calls not found");
  });
});

it("exercised all 22 texts-domain operations with a documented success response (webhooks: webhooks.test.ts)", () => {
  const textsDomain = Object.keys(operations).filter((id) => !operations[id]?.path.startsWith("/webhooks"));
  expect([...exercised].sort()).toEqual(textsDomain.sort());
});
