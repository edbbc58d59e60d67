import { describe, expect, it } from "vitest";
import type * as Dto from "../../datasources/callfire.dto.js";
import { toPage, toText, toTextBroadcast } from "../../datasources/to-model.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { createRecordingLogger } from "../helpers/recording-logger.js";

const same = (item: number): number => item;

describe("toPage.hasMore", () => {
  it.each([
    ["totalCount known, more after this page", { items: [1, 2], offset: 0, totalCount: 3 }, {}, true],
    ["totalCount known, last page", { items: [1, 2], offset: 1, totalCount: 3 }, {}, false],
    ["totalCount known, no offset given", { items: [1, 2], totalCount: 2 }, {}, false],
    ["totalCount -1, full page", { items: [1, 2], limit: 2, totalCount: -1 }, {}, true],
    ["totalCount -1, short page", { items: [1], limit: 2, totalCount: -1 }, {}, false],
    ["no totalCount, the asked limit filled", { items: [1, 2] }, { limit: 2 }, true],
    ["no totalCount and no limit", { items: [1, 2] }, {}, false],
    ["empty page of limit 0", { items: [], limit: 0, totalCount: -1 }, {}, false],
  ])("%s", (_case, dto, requested, hasMore) => {
    expect(toPage<number, number>(dto, requested, same).hasMore).toBe(hasMore);
  });

  it("falls back to the asked limit and offset, and a missing items array is []", () => {
    expect(toPage<number, number>({ totalCount: 0 }, { limit: 10, offset: 20 }, same)).toEqual({
      items: [],
      limit: 10,
      offset: 20,
      totalCount: 0,
      hasMore: false,
    });
  });
});

describe("toText", () => {
  it("maps media, labels and attributes", () => {
    const log = createRecordingLogger();
    const dto: Dto.Text = {
      id: 1,
      labels: ["a", "b"],
      attributes: { name: "Alice" },
      media: [
        {
          id: 5,
          name: "logo.png",
          mediaType: "image/png",
          lengthInBytes: 2048,
          publicUrl: "https://example.invalid/logo.png",
          created: 1443403042000,
        },
      ],
    };
    expect(toText(dto, log)).toMatchObject({
      id: "1",
      labels: ["a", "b"],
      attributes: { name: "Alice" },
      media: [
        {
          id: "5",
          name: "logo.png",
          mediaType: "image/png",
          lengthInBytes: 2048,
          publicUrl: "https://example.invalid/logo.png",
          created: new Date(1443403042000),
        },
      ],
      contact: null,
      campaignId: null,
    });
    expect(log.lines).toEqual([]);
  });

  it("maps every contact name and phone, and each record's number, to its own field", () => {
    const log = createRecordingLogger();
    const text = toText(
      {
        id: 1,
        contact: {
          id: 7,
          firstName: "Ada",
          lastName: "Lovelace",
          homePhone: "12135550001",
          workPhone: "12135550002",
          mobilePhone: "12135550003",
        },
        records: [{ id: 9, toNumber: "12135550004", textResult: "SENT", billedAmount: 1, finishTime: 1 }],
      },
      log,
    );
    expect(text.contact).toEqual({
      id: "7",
      firstName: "Ada",
      lastName: "Lovelace",
      homePhone: "12135550001",
      workPhone: "12135550002",
      mobilePhone: "12135550003",
    });
    expect(text.records.map((record) => record.toNumber)).toEqual(["12135550004"]);
  });

  it("a text without an id is an unexpected answer", () => {
    expect(() => toText({ message: "x" }, createRecordingLogger())).toThrow(
      "CallFire returned a text without an id; try again later",
    );
  });
});

describe("toTextBroadcast", () => {
  it("knows every status of the fixtures without logging", () => {
    const log = createRecordingLogger();
    const page = callfireFixture<Dto.TextBroadcastPage>("textBroadcasts/findTextBroadcasts.response.json");
    expect((page.items ?? []).map((item) => toTextBroadcast(item, log).status)).toEqual([
      "FINISHED",
      "STOPPED",
    ]);
    expect(log.lines).toEqual([]);
  });
});
