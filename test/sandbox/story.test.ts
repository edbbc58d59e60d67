// The scripted story from the issue, over HTTP with the real delivery timer, plus inbound texts firing
// auto-replies and the message-length strategies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Text, TextBroadcast, TextBroadcastStats } from "../../sandbox/domain/callfire.types.js";
import type { RunningSandbox } from "../../sandbox/index.js";
import { newAccount, type SandboxClient, startTestSandbox } from "./helpers/sandbox-client.js";

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ deliveryIntervalMs: 10 });
});
afterAll(() => sandbox.stop());

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const LONG = "x".repeat(170);

describe("the scripted story", () => {
  it("create → start → delivered with the documented results → stats add up → restart → archive", async () => {
    const api = newAccount(sandbox);
    const created = await api.post<{ id: number }>("/texts/broadcasts", {
      name: "Story",
      message: "Hi ${name}!",
      bigMessageStrategy: "DO_NOT_SEND",
      labels: ["story"],
      recipients: [
        { phoneNumber: "12135550100", attributes: { name: "Ana" } },
        { phoneNumber: "12135550101", attributes: { name: "Ben" } },
        { phoneNumber: "12135550001" },
        { phoneNumber: "12135550002" },
        { phoneNumber: "12135550003" },
        { phoneNumber: "12135550004" },
        { phoneNumber: "12135550102", message: LONG },
      ],
    });
    const id = created.body.id;
    await api.post(`/texts/broadcasts/${id}/batches`, {
      name: "validated",
      recipients: [{ phoneNumber: "12135550103" }, { phoneNumber: "12-34" }, { phoneNumber: "12135550100" }],
    });
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status).toBe("SETUP");
    expect((await api.post(`/texts/broadcasts/${id}/start`)).status).toBe(200);

    const finished = await waitFor(
      async () => (await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status,
      (status) => status === "FINISHED",
    );
    expect(finished).toBe("FINISHED");

    const texts = (await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.items;
    const outcome = Object.fromEntries(
      texts.map((t) => [
        `${t.toNumber}${t.batchId === texts.at(-1)?.batchId ? "" : " (batch)"}`,
        [t.state, t.finalTextResult ?? null],
      ]),
    );
    expect(outcome).toEqual({
      "12135550100": ["FINISHED", "SENT"],
      "12135550101": ["FINISHED", "SENT"],
      "12135550001": ["FINISHED", "DNT"],
      "12135550002": ["FINISHED", "CARRIER_ERROR"],
      "12135550003": ["FINISHED", "CARRIER_TEMP_ERROR"],
      "12135550004": ["FINISHED", "INTERNAL_ERROR"],
      "12135550102": ["FINISHED", "TOO_BIG"],
      "12135550103 (batch)": ["FINISHED", "SENT"],
      "12-34 (batch)": ["INVALID", null],
      "12135550100 (batch)": ["DUP", null],
    });
    expect(texts.find((t) => t.toNumber === "12135550100" && t.state === "FINISHED")?.message).toBe(
      "Hi Ana!",
    );

    const stats = (await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`)).body;
    expect(stats).toEqual({
      totalOutboundCount: 10,
      remainingOutboundCount: 0,
      billedAmount: 3,
      sentCount: 3,
      unsentCount: 2,
      recievedCount: 0,
      doNotTextCount: 1,
      tooBigCount: 1,
      errorCount: 3,
    });
    const parts = [
      stats.remainingOutboundCount,
      stats.sentCount,
      stats.unsentCount,
      stats.recievedCount,
      stats.doNotTextCount,
      stats.tooBigCount,
      stats.errorCount,
    ];
    expect(parts.reduce((sum, n) => sum + n, 0)).toBe(stats.totalOutboundCount);

    // Finished with nothing left: start is refused; new recipients make it startable again.
    expect((await api.post(`/texts/broadcasts/${id}/start`)).status).toBe(400);
    await api.post(`/texts/broadcasts/${id}/recipients`, [{ phoneNumber: "12135550104" }]);
    expect((await api.post(`/texts/broadcasts/${id}/start`)).status).toBe(200);
    const again = await waitFor(
      async () => (await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status,
      (status) => status === "FINISHED",
    );
    expect(again).toBe("FINISHED");
    const late = (await api.get<Page<Text>>("/texts", { toNumber: "12135550104" })).body.items;
    expect(late.map((t) => [t.state, t.finalTextResult])).toEqual([["FINISHED", "SENT"]]);
  });

  it("stop and archive, each step driven by hand (no timer): archiving ends waiting texts UNDIALED", async () => {
    // Its own sandbox with the timer off, so nothing is delivered between start and stop.
    const manual = await startTestSandbox({ deliveryIntervalMs: 0 });
    try {
      const api = newAccount(manual);
      const created = await api.post<{ id: number }>("/texts/broadcasts", {
        name: "Stopped",
        message: "Hello",
        recipients: [
          { phoneNumber: "12135550110" },
          { phoneNumber: "12135550111" },
          { phoneNumber: "12135550112" },
        ],
      });
      const id = created.body.id;
      expect((await api.post(`/texts/broadcasts/${id}/start`)).status).toBe(200);
      expect((await api.post(`/texts/broadcasts/${id}/stop`)).status).toBe(200);
      expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status).toBe("STOPPED");
      const stopped = (await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`)).body;
      await api.tick(2); // a stopped broadcast sends nothing more
      const still = (await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`)).body;
      expect(still.sentCount).toBe(stopped.sentCount);
      expect(stopped).toMatchObject({ sentCount: 0, remainingOutboundCount: 3 });

      expect((await api.post(`/texts/broadcasts/${id}/archive`)).status).toBe(200);
      expect((await api.get<TextBroadcast>(`/texts/broadcasts/${id}`)).body.status).toBe("ARCHIVED");
      expect((await api.get<Page<TextBroadcast>>("/texts/broadcasts")).body.totalCount).toBe(0);
      const after = (await api.get<TextBroadcastStats>(`/texts/broadcasts/${id}/stats`)).body;
      expect(after).toMatchObject({
        totalOutboundCount: 3,
        remainingOutboundCount: 0,
        sentCount: stopped.sentCount,
      });
      const texts = (await api.get<Page<Text>>(`/texts/broadcasts/${id}/texts`)).body.items;
      const undialed = texts.filter((t) => t.finalTextResult === "UNDIALED");
      expect(undialed).toHaveLength(3);
      expect(undialed.every((t) => t.state === "FINISHED")).toBe(true);
    } finally {
      await manual.stop();
    }
  });

  it("an inbound text fires the matching auto-replies, which are delivered as outbound texts", async () => {
    const api = newAccount(sandbox);
    const replies = [
      { number: "67076", keyword: "HELP", message: "Reply STOP to opt out." },
      { match: "opening hours", message: "We are open 9 to 5." },
      { number: "12135550199", message: "You said: ${text.message}" },
    ];
    for (const reply of replies) expect((await api.post("/texts/auto-replys", reply)).status).toBe(201);

    const inbound = async (body: Record<string, string>) => {
      const response = await api.call<{ text: Text; replies: Text[] }>("POST", "/sandbox/inbound", { body });
      expect(response.status).toBe(201);
      return response.body;
    };
    const help = await inbound({ fromNumber: "12135550300", message: "help please" });
    expect(help.text).toMatchObject({
      fromNumber: "12135550300",
      toNumber: "67076",
      inbound: true,
      state: "FINISHED",
      finalTextResult: "RECEIVED",
      message: "help please",
    });
    expect(help.replies.map((t) => [t.fromNumber, t.toNumber, t.message, t.inbound])).toEqual([
      ["67076", "12135550300", "Reply STOP to opt out.", false],
    ]);

    const hours = await inbound({
      fromNumber: "12135550301",
      toNumber: "12135550199",
      message: "Your Opening  Hours?",
    });
    expect(hours.replies.map((t) => t.message)).toEqual([
      "We are open 9 to 5.",
      "You said: Your Opening  Hours?",
    ]);
    expect((await inbound({ fromNumber: "12135550302", message: "HELPFUL openinghours" })).replies).toEqual(
      [],
    );

    const delivered = await waitFor(
      async () =>
        (await api.get<Page<Text>>("/texts", { inbound: false, toNumber: "12135550301" })).body.items,
      (items) => items.every((t) => t.state === "FINISHED"),
    );
    expect(delivered.map((t) => t.finalTextResult)).toEqual(["SENT", "SENT"]);
    const all = await api.get<Page<Text>>("/texts", { inbound: true });
    expect(all.body.totalCount).toBe(3);
    expect(
      (await api.call("POST", "/sandbox/inbound", { body: { fromNumber: "1", message: "x" } })).status,
    ).toBe(400);
  });
});

describe("delivery details (driven with POST /sandbox/tick)", () => {
  let api: SandboxClient;
  let manual: RunningSandbox;

  beforeAll(async () => {
    manual = await startTestSandbox();
    api = newAccount(manual);
  });
  afterAll(() => manual.stop());

  it("applies bigMessageStrategy to messages over 160 characters", async () => {
    const results: Record<string, unknown> = {};
    for (const strategy of ["SEND_MULTIPLE", "DO_NOT_SEND", "TRIM", "MMS"]) {
      const { body } = await api.post<{ id: number }>(
        "/texts/broadcasts",
        {
          message: "y".repeat(200),
          bigMessageStrategy: strategy,
          recipients: [{ phoneNumber: "12135550400" }],
        },
        { start: true },
      );
      await api.tick(2);
      const [text] = (await api.get<Page<Text>>(`/texts/broadcasts/${body.id}/texts`)).body.items;
      results[strategy] = [text?.message?.length, text?.finalTextResult, text?.records?.[0]?.billedAmount];
    }
    expect(results).toEqual({
      SEND_MULTIPLE: [200, "SENT", 2],
      DO_NOT_SEND: [200, "TOO_BIG", 0],
      TRIM: [160, "SENT", 1],
      MMS: [200, "SENT", 3],
    });
  });

  it("moves READY → SELECTED → FINISHED one step per tick, at most maxActive at a time", async () => {
    const { body } = await api.post<{ id: number }>(
      "/texts/broadcasts",
      {
        message: "m",
        maxActive: 2,
        recipients: ["0500", "0501", "0502", "0503", "0504"].map((e) => ({ phoneNumber: `1213555${e}` })),
      },
      { start: true },
    );
    const states = async () =>
      (await api.get<Page<Text>>(`/texts/broadcasts/${body.id}/texts`)).body.items
        .map((t) => t.state)
        .reverse();
    await api.tick();
    expect(await states()).toEqual(["SELECTED", "SELECTED", "READY", "READY", "READY"]);
    await api.tick();
    expect(await states()).toEqual(["FINISHED", "FINISHED", "SELECTED", "SELECTED", "READY"]);
    await api.tick();
    expect(await states()).toEqual(["FINISHED", "FINISHED", "FINISHED", "FINISHED", "SELECTED"]);
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${body.id}`)).body.status).toBe("RUNNING");
    await api.tick();
    expect(await states()).toEqual(Array(5).fill("FINISHED"));
    expect((await api.get<TextBroadcast>(`/texts/broadcasts/${body.id}`)).body.status).toBe("FINISHED");
  });

  it("delivers POST /texts texts whatever their campaign's status, and ticks only the caller's account", async () => {
    const { body } = await api.post<{ id: number }>("/texts/broadcasts", { message: "m" });
    const [text] = (
      await api.post<{ items: Text[] }>("/texts", [{ phoneNumber: "12135550600" }], { campaignId: body.id })
    ).body.items;
    const other = newAccount(manual);
    const [theirs] = (
      await other.post<{ items: Text[] }>("/texts", [{ phoneNumber: "12135550601", message: "m" }])
    ).body.items;
    await api.tick(2);
    expect((await api.get<Text>(`/texts/${text?.id}`)).body.finalTextResult).toBe("SENT");
    expect((await other.get<Text>(`/texts/${theirs?.id}`)).body.state).toBe("READY");
    expect((await api.call("POST", "/sandbox/tick", { query: { count: 0 } })).status).toBe(400);
  });
});
