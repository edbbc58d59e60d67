// Schedules and media through the graph over HTTP, against the embedded sandbox (issue 11): schedules are
// checked before any CallFire call and come back with the ids CallFire gives them; media come back with
// every field CallFire stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "../helpers/graphql-http.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";
import { STORED_MEDIA } from "../helpers/stored-media.js";

type Json = Record<string, unknown>;

describe("schedules and media through the graph", () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
  });
  afterAll(() => graph?.stop());

  async function gql(query: string, variables: Json = {}) {
    const response = await fetch(graph.app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Json; errors?: { message: string; extensions: Json }[] };
  }

  const SCHEDULE_FIELDS =
    "id campaignId daysOfWeek timeZone startDate { year month day } stopDate { year month day } startTimeOfDay { hour minute second } stopTimeOfDay { hour minute second }";

  it("creates a broadcast with a schedule, which comes back with its id and campaignId; an update keeps the id", async () => {
    const schedule = {
      startDate: { year: 2030, month: 1, day: 2 },
      startTimeOfDay: { hour: 9, minute: 0 },
      stopTimeOfDay: { hour: 17, minute: 30, second: 15 },
      daysOfWeek: ["MONDAY", "FRIDAY", "MONDAY"],
      timeZone: "America/Los_Angeles",
    };
    const created = await gql(
      `mutation ($input: TextBroadcastInput!) { createTextBroadcast(input: $input) { id schedules { ${SCHEDULE_FIELDS} } } }`,
      { input: { name: "scheduled", message: "hi", schedules: [schedule] } },
    );
    expect(created.errors).toBeUndefined();
    const broadcast = created.data?.createTextBroadcast as { id: string; schedules: Json[] };
    const [first] = broadcast.schedules;
    expect(first).toEqual({
      id: expect.stringMatching(/^\d+$/),
      campaignId: broadcast.id,
      startDate: { year: 2030, month: 1, day: 2 },
      stopDate: null,
      startTimeOfDay: { hour: 9, minute: 0, second: 0 },
      stopTimeOfDay: { hour: 17, minute: 30, second: 15 },
      daysOfWeek: ["MONDAY", "FRIDAY"],
      timeZone: "America/Los_Angeles",
    });

    const updated = await gql(
      `mutation ($id: ID!, $input: TextBroadcastUpdateInput!) { updateTextBroadcast(id: $id, input: $input) { schedules { id timeZone } } }`,
      {
        id: broadcast.id,
        input: { schedules: [{ id: first?.id, timeZone: "Europe/Paris" }, { timeZone: "UTC" }] },
      },
    );
    expect(updated.errors).toBeUndefined();
    const schedules = (updated.data?.updateTextBroadcast as { schedules: Json[] }).schedules;
    expect(schedules[0]).toEqual({ id: first?.id, timeZone: "Europe/Paris" });
    expect(schedules[1]?.id).not.toBe(first?.id);
  });

  it("refuses a schedule CallFire's clients could not read back with BAD_USER_INPUT naming the field, calling nothing", async () => {
    graph.upstream.reset();
    const refused = await gql(
      `mutation { createTextBroadcast(input: { name: "n", message: "m", schedules: [{ startTimeOfDay: { hour: 99, minute: 0 }, timeZone: "Not/AZone" }] }) { id } }`,
    );
    expect(refused.errors?.map((error) => error.extensions.code)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.errors?.[0]?.message).toContain(
      "input.schedules[0].startTimeOfDay: hour must not be greater than 23",
    );
    expect(refused.errors?.[0]?.message).toContain("input.schedules[0]: timeZone must be an IANA time zone");
    expect(graph.upstream.calls).toHaveLength(0);
  });

  it("reads every Media field CallFire stores", async () => {
    const response = await fetch(`${graph.sandbox.apiUrl}/texts/broadcasts`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: basicAuth(graph.sandbox.login, graph.sandbox.password),
      },
      body: JSON.stringify({ name: "with media", media: [STORED_MEDIA] }),
    });
    const { id } = (await response.json()) as { id: number };
    const read = await gql(
      `query ($id: ID!) { textBroadcast(id: $id) { media { id name mediaType lengthInBytes publicUrl created } } }`,
      { id: String(id) },
    );
    expect(read.errors).toBeUndefined();
    expect((read.data?.textBroadcast as { media: Json[] }).media).toEqual([
      {
        id: "2001",
        name: "logo.png",
        mediaType: "image/png",
        lengthInBytes: 5120,
        publicUrl: "https://example.com/logo.png",
        created: new Date(1_700_000_000_000).toISOString(),
      },
    ]);
  });
});
