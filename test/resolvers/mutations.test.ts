import { describe, expect, it } from "vitest";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { codes, useHarness } from "./harness.js";

const h = useHarness();

/** Broadcast 13 whose status follows start and stop, as CallFire's does. */
function statefulBroadcast(): void {
  let status = "STOPPED";
  h.fake.on("GET", "/v2/texts/broadcasts/:id", () => ({
    body: { ...callfireFixture("textBroadcasts/getTextBroadcast.response.json"), status },
  }));
  h.fake.on("POST", "/v2/texts/broadcasts/:id/start", () => ((status = "RUNNING"), {}));
  h.fake.on("POST", "/v2/texts/broadcasts/:id/stop", () => ((status = "STOPPED"), {}));
}

function bodyOf(index: number): unknown {
  return h.fake.calls[index]?.body;
}

describe("broadcast actions return the broadcast as it stands afterwards", () => {
  it("start: POST start, then one GET", async () => {
    statefulBroadcast();
    const result = await h.run(`mutation { startTextBroadcast(id: "13") { id status } }`);
    expect(result).toEqual({ data: { startTextBroadcast: { id: "13", status: "RUNNING" } } });
    expect(h.calls()).toEqual([
      "POST /texts/broadcasts/13/start",
      "GET /texts/broadcasts/13?fields=id,status",
    ]);
  });

  it("reads again after each action, never from the request's cache", async () => {
    statefulBroadcast();
    const result = await h.run(`mutation {
      before: stopTextBroadcast(id: "13") { status stats { sentCount } }
      after: startTextBroadcast(id: "13") { status stats { sentCount } }
    }`);
    expect(result.data).toEqual({
      before: { status: "STOPPED", stats: { sentCount: 0 } },
      after: { status: "RUNNING", stats: { sentCount: 0 } },
    });
    expect(h.calls()).toEqual([
      "POST /texts/broadcasts/13/stop",
      "GET /texts/broadcasts/13?fields=id,status",
      "GET /texts/broadcasts/13/stats?fields=sentCount",
      "POST /texts/broadcasts/13/start",
      "GET /texts/broadcasts/13?fields=id,status",
      "GET /texts/broadcasts/13/stats?fields=sentCount",
    ]);
  });

  it("archive and update", async () => {
    h.fake.on("POST", "/v2/texts/broadcasts/:id/archive", {});
    h.fake.on("PUT", "/v2/texts/broadcasts/:id", {});
    const result = await h.run(`mutation {
      updateTextBroadcast(id: "13", input: { name: "Renamed", labels: ["a"] }, strictValidation: true) { id }
      archiveTextBroadcast(id: "13") { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(h.calls()).toEqual([
      "PUT /texts/broadcasts/13?strictValidation=true",
      "GET /texts/broadcasts/13?fields=id",
      "POST /texts/broadcasts/13/archive",
      "GET /texts/broadcasts/13?fields=id",
    ]);
    expect(bodyOf(0)).toEqual({ id: 13, name: "Renamed", labels: ["a"] });
  });

  it("fails with NOT_FOUND for a broadcast CallFire does not know", async () => {
    const result = await h.run(`mutation { startTextBroadcast(id: "999") { id } }`);
    expect(result.data).toBeNull();
    expect(codes(result)).toEqual(["NOT_FOUND"]);
    expect(h.calls()).toEqual(["POST /texts/broadcasts/999/start"]);
  });
});

describe("creates return the new entity", () => {
  it("createTextBroadcast: POST, then GET the new id", async () => {
    h.fake.on("POST", "/v2/texts/broadcasts", { status: 201, body: { id: 11 } });
    h.fake.on("GET", "/v2/texts/broadcasts/:id", (call) => ({
      body: {
        ...callfireFixture("textBroadcasts/getTextBroadcast.response.json"),
        id: Number(call.params.id),
      },
    }));
    const request = callfireFixture<{
      name: string;
      fromNumber: string;
      message: string;
      recipients: unknown[];
    }>("textBroadcasts/createTextBroadcast.request.json");
    const result = await h.run(
      `mutation ($input: TextBroadcastInput!) { createTextBroadcast(input: $input, start: false) { id name } }`,
      { input: request },
    );
    expect(result).toEqual({ data: { createTextBroadcast: { id: "11", name: "Example API SMS" } } });
    expect(h.calls()).toEqual([
      "POST /texts/broadcasts?start=false",
      "GET /texts/broadcasts/11?fields=id,name",
    ]);
    expect(bodyOf(0)).toEqual(request);
  });

  it("addTextBroadcastBatch: POST, then GET the new batch; the broadcast's batch pages are forgotten", async () => {
    h.fake.on("POST", "/v2/texts/broadcasts/:id/batches", { status: 201, body: { id: 10 } });
    const request = callfireFixture("textBroadcasts/addBatch.request.json");
    const result = await h.run(
      `mutation ($input: BatchInput!) {
        addTextBroadcastBatch(broadcastId: "13", input: $input) { id name broadcast { id } }
      }`,
      { input: request },
    );
    expect(result).toEqual({
      data: { addTextBroadcastBatch: { id: "10", name: "API 13 (2)", broadcast: { id: "13" } } },
    });
    expect(h.calls()).toEqual([
      "POST /texts/broadcasts/13/batches",
      "GET /campaigns/batches/10?fields=id,name,broadcastId",
      "GET /texts/broadcasts/13?fields=id",
    ]);
    expect(bodyOf(0)).toEqual(request);
  });

  it("createTextAutoReply and deleteTextAutoReply", async () => {
    h.fake.on("POST", "/v2/texts/auto-replys", { status: 201, body: { id: 15 } });
    h.fake.on("DELETE", "/v2/texts/auto-replys/:id", { status: 204 });
    const request = callfireFixture("textAutoReplies/createTextAutoReply.request.json");
    const created = await h.run(
      `mutation ($input: TextAutoReplyInput!) { createTextAutoReply(input: $input) { id keyword } }`,
      { input: request },
    );
    const deleted = await h.run(`mutation { deleteTextAutoReply(id: "15") }`);
    expect(created).toEqual({ data: { createTextAutoReply: { id: "15", keyword: "CALLFIRE" } } });
    expect(deleted).toEqual({ data: { deleteTextAutoReply: "15" } });
    expect(h.calls()).toEqual([
      "POST /texts/auto-replys",
      "GET /texts/auto-replys/15?fields=id,keyword",
      // deleteTextAutoReply returns an ID: nothing to project.
      "DELETE /texts/auto-replys/15",
    ]);
    expect(bodyOf(0)).toEqual(request);
  });
});

describe("texts", () => {
  it("sendTexts returns the new texts; texts of the default campaign have no broadcast", async () => {
    h.fake.on("POST", "/v2/texts", { body: callfireFixture("texts/sendTexts.response.json") });
    const result = await h.run(
      `mutation ($recipients: [TextRecipientInput!]!) {
        sendTexts(recipients: $recipients, defaultMessage: "Hi") { id toNumber message campaignId broadcast { id } }
      }`,
      { recipients: callfireFixture("texts/sendTexts.request.json") },
    );
    expect(result).toEqual({
      data: {
        sendTexts: [
          {
            id: "13413",
            toNumber: "12135551100",
            message: "Hello World!",
            campaignId: "20",
            broadcast: null,
          },
          {
            id: "13414",
            toNumber: "12135551101",
            message: "Testing 1 2 3",
            campaignId: "20",
            broadcast: null,
          },
        ],
      },
    });
    // Campaign 20 is the default campaign: CallFire answers 404, asked once for both texts.
    expect(h.calls()).toEqual([
      "POST /texts?defaultMessage=Hi&fields=items(id,toNumber,message,campaignId)",
      "GET /texts/broadcasts/20?fields=id",
    ]);
    expect(bodyOf(0)).toEqual(callfireFixture("texts/sendTexts.request.json"));
  });

  it("addTextBroadcastRecipients returns the new texts", async () => {
    h.fake.on("POST", "/v2/texts/broadcasts/:id/recipients", {
      body: callfireFixture("textBroadcasts/addRecipients.response.json"),
    });
    const result = await h.run(
      `mutation ($recipients: [TextRecipientInput!]!) {
        addTextBroadcastRecipients(broadcastId: "13", recipients: $recipients) { id state campaignId }
      }`,
      { recipients: callfireFixture("textBroadcasts/addRecipients.request.json") },
    );
    expect(result).toEqual({
      data: { addTextBroadcastRecipients: [{ id: "13405", state: "READY", campaignId: "13" }] },
    });
    expect(h.calls()).toEqual(["POST /texts/broadcasts/13/recipients?fields=items(id,state,campaignId)"]);
  });

  it("toggleTextBroadcastRecipients answers true", async () => {
    h.fake.on("POST", "/v2/texts/broadcasts/:id/toggleRecipientsStatus", {});
    const result = await h.run(`mutation {
      toggleTextBroadcastRecipients(broadcastId: "13", recipients: [{ phoneNumber: "12135551100" }], enable: false)
    }`);
    expect(result).toEqual({ data: { toggleTextBroadcastRecipients: true } });
    expect(h.calls()).toEqual(["POST /texts/broadcasts/13/toggleRecipientsStatus?enable=false"]);
    expect(bodyOf(0)).toEqual([{ phoneNumber: "12135551100" }]);
  });

  it("updateBatch: PUT, then GET the batch", async () => {
    h.fake.on("PUT", "/v2/campaigns/batches/:id", {});
    const result = await h.run(`mutation { updateBatch(id: "9", input: { enabled: false }) { id enabled } }`);
    expect(result).toEqual({ data: { updateBatch: { id: "9", enabled: true } } });
    expect(h.calls()).toEqual(["PUT /campaigns/batches/9", "GET /campaigns/batches/9?fields=id,enabled"]);
    expect(bodyOf(0)).toEqual({ id: 9, enabled: false });
  });
});
