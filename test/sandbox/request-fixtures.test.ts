// Request-side contract: every request body of the official Java SDK's tests (test/fixtures/callfire) passes
// the sandbox's request validation for each operation that takes it, so the validation refuses nothing
// CallFire's own client sends.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkedBody } from "../../sandbox/http/request-validation.js";
import { operations } from "../../sandbox/openapi/callfire-schemas.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";

const ROOT = new URL("../fixtures/callfire/", import.meta.url);

/** Which operations each request fixture is the body of (test/fixtures/callfire/README.md). */
const OPERATIONS_BY_FIXTURE: Record<string, string[]> = {
  "texts/sendTexts.request.json": ["sendTexts"],
  "textBroadcasts/createTextBroadcast.request.json": ["createTextBroadcast"],
  "textBroadcasts/updateTextBroadcast.request.json": ["updateTextBroadcast"],
  "textBroadcasts/addBatch.request.json": ["addTextBroadcastBatch"],
  "textBroadcasts/addRecipients.request.json": [
    "addTextBroadcastRecipients",
    "toggleTextBroadcastRecipientsStatus",
  ],
  "textBroadcasts/updateBatch.request.json": ["updateCampaignBatch"],
  "batches/updateBatch.request.json": ["updateCampaignBatch"],
  "textAutoReplies/createTextAutoReply.request.json": ["createTextAutoReply"],
  "webhooks/createWebhook.request.json": ["createWebhook"],
  "webhooks/updateWebhook.request.json": ["updateWebhook"],
};

const requestFixtures = readdirSync(ROOT, { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".request.json"))
  .map((path) => path.split("\\").join("/"))
  .sort();

describe("every SDK request fixture passes the sandbox's request validation", () => {
  it("knows the operation of every request fixture, and has one for every operation with a body", () => {
    expect(requestFixtures).toEqual(Object.keys(OPERATIONS_BY_FIXTURE).sort());
    const withBody = Object.entries(operations)
      .filter(([, operation]) => operation.requestBody !== null)
      .map(([id]) => id)
      .sort();
    expect([...new Set(Object.values(OPERATIONS_BY_FIXTURE).flat())].sort()).toEqual(withBody);
  });

  it.each(requestFixtures)("%s", (path) => {
    const body = callfireFixture(path);
    for (const operationId of OPERATIONS_BY_FIXTURE[path] ?? []) {
      expect(() => checkedBody(operationId, body), operationId).not.toThrow();
      expect(checkedBody(operationId, body), operationId).toEqual(body);
    }
  });
});
