// Which projection each CallFireRestApi method asks for: every model-returning call carries the request's
// `fields`, appended to its own query; calls that return nothing we read, and an API without a projection,
// carry none.
import { beforeEach, describe, expect, it } from "vitest";
import { CallFireRestApi } from "../../datasources/callfire-rest-api.js";
import { FieldProjection } from "../../datasources/projection/field-projection.js";
import { OperationProjection } from "../../datasources/projection/operation-projection.js";
import { useCallFireApi } from "../helpers/use-fake-callfire.js";
import { createRecordingLogger } from "../helpers/recording-logger.js";

const CREDENTIALS = { login: "api-login", password: "api-password" };
const PAGE = { items: [], limit: 1, offset: 0, totalCount: 0 };

/** The operation's projection, as field-projection.plugin.ts would select it. */
const projection = new FieldProjection();
projection.select(
  new OperationProjection(
    new Map([
      ["Text", new Set(["message"])],
      ["TextPage", new Set(["items"])],
      ["TextBroadcast", new Set(["name"])],
      ["TextBroadcastPage", new Set(["totalCount"])],
      ["Batch", new Set(["size"])],
      ["BatchPage", new Set(["items"])],
      ["TextBroadcastStats", new Set(["receivedCount"])],
      ["TextAutoReply", new Set(["keyword"])],
      ["TextAutoReplyPage", new Set(["items"])],
    ]),
  ),
);
const callfire = useCallFireApi(CREDENTIALS, { fieldProjection: projection });

beforeEach(() => {
  for (const path of ["/v2/texts", "/v2/texts/broadcasts", "/v2/texts/auto-replys"]) {
    callfire.fake.on("GET", path, { body: PAGE });
  }
  callfire.fake.on("GET", "/v2/texts/broadcasts/:id/stats", { body: {} });
  callfire.fake.on("GET", "/v2/texts/broadcasts/:id/:list", { body: PAGE });
  for (const path of ["/v2/texts/:id", "/v2/texts/broadcasts/:id", "/v2/campaigns/batches/:id"]) {
    callfire.fake.on("GET", path, (call) => ({ body: { id: Number(call.params.id) } }));
  }
  callfire.fake.on("GET", "/v2/texts/auto-replys/:id", { body: { id: 4 } });
  callfire.fake.on("POST", "/v2/texts", { body: { items: [] } });
  callfire.fake.on("POST", "/v2/texts/broadcasts/:id/recipients", { body: { items: [] } });
  callfire.fake.on("POST", "/v2/texts/broadcasts/:id/start", {});
});

function sent(): string[] {
  return callfire.fake.calls.map(
    (call) => `${call.method} ${call.path} ${decodeURIComponent(call.query.toString())}`,
  );
}

describe("CallFireRestApi with a field projection", () => {
  it("asks every model-returning call for the operation's fields", async () => {
    const recipients = [{ phoneNumber: "12135551100", message: "Hi" }];
    await callfire.api.findTexts({ limit: 1 });
    await callfire.api.getText("1");
    await callfire.api.getTextsByIds(["1", "2"]);
    await callfire.api.sendTexts({ recipients });
    await callfire.api.findTextBroadcasts({});
    await callfire.api.getTextBroadcast("3");
    await callfire.api.getTextBroadcastBatches("3", {});
    await callfire.api.addTextBroadcastRecipients("3", recipients, {});
    await callfire.api.getTextBroadcastStats("3", {});
    await callfire.api.getTextBroadcastTexts("3", { batchId: "9" });
    await callfire.api.getBatch("9");
    await callfire.api.findTextAutoReplies({});
    await callfire.api.getTextAutoReply("4");
    await callfire.api.startTextBroadcast("3");
    expect(sent()).toEqual([
      "GET /v2/texts limit=1&fields=items(id,message),limit,offset,totalCount",
      "GET /v2/texts/1 fields=id,message",
      "GET /v2/texts id=1&id=2&limit=2&fields=items(id,message)",
      "POST /v2/texts fields=items(id,message)",
      "GET /v2/texts/broadcasts fields=limit,offset,totalCount",
      "GET /v2/texts/broadcasts/3 fields=id,name",
      "GET /v2/texts/broadcasts/3/batches fields=items(id,size),limit,offset,totalCount",
      "POST /v2/texts/broadcasts/3/recipients fields=items(id,message)",
      "GET /v2/texts/broadcasts/3/stats fields=recievedCount",
      "GET /v2/texts/broadcasts/3/texts batchId=9&fields=items(id,message),limit,offset,totalCount",
      "GET /v2/campaigns/batches/9 fields=id,size",
      "GET /v2/texts/auto-replys fields=items(id,keyword),limit,offset,totalCount",
      "GET /v2/texts/auto-replys/4 fields=id,keyword",
      "POST /v2/texts/broadcasts/3/start ",
    ]);
  });

  it("sends no fields before the operation is known, nor without a projection", async () => {
    await new CallFireRestApi({
      http: callfire.http,
      credentials: CREDENTIALS,
      log: createRecordingLogger(),
    }).getBatch("9");
    await new CallFireRestApi({
      http: callfire.http,
      credentials: CREDENTIALS,
      log: createRecordingLogger(),
      fieldProjection: new FieldProjection(),
    }).getBatch("9");
    expect(sent()).toEqual(["GET /v2/campaigns/batches/9 ", "GET /v2/campaigns/batches/9 "]);
  });
});
