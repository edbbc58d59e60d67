// Invalid arguments fail with BAD_USER_INPUT and a message that says what to fix, before any CallFire call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type Result, useHarness } from "./harness.js";

const h = useHarness();

function badInput(result: Result): string[] {
  expect(result.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  return (result.errors ?? []).map((error) => error.message);
}

/** name, operation, variables, message; and the calls made first (a nested field runs after its parent). */
const cases: [string, string, Record<string, unknown> | undefined, string, string[]?][] = [
  [
    "a non-numeric id",
    `{ text(id: "abc") { id } }`,
    undefined,
    'id must be a CallFire id (digits only, e.g. "13"); got "abc"',
  ],
  [
    "an id beyond int64",
    `{ textBroadcast(id: "9223372036854775808") { id } }`,
    undefined,
    'id must be a CallFire id (digits only, e.g. "13"); got "9223372036854775808"',
  ],
  ["limit 0", `{ texts(limit: 0) { totalCount } }`, undefined, "limit must be between 1 and 1000; got 0"],
  [
    "limit 1001 on a nested page",
    `{ textBroadcast(id: "13") { batches(limit: 1001) { totalCount } } }`,
    undefined,
    "limit must be between 1 and 1000; got 1001",
    ["GET /texts/broadcasts/13?fields=id"],
  ],
  [
    "a negative offset",
    `{ textAutoReplies(offset: -1) { totalCount } }`,
    undefined,
    "offset must be 0 or more; got -1",
  ],
  [
    "ids mixed with other filters",
    `{ texts(filter: { ids: ["1"], label: "x", inbound: true }) { totalCount } }`,
    undefined,
    "filter.ids cannot be combined with other filters (CallFire ignores them when ids are given); remove label, inbound or ids",
  ],
  [
    "an empty id list",
    `{ texts(filter: { ids: [] }) { totalCount } }`,
    undefined,
    "filter.ids must list 1 to 100 ids (leave it out to search all texts); got 0",
  ],
  [
    "more than 100 ids",
    `query ($ids: [ID!]) { texts(filter: { ids: $ids }) { totalCount } }`,
    { ids: Array.from({ length: 101 }, (_, index) => String(index + 1)) },
    "filter.ids must list 1 to 100 ids (leave it out to search all texts); got 101",
  ],
  [
    "a window that ends before it begins",
    `{ textBroadcast(id: "13") { stats(begin: "2024-02-01T00:00:00Z", end: "2024-01-01T00:00:00Z") { sentCount } } }`,
    undefined,
    "begin must not be after end",
    ["GET /texts/broadcasts/13?fields=id"],
  ],
  [
    "no recipients",
    `mutation { sendTexts(recipients: [], defaultMessage: "Hi") { id } }`,
    undefined,
    "recipients must hold 1 to 1000 recipients; got 0",
  ],
  [
    "a recipient without number or contact",
    `mutation { sendTexts(recipients: [{ phoneNumber: "12135551100" }, { message: "Hi" }], defaultMessage: "Hi") { id } }`,
    undefined,
    "recipients[1] needs a phoneNumber or a contactId",
  ],
  [
    "a recipient without a message",
    `mutation { sendTexts(recipients: [{ phoneNumber: "12135551100", message: "Hi" }, { contactId: "4" }]) { id } }`,
    undefined,
    "recipients[1] has no message: give recipients[1].message or defaultMessage",
  ],
  [
    "a phone number with a plus",
    `mutation { sendTexts(recipients: [{ phoneNumber: "+1 213 555 1100" }], defaultMessage: "Hi") { id } }`,
    undefined,
    "recipients[0]: phoneNumber must be digits only, no + or spaces (e.g. 12132000384, or a short code like 67076)",
  ],
  [
    "a nested rule of a broadcast input",
    `mutation {
      createTextBroadcast(input: { name: "n", message: "m", localTimeRestriction: { enabled: true, beginHour: 25 } }) { id }
    }`,
    undefined,
    "input.localTimeRestriction: beginHour must not be greater than 23",
  ],
  [
    "a schedule hour out of range",
    `mutation { createTextBroadcast(input: { name: "n", message: "m", schedules: [{ startTimeOfDay: { hour: 99, minute: 0 } }] }) { id } }`,
    undefined,
    "input.schedules[0].startTimeOfDay: hour must not be greater than 23",
  ],
  [
    "a schedule minute out of range, on an update",
    `mutation { updateTextBroadcast(id: "13", input: { schedules: [{ stopTimeOfDay: { hour: 9, minute: 60 } }] }) { id } }`,
    undefined,
    "input.schedules[0].stopTimeOfDay: minute must not be greater than 59",
  ],
  [
    "a time zone that does not exist",
    `mutation { createTextBroadcast(input: { name: "n", message: "m", schedules: [{ timeZone: "Not/AZone" }] }) { id } }`,
    undefined,
    "input.schedules[0]: timeZone must be an IANA time zone such as America/New_York",
  ],
  [
    "a date the month does not have",
    `mutation { createTextBroadcast(input: { name: "n", message: "m", schedules: [{ startDate: { year: 2030, month: 2, day: 30 } }] }) { id } }`,
    undefined,
    'input.schedules[0].startDate is not a date in the calendar; got {"year":2030,"month":2,"day":30}',
  ],
  [
    "a schedule that stops before it starts",
    `mutation { createTextBroadcast(input: { name: "n", message: "m", schedules: [{ startDate: { year: 2030, month: 3, day: 1 }, stopDate: { year: 2030, month: 2, day: 1 } }] }) { id } }`,
    undefined,
    "input.schedules[0].startDate must not be after input.schedules[0].stopDate",
  ],
  [
    "a schedule id that is not a CallFire id",
    `mutation { updateTextBroadcast(id: "13", input: { schedules: [{ id: "x", timeZone: "UTC" }] }) { id } }`,
    undefined,
    'input.schedules[0]: id must be a CallFire id (digits only, e.g. "13"); got "x"',
  ],
  [
    "a broadcast recipient with a bad contact id",
    `mutation { createTextBroadcast(input: { name: "n", message: "m", recipients: [{ contactId: "x" }] }) { id } }`,
    undefined,
    'input.recipients[0]: contactId must be a CallFire id (digits only, e.g. "13"); got "x"',
  ],
  [
    "a bad id in a list of ids",
    `{ texts(filter: { ids: ["1", "2", "x2"] }) { totalCount } }`,
    undefined,
    'filter: ids[2] must be a CallFire id (digits only, e.g. "13"); got "x2"',
  ],
  [
    "a batch from both a contact list and recipients",
    `mutation {
      addTextBroadcastBatch(broadcastId: "13", input: { contactListId: "5", recipients: [{ phoneNumber: "12135551100" }] }) { id }
    }`,
    undefined,
    "input needs exactly one of contactListId or recipients",
  ],
  [
    "a batch from neither",
    `mutation { addTextBroadcastBatch(broadcastId: "13", input: { name: "b" }) { id } }`,
    undefined,
    "input needs exactly one of contactListId or recipients",
  ],
  [
    "an auto-reply on neither number nor keyword",
    `mutation { createTextAutoReply(input: { message: "Thanks" }) { id } }`,
    undefined,
    "input needs a number or a keyword (or both) to listen on",
  ],
  [
    "an update that changes nothing",
    `mutation { updateBatch(id: "9", input: {}) { id } }`,
    undefined,
    "input changes nothing: give at least one field",
  ],
  [
    "toggling nobody",
    `mutation { toggleTextBroadcastRecipients(broadcastId: "13", recipients: [], enable: true) }`,
    undefined,
    "recipients must hold 1 to 1000 recipients; got 0",
  ],
];

describe("argument validation", () => {
  it.each(cases)(
    "rejects %s before its CallFire call",
    async (_name, query, variables, message, calls = []) => {
      const result = await h.run(query, variables);
      expect(badInput(result)).toEqual([message]);
      expect(h.calls()).toEqual(calls);
    },
  );

  it("lists every class-validator failure in one message", async () => {
    const result = await h.run(`mutation {
      createTextBroadcast(input: { name: "", message: "m", maxActive: 0, recipients: [{ phoneNumber: "1", fromNumber: "x" }] }) { id }
    }`);
    expect(badInput(result)).toEqual([
      "input: name must be longer than or equal to 1 characters; input: maxActive must not be less than 1; " +
        "input.recipients[0]: phoneNumber must be digits only, no + or spaces (e.g. 12132000384, or a short code like 67076); " +
        "input.recipients[0]: fromNumber must be digits only, no + or spaces (e.g. 12132000384, or a short code like 67076)",
    ]);
    expect(h.calls()).toEqual([]);
  });

  it("accepts a message from the broadcast when texts go through one (campaignId)", async () => {
    h.fake.on("POST", "/v2/texts", { body: { items: [] } });
    const result = await h.run(
      `mutation { sendTexts(recipients: [{ phoneNumber: "12135551100" }], campaignId: "13") { id } }`,
    );
    expect(result).toEqual({ data: { sendTexts: [] } });
    expect(h.calls()).toEqual(["POST /texts?campaignId=13&fields=items(id)"]);
  });
});

describe("type-graphql's own validation (validate: true without our validateFn)", () => {
  let plain: Harness;
  beforeAll(async () => {
    plain = await startHarness({ validation: "type-graphql" });
  });
  afterAll(() => plain.stop());

  it("is BAD_USER_INPUT, but its message does not say what to fix", async () => {
    const result = await plain.run(
      `mutation { createTextAutoReply(input: { number: "67076", message: "" }) { id } }`,
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.message).toBe("Argument Validation Error");
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      validationErrors: [
        {
          property: "input",
          children: [
            {
              property: "message",
              value: "",
              constraints: { isLength: "message must be longer than or equal to 1 characters" },
            },
          ],
        },
      ],
    });
    expect(plain.fake.calls).toEqual([]);
  });
});
