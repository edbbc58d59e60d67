// What CallFire's official Java SDK found (issue 11): request bodies are held to the document's models, so
// nothing is stored that the SDK could not read back, and media and schedules round-trip with CallFire's
// fields. Every /v2 answer is also checked against the schemas by SandboxClient.
import { describe, expect, it } from "vitest";
import type { ErrorResponse, Text, TextBroadcast } from "../../sandbox/domain/callfire.types.js";
import { STORED_MEDIA } from "../helpers/stored-media.js";
import { newAccount, type SandboxClient, useTestSandbox } from "./helpers/sandbox-client.js";

const suite = useTestSandbox();

const NINE = { hour: 9, minute: 0, second: 0 };
const SCHEDULE = {
  startTimeOfDay: NINE,
  stopTimeOfDay: { hour: 17, minute: 30, second: 0 },
  daysOfWeek: ["MONDAY", "FRIDAY"],
  timeZone: "America/Los_Angeles",
  startDate: { year: 2030, month: 1, day: 2 },
  stopDate: { year: 2030, month: 2, day: 28 },
};

async function created(api: SandboxClient, body: Record<string, unknown>): Promise<TextBroadcast> {
  const response = await api.post<{ id: number }>("/texts/broadcasts", body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (await api.get<TextBroadcast>(`/texts/broadcasts/${response.body.id}`)).body;
}

/** A refused write: 400 ErrorResponse whose message names the field, and nothing stored. */
async function expectRefused(api: SandboxClient, body: Record<string, unknown>, field: string) {
  const response = await api.post<ErrorResponse>("/texts/broadcasts", { name: "refused", ...body });
  expect(response.status).toBe(400);
  expect(response.body.internalCode).toBe(40000);
  expect(response.body.message).toContain(field);
  const search = await api.get<{ totalCount: number }>("/texts/broadcasts", { name: "refused" });
  expect(search.body.totalCount).toBe(0);
  return response.body.message;
}

describe("schedules (finding 1)", () => {
  it("refuses the SDK-breaking schedule: times as strings, day names, an unknown property", async () => {
    const api = newAccount(suite.sandbox);
    const message = await expectRefused(
      api,
      {
        schedules: [{ startTimeOfDay: "09:00", daysOfWeek: ["mon"], startDate: "2030-01-02", bogus: 1 }],
      },
      "body.schedules[0]",
    );
    expect(message).toMatch(/startTimeOfDay|bogus|daysOfWeek|startDate/);
    await expectRefused(api, { schedules: [{ ...SCHEDULE, bogus: 1 }] }, "body.schedules[0].bogus");
    await expectRefused(
      api,
      { schedules: [{ startTimeOfDay: "09:00" }] },
      "body.schedules[0].startTimeOfDay",
    );
    await expectRefused(api, { schedules: [{ daysOfWeek: ["mon"] }] }, "body.schedules[0].daysOfWeek[0]");
    await expectRefused(api, { schedules: [{ startDate: "2030-01-02" }] }, "body.schedules[0].startDate");
  });

  it("refuses LocalTime and LocalDate values out of range, and time zones that do not exist", async () => {
    const api = newAccount(suite.sandbox);
    const at = (schedule: Record<string, unknown>) => ({ schedules: [schedule] });
    const hour = await expectRefused(
      api,
      at({ startTimeOfDay: { ...NINE, hour: 99 } }),
      "body.schedules[0].startTimeOfDay.hour",
    );
    expect(hour).toContain("between 0 and 23; got 99");
    await expectRefused(api, at({ stopTimeOfDay: { ...NINE, minute: 60 } }), "stopTimeOfDay.minute");
    await expectRefused(api, at({ stopTimeOfDay: { ...NINE, second: -1 } }), "stopTimeOfDay.second");
    await expectRefused(api, at({ startTimeOfDay: { hour: 9.5 } }), "startTimeOfDay.hour");
    await expectRefused(api, at({ startDate: { year: 2030, month: 13, day: 1 } }), "startDate.month");
    await expectRefused(
      api,
      at({ stopDate: { year: 2030, month: 2, day: 30 } }),
      "body.schedules[0].stopDate",
    );
    const zone = await expectRefused(api, at({ timeZone: "Not/AZone" }), "body.schedules[0].timeZone");
    expect(zone).toContain("IANA time zone");
  });

  it("gives each schedule an id and the broadcast's campaignId, and keeps ids across an update", async () => {
    const api = newAccount(suite.sandbox);
    const broadcast = await created(api, { name: "scheduled", schedules: [SCHEDULE] });
    const [schedule] = broadcast.schedules ?? [];
    expect(schedule).toEqual({ ...SCHEDULE, id: expect.any(Number), campaignId: broadcast.id });

    // The SDK's way: read, change, write back. The kept schedule keeps its id; a new one gets its own.
    const second = { daysOfWeek: ["SUNDAY"], timeZone: "UTC", startTimeOfDay: NINE };
    const update = await api.put(`/texts/broadcasts/${broadcast.id}`, {
      schedules: [{ ...schedule, timeZone: "Europe/Paris" }, second],
    });
    expect(update.status).toBe(200);
    const after = (await api.get<TextBroadcast>(`/texts/broadcasts/${broadcast.id}`)).body.schedules;
    expect(after).toEqual([
      { ...SCHEDULE, timeZone: "Europe/Paris", id: schedule?.id, campaignId: broadcast.id },
      { ...second, id: expect.any(Number), campaignId: broadcast.id },
    ]);
    expect(after?.[1]?.id).not.toBe(schedule?.id);

    const scheduled = await api.get<{ items: TextBroadcast[] }>("/texts/broadcasts", { scheduled: true });
    expect(scheduled.body.items.map((b) => b.id)).toEqual([broadcast.id]);
    await api.put(`/texts/broadcasts/${broadcast.id}`, { schedules: [] });
    expect(
      (await api.get<TextBroadcast>(`/texts/broadcasts/${broadcast.id}`)).body.schedules,
    ).toBeUndefined();
  });
});

describe("media (findings 2 and 3)", () => {
  it("refuses a mediaType that is not a MIME type, on broadcasts and on recipients", async () => {
    const api = newAccount(suite.sandbox);
    const message = await expectRefused(
      api,
      { media: [{ id: 1, mediaType: "png" }] },
      "body.media[0].mediaType",
    );
    expect(message).toContain('MIME type such as image/jpeg; got "png"');
    const text = await api.post<ErrorResponse>("/texts", [
      { phoneNumber: "12135551100", message: "hi", media: [{ id: 1, mediaType: "png" }] },
    ]);
    expect(text.status).toBe(400);
    expect(text.body.message).toContain("body[0].media[0].mediaType");
    expect((await api.get<{ totalCount: number }>("/texts")).body.totalCount).toBe(0);
  });

  it("round-trips all seven Media fields on broadcasts, POST /texts answers and GET /texts/{id}", async () => {
    const api = newAccount(suite.sandbox);
    const broadcast = await created(api, { name: "with media", media: [STORED_MEDIA] });
    expect(broadcast.media).toEqual([STORED_MEDIA]);

    const sent = await api.post<{ items: Text[] }>("/texts", [
      { phoneNumber: "12135551100", message: "hi", media: [STORED_MEDIA] },
    ]);
    expect(sent.status).toBe(200);
    expect(sent.body.items[0]?.media).toEqual([STORED_MEDIA]);
    const read = await api.get<Text>(`/texts/${sent.body.items[0]?.id}`);
    expect(read.body.media).toEqual([STORED_MEDIA]);
  });
});

describe("every request body is held to its model", () => {
  it("names the unknown property and the fields it could have been", async () => {
    const api = newAccount(suite.sandbox);
    const message = await expectRefused(api, { localTimeRestriction: { enabled: true, begin: 9 } }, "begin");
    expect(message).toContain("body.localTimeRestriction.begin is not a field of LocalTimeRestriction");
    expect(message).toContain("beginHour");
    await expectRefused(api, { localTimeRestriction: { enabled: true, endHour: 24 } }, "endHour");
    await expectRefused(api, { nmae: "typo" }, "body.nmae");
  });

  it("refuses bad shapes on recipients, batches, auto-replies, batch updates and webhooks", async () => {
    const api = newAccount(suite.sandbox);
    const id = (await created(api, { name: "b" })).id;
    const cases: [string, string, unknown, string][] = [
      [
        "POST",
        `/v2/texts/broadcasts/${id}/recipients`,
        [{ phoneNumber: "12135551100", extra: 1 }],
        "body[0].extra",
      ],
      [
        "POST",
        `/v2/texts/broadcasts/${id}/toggleRecipientsStatus`,
        [{ phoneNumber: "12135551100", message: "x" }],
        "body[0].message",
      ],
      ["POST", `/v2/texts/broadcasts/${id}/batches`, { name: "n", recipients: {} }, "body.recipients"],
      ["POST", "/v2/texts/auto-replys", { message: "m", keyword: ["a"] }, "body.keyword"],
      ["PUT", "/v2/campaigns/batches/1", { enabled: "yes" }, "body.enabled"],
      [
        "POST",
        "/v2/webhooks",
        { resource: "TextBroadcast", events: ["Started"], callback: "http://127.0.0.1/", bogus: 1 },
        "body.bogus",
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await api.call<ErrorResponse>(method, path, { body });
      expect(response.status, path).toBe(400);
      expect(response.body.message, path).toContain(field);
    }
  });

  it("reads a null property as one that was not sent, as CallFire does", async () => {
    const api = newAccount(suite.sandbox);
    const broadcast = await created(api, { name: "nulls", schedules: null, media: null, message: null });
    expect(broadcast).toMatchObject({ name: "nulls" });
    expect(broadcast.schedules).toBeUndefined();
  });
});
