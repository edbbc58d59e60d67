// A repeated idempotencyKey never answers with a code that invites a resend once the send reached
// CallFire (finding 5 of issue 8): the first outcome is stored whole and answers the repeat when CallFire
// cannot reload it, and a create whose reload fails answers with what was sent.
import { afterEach, describe, expect, it } from "vitest";
import { codes, startGraphOnFake, type GraphOnFake } from "../helpers/start-graph-on-fake.js";

const SEND = `mutation ($key: String) {
  sendTexts(recipients: [{ phoneNumber: "12135550100" }], defaultMessage: "hi", idempotencyKey: $key) { id message }
}`;
const SENT_TEXT = {
  id: 501,
  message: "hi",
  toNumber: "12135550100",
  created: 1_700_000_000_000,
  labels: ["x"],
};
const UNAVAILABLE = { status: 503, body: { message: "down" } };

let graph: GraphOnFake | undefined;
afterEach(async () => {
  await graph?.stop();
  graph = undefined;
});

describe("replays", () => {
  it("a repeated send whose texts cannot be reloaded answers the first outcome, any field, without sending again", async () => {
    graph = await startGraphOnFake({ CALLFIRE_RETRY_LIMIT: "0" });
    graph.fake.on("POST", "/v2/texts", { body: { items: [SENT_TEXT] } });
    graph.fake.on("GET", "/v2/texts", UNAVAILABLE);
    const first = await graph.post(SEND, { key: "k1" });
    expect(first).toMatchObject({ data: { sendTexts: [{ id: "501", message: "hi" }] } });
    // With a key, CallFire is asked for whole texts (no fields parameter): the repeat may select more.
    expect(graph.fake.calls[0].query.get("fields")).toBeNull();

    const repeat = await graph.post(
      `mutation ($key: String) {
        sendTexts(recipients: [{ phoneNumber: "12135550100" }], defaultMessage: "hi", idempotencyKey: $key) {
          id toNumber created labels
        }
      }`,
      { key: "k1" },
    );
    expect(codes(repeat)).toEqual([]);
    expect(repeat.data).toEqual({
      sendTexts: [{ id: "501", toNumber: "12135550100", created: "2023-11-14T22:13:20.000Z", labels: ["x"] }],
    });
    expect(graph.fake.calls.filter((call) => call.method === "POST")).toHaveLength(1);
  });

  it("a create whose reload fails answers its new id and what was sent, not an error", async () => {
    graph = await startGraphOnFake({ CALLFIRE_RETRY_LIMIT: "0" });
    graph.fake.on("POST", "/v2/texts/broadcasts", { status: 201, body: { id: 77 } });
    graph.fake.on("GET", "/v2/texts/broadcasts/:id", UNAVAILABLE);
    const create = `mutation ($key: String) {
      createTextBroadcast(input: { name: "Spring", message: "Sale" }, idempotencyKey: $key) { id name message status }
    }`;
    for (const attempt of [1, 2]) {
      const answer = await graph.post(create, { key: "c1" });
      expect(codes(answer), `attempt ${attempt}`).toEqual([]);
      expect(answer.data).toEqual({
        createTextBroadcast: { id: "77", name: "Spring", message: "Sale", status: null },
      });
    }
    expect(graph.fake.calls.filter((call) => call.method === "POST")).toHaveLength(1);
  });
});
