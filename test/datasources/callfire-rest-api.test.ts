// Every CallFireRestApi method against the loopback fake, with CallFire's real fixture bodies: the exact
// upstream request (method, path, query, body) and the exact model that comes back.
import { describe, expect, it } from "vitest";
import { errorCode } from "../../src/core/errors.js";
import { BigMessageStrategy, BroadcastStatus, TextResult, TextState } from "../../schema/enums.js";
import type { Text } from "../../schema/text.type.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import type { RecordedCall } from "../helpers/fake-callfire.js";
import { useCallFireApi } from "../helpers/use-fake-callfire.js";

const CREDENTIALS = { login: "api-login", password: "api-password" };

const callfire = useCallFireApi(CREDENTIALS);

function onlyCall(): RecordedCall {
  expect(callfire.fake.calls).toHaveLength(1);
  return callfire.fake.calls[0];
}

function query(call: RecordedCall): Array<[string, string]> {
  return [...call.query];
}

/** A create endpoint answering 201 with CallFire's example response, `<example>.response.json`. */
function answerCreated(path: string, example: string): void {
  callfire.fake.on("POST", path, { status: 201, body: callfireFixture(`${example}.response.json`) });
}

/** The one call made, once it is seen to carry CallFire's example request, `<example>.request.json`. */
function sentExample(example: string): RecordedCall {
  const call = onlyCall();
  expect(call.body).toEqual(callfireFixture(`${example}.request.json`));
  return call;
}

/** texts/getText.response.json as a model. */
const GET_TEXT_MODEL: Text = {
  id: "13413",
  fromNumber: "67076",
  toNumber: "12135551100",
  inbound: false,
  state: TextState.FINISHED,
  finalTextResult: TextResult.DNT,
  message: "Hello World!",
  created: new Date(1443403042000),
  modified: new Date(1443403045000),
  labels: [],
  attributes: null,
  records: [
    {
      id: "10310",
      toNumber: null,
      message: "Hello World!",
      textResult: TextResult.DNT,
      billedAmount: 0,
      finishTime: new Date(1443403043000),
    },
  ],
  media: [],
  contact: {
    id: "4096",
    firstName: null,
    lastName: null,
    homePhone: "12135551100",
    workPhone: null,
    mobilePhone: null,
  },
  campaignId: "20",
  batchId: "14",
};

describe("texts", () => {
  it("findTexts sends repeated ids, CSV states, every filter given and nothing null", async () => {
    callfire.fake.on("GET", "/v2/texts", { body: callfireFixture("texts/findTexts.response.json") });
    const page = await callfire.api.findTexts({
      limit: 5,
      offset: 0,
      filter: {
        ids: ["1", "2", "3"],
        campaignId: "0",
        batchId: "100",
        states: [TextState.CALLBACK, TextState.DISABLED],
        results: [TextResult.SENT, TextResult.RECEIVED],
        inbound: false,
        intervalBegin: new Date(1443380000000),
        intervalEnd: null,
        label: null,
        fromNumber: undefined,
        toNumber: "12135551123",
      },
    });
    const call = onlyCall();
    expect(call.method).toBe("GET");
    expect(call.path).toBe("/v2/texts");
    expect(query(call)).toEqual([
      ["id", "1"],
      ["id", "2"],
      ["id", "3"],
      ["campaignId", "0"],
      ["batchId", "100"],
      ["toNumber", "12135551123"],
      ["states", "CALLBACK,DISABLED"],
      ["results", "SENT,RECEIVED"],
      ["inbound", "false"],
      ["intervalBegin", "1443380000000"],
      ["limit", "5"],
      ["offset", "0"],
    ]);
    expect(page).toMatchObject({ limit: 2, offset: 0, totalCount: 4107, hasMore: true });
    expect(page.items.map((text) => text.id)).toEqual(["13405", "13404"]);
    expect(page.items[0]).toEqual({
      id: "13405",
      fromNumber: "12135551100",
      toNumber: "12135551123",
      inbound: false,
      state: TextState.READY,
      finalTextResult: null,
      message: "a new test message",
      created: new Date(1443382358000),
      modified: new Date(1443382358000),
      labels: [],
      attributes: null,
      records: [],
      media: [],
      contact: {
        id: "4101",
        firstName: null,
        lastName: null,
        homePhone: "12135551123",
        workPhone: null,
        mobilePhone: null,
      },
      campaignId: "13",
      batchId: "11",
    });
  });

  it("findTexts with no arguments sends no query at all", async () => {
    callfire.fake.on("GET", "/v2/texts", { body: { items: [], totalCount: 0 } });
    const page = await callfire.api.findTexts({});
    expect(query(onlyCall())).toEqual([]);
    expect(page).toEqual({ items: [], limit: null, offset: null, totalCount: 0, hasMore: false });
  });

  it("getText maps the fixture exactly, records and all", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { body: callfireFixture("texts/getText.response.json") });
    expect(await callfire.api.getText("13413")).toEqual(GET_TEXT_MODEL);
    expect(onlyCall().path).toBe("/v2/texts/13413");
  });

  it("getTextsByIds asks for the ids with a limit that fits them all", async () => {
    callfire.fake.on("GET", "/v2/texts", { body: callfireFixture("texts/findTexts.response.json") });
    const texts = await callfire.api.getTextsByIds(["13405", "13404", "99"]);
    expect(query(onlyCall())).toEqual([
      ["id", "13405"],
      ["id", "13404"],
      ["id", "99"],
      ["limit", "3"],
    ]);
    expect(texts.map((text) => text.id)).toEqual(["13405", "13404"]);
  });

  it("getTextsByIds makes no call for no ids and refuses more than 100", async () => {
    expect(await callfire.api.getTextsByIds([])).toEqual([]);
    const ids = Array.from({ length: 101 }, (_, index) => String(index + 1));
    await expect(callfire.api.getTextsByIds(ids)).rejects.toThrow(RangeError);
    expect(callfire.fake.calls).toHaveLength(0);
  });

  it("sendTexts posts the recipients as CallFire's own client does", async () => {
    callfire.fake.on("POST", "/v2/texts", { body: callfireFixture("texts/sendTexts.response.json") });
    const texts = await callfire.api.sendTexts({
      campaignId: "100",
      defaultMessage: null,
      strictValidation: true,
      recipients: [
        { phoneNumber: "12135551100", message: "Hello World!", fromNumber: null, mediaIds: null },
        { phoneNumber: "12135551101", fromNumber: "12135551102", message: "Testing 1 2 3", attributes: null },
      ],
    });
    const call = sentExample("texts/sendTexts");
    expect(call.headers["content-type"]).toBe("application/json");
    expect(query(call)).toEqual([
      ["campaignId", "100"],
      ["strictValidation", "true"],
    ]);
    expect(texts.map((text) => [text.id, text.state, text.message])).toEqual([
      ["13413", TextState.READY, "Hello World!"],
      ["13414", TextState.READY, "Testing 1 2 3"],
    ]);
  });

  it("sendTexts sends contact ids and media ids as numbers, attributes as given", async () => {
    callfire.fake.on("POST", "/v2/texts", { body: { items: [] } });
    await callfire.api.sendTexts({
      defaultMessage: "Hi ${name}",
      recipients: [{ contactId: "4096", attributes: { name: "Alice" }, mediaIds: ["77", "78"] }],
    });
    const call = onlyCall();
    expect(query(call)).toEqual([["defaultMessage", "Hi ${name}"]]);
    expect(call.body).toEqual([
      { contactId: 4096, attributes: { name: "Alice" }, media: [{ id: 77 }, { id: 78 }] },
    ]);
  });
});

describe("text broadcasts", () => {
  it("findTextBroadcasts sends the filter and maps a page that has only totalCount", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts", {
      body: callfireFixture("textBroadcasts/findTextBroadcasts.response.json"),
    });
    const page = await callfire.api.findTextBroadcasts({
      limit: 5,
      filter: {
        name: "name",
        label: "label",
        running: true,
        scheduled: null,
        intervalEnd: new Date(1443380774000),
      },
    });
    expect(query(onlyCall())).toEqual([
      ["name", "name"],
      ["label", "label"],
      ["running", "true"],
      ["intervalEnd", "1443380774000"],
      ["limit", "5"],
    ]);
    expect(page).toMatchObject({ limit: 5, offset: null, totalCount: 2, hasMore: false });
    expect(page.items[0]).toEqual({
      id: "3",
      name: "Outbound SMS Broadcast",
      status: BroadcastStatus.FINISHED,
      lastModified: new Date(1443333295000),
      fromNumber: "67076",
      message: "This is a text broadcast",
      bigMessageStrategy: BigMessageStrategy.DO_NOT_SEND,
      labels: [],
      maxActive: null,
      resumeNextDay: false,
      localTimeRestriction: {
        enabled: false,
        beginHour: null,
        beginMinute: null,
        endHour: null,
        endMinute: null,
      },
      schedules: [],
      media: [],
    });
    expect(page.items[1]).toMatchObject({
      id: "13",
      status: BroadcastStatus.STOPPED,
      bigMessageStrategy: null,
    });
  });

  it("getTextBroadcast maps the fixture", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id", {
      body: callfireFixture("textBroadcasts/getTextBroadcast.response.json"),
    });
    const broadcast = await callfire.api.getTextBroadcast("13");
    expect(onlyCall().path).toBe("/v2/texts/broadcasts/13");
    expect(broadcast).toMatchObject({
      id: "13",
      name: "Example API SMS",
      status: BroadcastStatus.STOPPED,
      lastModified: new Date(1443380774000),
      fromNumber: "12135551100",
      message: "Hello World!",
      resumeNextDay: false,
    });
  });

  it("createTextBroadcast posts the fixture body and returns the new id as a string", async () => {
    answerCreated("/v2/texts/broadcasts", "textBroadcasts/createTextBroadcast");
    const id = await callfire.api.createTextBroadcast(
      {
        name: "Example API SMS",
        fromNumber: "19206596476",
        resumeNextDay: false,
        message: "Hello World!",
        labels: null,
        bigMessageStrategy: undefined,
        localTimeRestriction: null,
        recipients: [{ phoneNumber: "13233832214" }, { phoneNumber: "13233832215", message: null }],
      },
      { start: true, strictValidation: null },
    );
    expect(id).toBe("11");
    const call = sentExample("textBroadcasts/createTextBroadcast");
    expect(query(call)).toEqual([["start", "true"]]);
  });

  it("updateTextBroadcast puts the fixture body, id included, and ignores the response body", async () => {
    callfire.fake.on("PUT", "/v2/texts/broadcasts/:id", { body: { id: 11 } });
    await callfire.api.updateTextBroadcast(
      "11",
      { name: "Example API SMS updated", resumeNextDay: false, message: "a new test message", labels: null },
      { strictValidation: true },
    );
    const call = sentExample("textBroadcasts/updateTextBroadcast");
    expect(call.path).toBe("/v2/texts/broadcasts/11");
    expect(query(call)).toEqual([["strictValidation", "true"]]);
  });

  it("updateTextBroadcast sends a local time restriction without its nulls", async () => {
    callfire.fake.on("PUT", "/v2/texts/broadcasts/:id", {});
    await callfire.api.updateTextBroadcast(
      "11",
      { labels: [], localTimeRestriction: { enabled: true, beginHour: 8, beginMinute: null, endHour: 21 } },
      {},
    );
    expect(onlyCall().body).toEqual({
      id: 11,
      labels: [],
      localTimeRestriction: { enabled: true, beginHour: 8, endHour: 21 },
    });
  });

  it.each([
    ["archiveTextBroadcast", "archive"],
    ["startTextBroadcast", "start"],
    ["stopTextBroadcast", "stop"],
  ] as const)("%s posts to /%s with no body", async (method, action) => {
    callfire.fake.on("POST", `/v2/texts/broadcasts/:id/${action}`, {});
    await callfire.api[method]("13");
    const call = onlyCall();
    expect(call.path).toBe(`/v2/texts/broadcasts/13/${action}`);
    expect(call.rawBody).toBe("");
  });

  it("getTextBroadcastBatches maps a page of batches", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id/batches", {
      body: callfireFixture("textBroadcasts/getBatches.response.json"),
    });
    const page = await callfire.api.getTextBroadcastBatches("13", { limit: 100, offset: 0 });
    expect(onlyCall().path).toBe("/v2/texts/broadcasts/13/batches");
    expect(query(callfire.fake.calls[0])).toEqual([
      ["limit", "100"],
      ["offset", "0"],
    ]);
    expect(page).toEqual({
      items: [
        {
          id: "9",
          name: "API 13",
          status: "ACTIVE",
          broadcastId: "13",
          created: new Date(1443380774000),
          size: 2,
          remaining: 2,
          enabled: true,
        },
      ],
      limit: 100,
      offset: 0,
      totalCount: 1,
      hasMore: false,
    });
  });

  it("addTextBroadcastBatch posts the fixture body and returns the batch id", async () => {
    answerCreated("/v2/texts/broadcasts/:id/batches", "textBroadcasts/addBatch");
    const id = await callfire.api.addTextBroadcastBatch(
      "13",
      {
        name: "contact batch for text",
        scrubDuplicates: true,
        contactListId: null,
        recipients: [{ phoneNumber: "12135551122" }, { phoneNumber: "12135551123", attributes: null }],
      },
      { strictValidation: true },
    );
    expect(id).toBe("8");
    const call = sentExample("textBroadcasts/addBatch");
    expect(call.path).toBe("/v2/texts/broadcasts/13/batches");
    expect(query(call)).toEqual([["strictValidation", "true"]]);
  });

  it("addTextBroadcastRecipients posts the fixture body and maps the texts", async () => {
    callfire.fake.on("POST", "/v2/texts/broadcasts/:id/recipients", {
      body: callfireFixture("textBroadcasts/addRecipients.response.json"),
    });
    const texts = await callfire.api.addTextBroadcastRecipients(
      "13",
      [{ phoneNumber: "12135551100" }, { phoneNumber: "12135551101" }],
      { strictValidation: null },
    );
    const call = sentExample("textBroadcasts/addRecipients");
    expect(call.path).toBe("/v2/texts/broadcasts/13/recipients");
    expect(query(call)).toEqual([]);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ id: "13405", campaignId: "13", batchId: "11", state: TextState.READY });
  });

  it("getTextBroadcastStats sends the window in ms and spells receivedCount right", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id/stats", {
      body: callfireFixture("textBroadcasts/getStats.response.json"),
    });
    const stats = await callfire.api.getTextBroadcastStats("13", {
      begin: new Date(1443380000000),
      end: new Date(1443390000000),
    });
    const call = onlyCall();
    expect(call.path).toBe("/v2/texts/broadcasts/13/stats");
    expect(query(call)).toEqual([
      ["begin", "1443380000000"],
      ["end", "1443390000000"],
    ]);
    expect(stats).toEqual({
      totalOutboundCount: 6,
      remainingOutboundCount: 0,
      billedAmount: 0,
      sentCount: 0,
      unsentCount: 0,
      receivedCount: 0,
      doNotTextCount: 0,
      tooBigCount: 0,
      errorCount: 6,
    });
  });

  it("getTextBroadcastTexts sends batchId and paging", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id/texts", {
      body: callfireFixture("textBroadcasts/getTexts.response.json"),
    });
    const page = await callfire.api.getTextBroadcastTexts("13", { batchId: "9", limit: 100, offset: 0 });
    expect(query(onlyCall())).toEqual([
      ["batchId", "9"],
      ["limit", "100"],
      ["offset", "0"],
    ]);
    expect(page.items.map((text) => [text.id, text.batchId])).toEqual([
      ["13405", "11"],
      ["13404", "10"],
      ["13403", "9"],
      ["13402", "9"],
    ]);
    expect(page).toMatchObject({ totalCount: 4, hasMore: false });
  });

  it.each([true, false])(
    "toggleTextBroadcastRecipientsStatus sends enable=%s and the recipients",
    async (enable) => {
      callfire.fake.on("POST", "/v2/texts/broadcasts/:id/toggleRecipientsStatus", {});
      await callfire.api.toggleTextBroadcastRecipientsStatus(
        "13",
        [{ phoneNumber: "12135551100" }, { phoneNumber: "12135551101" }],
        enable,
      );
      const call = onlyCall();
      expect(call.path).toBe("/v2/texts/broadcasts/13/toggleRecipientsStatus");
      expect(query(call)).toEqual([["enable", String(enable)]]);
      expect(call.body).toEqual(callfireFixture("textBroadcasts/addRecipients.request.json"));
    },
  );
});

describe("batches", () => {
  it("getBatch reads /campaigns/batches/{id}", async () => {
    callfire.fake.on("GET", "/v2/campaigns/batches/:id", {
      body: callfireFixture("batches/getBatch.response.json"),
    });
    expect(await callfire.api.getBatch("1")).toEqual({
      id: "1",
      name: "CF2 Campaign Sample",
      status: "ACTIVE",
      broadcastId: "1",
      created: new Date(1297474980000),
      size: 6198,
      remaining: 0,
      enabled: true,
    });
    expect(onlyCall().path).toBe("/v2/campaigns/batches/1");
  });

  it.each([
    ["batches/updateBatch.request.json", false],
    ["textBroadcasts/updateBatch.request.json", true],
  ])("updateBatch puts %s", async (fixture, enabled) => {
    callfire.fake.on("PUT", "/v2/campaigns/batches/:id", {});
    await callfire.api.updateBatch("11", { enabled, name: null });
    const call = onlyCall();
    expect(call.path).toBe("/v2/campaigns/batches/11");
    expect(call.body).toEqual(callfireFixture(fixture));
  });
});

describe("auto-replies", () => {
  it("findTextAutoReplies reads /texts/auto-replys (CallFire's spelling)", async () => {
    callfire.fake.on("GET", "/v2/texts/auto-replys", {
      body: callfireFixture("textAutoReplies/findTextAutoReplies.response.json"),
    });
    const page = await callfire.api.findTextAutoReplies({ number: "67076", limit: 100, offset: null });
    expect(query(onlyCall())).toEqual([
      ["number", "67076"],
      ["limit", "100"],
    ]);
    expect(page).toEqual({
      items: [
        {
          id: "4",
          number: null,
          keyword: null,
          match: ".*",
          message: "Short code reply. Echo - ${text.message}!",
        },
        { id: "15", number: "67076", keyword: "CALLFIRE", match: null, message: "I am a leaf on the wind" },
      ],
      limit: 100,
      offset: 0,
      totalCount: 2,
      hasMore: false,
    });
  });

  it("getTextAutoReply maps the fixture", async () => {
    callfire.fake.on("GET", "/v2/texts/auto-replys/:id", {
      body: callfireFixture("textAutoReplies/getTextAutoReply.response.json"),
    });
    expect(await callfire.api.getTextAutoReply("15")).toEqual({
      id: "15",
      number: null,
      keyword: "CALLFIRE",
      match: null,
      message: "I am a leaf on the wind",
    });
    expect(onlyCall().path).toBe("/v2/texts/auto-replys/15");
  });

  it("createTextAutoReply posts the fixture body and returns the id", async () => {
    answerCreated("/v2/texts/auto-replys", "textAutoReplies/createTextAutoReply");
    const id = await callfire.api.createTextAutoReply({
      number: "67076",
      keyword: "CALLFIRE",
      match: null,
      message: "I am a leaf on the wind",
    });
    expect(id).toBe("15");
    sentExample("textAutoReplies/createTextAutoReply");
  });

  it("deleteTextAutoReply sends DELETE and accepts 204", async () => {
    callfire.fake.on("DELETE", "/v2/texts/auto-replys/:id", { status: 204 });
    await callfire.api.deleteTextAutoReply("15");
    expect(onlyCall()).toMatchObject({ method: "DELETE", path: "/v2/texts/auto-replys/15" });
  });
});

describe("ids", () => {
  it("an id that is not a CallFire id is BAD_USER_INPUT before any call", async () => {
    for (const bad of ["abc", "../texts", "-1", "1.5", "", "99999999999999999999"]) {
      await expect(callfire.api.getText(bad).catch(errorCode)).resolves.toBe("BAD_USER_INPUT");
    }
    await expect(
      callfire.api.sendTexts({ recipients: [{ contactId: "x1" }] }).catch(errorCode),
    ).resolves.toBe("BAD_USER_INPUT");
    expect(callfire.fake.calls).toHaveLength(0);
  });

  it("ids beyond 2^53 survive both ways exactly", async () => {
    const big = "9007199254740993"; // 2^53 + 1: JSON.parse would read 9007199254740992
    callfire.fake.on("GET", "/v2/texts/:id", {
      body: `{"id":${big},"campaignId":7420017300281076000,"contact":{"id":${big}},"created":1443403042000}`,
    });
    const text = await callfire.api.getText(big);
    expect(onlyCall().path).toBe(`/v2/texts/${big}`);
    expect(text).toMatchObject({ id: big, campaignId: "7420017300281076000", contact: { id: big } });
    expect(text.created).toEqual(new Date(1443403042000));

    callfire.fake.on("POST", "/v2/texts", { body: { items: [] } });
    await callfire.api.sendTexts({ recipients: [{ contactId: "9223372036854775807", mediaIds: [big] }] });
    expect(callfire.fake.calls[1].rawBody).toBe(
      `[{"contactId":9223372036854775807,"media":[{"id":${big}}]}]`,
    );
  });
});
