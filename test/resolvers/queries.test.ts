import { describe, expect, it } from "vitest";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { codes, useHarness } from "./harness.js";

const h = useHarness();

describe("root lookups", () => {
  it("loads a text by id through the batched text loader, with nested broadcast and batch", async () => {
    const result = await h.run(`{
      text(id: "13405") { id state created campaignId batchId broadcast { id name } batch { id } }
    }`);
    expect(result).toEqual({
      data: {
        text: {
          id: "13405",
          state: "READY",
          created: "2015-09-27T19:32:38.000Z",
          campaignId: "13",
          batchId: "11",
          broadcast: { id: "13", name: "Example API SMS" },
          // Batch 11 is unknown to CallFire: null rather than an error.
          batch: null,
        },
      },
    });
    expect(h.calls().sort()).toEqual([
      "GET /campaigns/batches/11?fields=id",
      "GET /texts/broadcasts/13?fields=id,name",
      "GET /texts?id=13405&limit=1&fields=items(id,state,created,campaignId,batchId)",
    ]);
  });

  it("answers null, without an error, for ids CallFire does not know", async () => {
    const result = await h.run(`{
      text(id: "999") { id }
      textBroadcast(id: "999") { id }
      batch(id: "999") { id }
      textAutoReply(id: "999") { id }
    }`);
    expect(result).toEqual({ data: { text: null, textBroadcast: null, batch: null, textAutoReply: null } });
    expect(h.calls().sort()).toEqual([
      "GET /campaigns/batches/999?fields=id",
      "GET /texts/auto-replys/999?fields=id",
      "GET /texts/broadcasts/999?fields=id",
      "GET /texts?id=999&limit=1&fields=items(id)",
    ]);
  });

  it("resolves entity representations through the same lookups; a bad id fails alone, before any call", async () => {
    const result = await h.run(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Text { id } ... on TextBroadcast { id } } }`,
      {
        r: [
          { __typename: "Text", id: "13403" },
          { __typename: "Text", id: "x" },
          { __typename: "TextBroadcast", id: "999" },
        ],
      },
    );
    expect(result.data).toEqual({ _entities: [{ id: "13403" }, null, null] });
    expect(result.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['id must be a CallFire id (digits only, e.g. "13"); got "x"', "BAD_USER_INPUT"],
    ]);
    expect(h.calls().sort()).toEqual([
      "GET /texts/broadcasts/999?fields=id",
      "GET /texts?id=13403&limit=1&fields=items(id)",
    ]);
  });

  it("lets errors other than NOT_FOUND through", async () => {
    h.fake.on("GET", "/v2/texts/broadcasts/:id", {
      status: 403,
      body: { httpStatusCode: 403, internalCode: 0, message: "Forbidden" },
    });
    const result = await h.run(`{ textBroadcast(id: "13") { id } }`);
    expect(result.data).toEqual({ textBroadcast: null });
    expect(codes(result)).toEqual(["FORBIDDEN"]);
  });

  it("gives Text.broadcast null for the default campaign, without asking CallFire when it is 0", async () => {
    h.fake.on("GET", "/v2/texts", (call) => ({
      body: {
        items: call.query.getAll("id").map((id) => ({
          ...callfireFixture("texts/getText.response.json"),
          id: Number(id),
          // 13413 says 0; 13414 carries the default campaign's real id (20), which is no text broadcast.
          campaignId: id === "13413" ? 0 : 20,
        })),
      },
    }));
    const result = await h.run(`{
      a: text(id: "13413") { campaignId broadcast { id } }
      b: text(id: "13414") { campaignId broadcast { id } }
    }`);
    expect(result).toEqual({
      data: { a: { campaignId: "0", broadcast: null }, b: { campaignId: "20", broadcast: null } },
    });
    expect(h.calls()).toEqual([
      "GET /texts?id=13413&id=13414&limit=2&fields=items(id,campaignId)",
      "GET /texts/broadcasts/20?fields=id",
    ]);
  });
});

describe("lists", () => {
  it("passes filters and paging to GET /texts", async () => {
    const result = await h.run(
      `query ($filter: TextFilter) {
        texts(filter: $filter, limit: 2, offset: 0) { totalCount hasMore limit offset items { id toNumber } }
      }`,
      {
        filter: {
          campaignId: "13",
          states: ["READY", "FINISHED"],
          inbound: false,
          intervalBegin: "2015-09-27T00:00:00.000Z",
        },
      },
    );
    expect(result).toEqual({
      data: {
        texts: {
          totalCount: 4107,
          hasMore: true,
          limit: 2,
          offset: 0,
          items: [
            { id: "13405", toNumber: "12135551123" },
            { id: "13404", toNumber: "12135551122" },
          ],
        },
      },
    });
    expect(h.calls()).toEqual([
      "GET /texts?campaignId=13&states=READY%2CFINISHED&inbound=false&intervalBegin=1443312000000&limit=2&offset=0&fields=items(id,toNumber),limit,offset,totalCount",
    ]);
  });

  it("primes the by-id loaders from list results", async () => {
    const result = await h.run(`{
      textBroadcasts { items { id batches { items { id broadcast { id name } } } } }
      textAutoReplies(number: "67076") { totalCount items { id keyword message } }
    }`);
    expect(result.data).toEqual({
      textBroadcasts: {
        items: [
          { id: "3", batches: { items: [] } },
          { id: "13", batches: { items: [{ id: "9", broadcast: { id: "13", name: "Example API SMS" } }] } },
        ],
      },
      textAutoReplies: {
        totalCount: 2,
        items: [
          { id: "4", keyword: null, message: "Short code reply. Echo - ${text.message}!" },
          { id: "15", keyword: "CALLFIRE", message: "I am a leaf on the wind" },
        ],
      },
    });
    // Batch 9's broadcast came with the broadcast list: no GET /texts/broadcasts/13.
    expect(h.calls().sort()).toEqual([
      "GET /texts/auto-replys?number=67076&fields=items(id,keyword,message),limit,offset,totalCount",
      "GET /texts/broadcasts/13/batches?fields=items(id,broadcastId),limit,offset,totalCount",
      "GET /texts/broadcasts/3/batches?fields=items(id,broadcastId),limit,offset,totalCount",
      // Batch.broadcast { id name } reads the broadcasts primed from this list: they carry name.
      "GET /texts/broadcasts?fields=items(id,name),limit,offset,totalCount",
    ]);
  });

  it("deduplicates nested lookups of the same id", async () => {
    const result = await h.run(`{ texts(limit: 2) { items { id broadcast { id } } } }`);
    expect(result.data).toEqual({
      texts: {
        items: [
          { id: "13405", broadcast: { id: "13" } },
          { id: "13404", broadcast: { id: "13" } },
        ],
      },
    });
    expect(h.calls()).toEqual([
      "GET /texts?limit=2&fields=items(id,campaignId),limit,offset,totalCount",
      "GET /texts/broadcasts/13?fields=id",
    ]);
  });

  it("resolves textBroadcasts with stats, batches and texts → batch in an exact number of calls", async () => {
    // Broadcast 13's texts answer last, so its batch page (batch 9) has primed the batch loader by then.
    h.fake.on("GET", "/v2/texts/broadcasts/:id/texts", (call) =>
      call.params.id === "13"
        ? { body: callfireFixture("textBroadcasts/getTexts.response.json"), delayMs: 150 }
        : { body: { items: [], totalCount: 0 } },
    );
    const result = await h.run(`{
      textBroadcasts {
        totalCount
        hasMore
        items {
          id
          status
          lastModified
          stats { totalOutboundCount errorCount receivedCount billedAmount }
          batches { totalCount items { id status created } }
          texts { totalCount items { id batch { id name } } }
        }
      }
    }`);
    const stats = { totalOutboundCount: 6, errorCount: 6, receivedCount: 0, billedAmount: 0 };
    expect(result).toEqual({
      data: {
        textBroadcasts: {
          totalCount: 2,
          hasMore: false,
          items: [
            {
              id: "3",
              status: "FINISHED",
              lastModified: "2015-09-27T05:54:55.000Z",
              stats,
              batches: { totalCount: 0, items: [] },
              texts: { totalCount: 0, items: [] },
            },
            {
              id: "13",
              status: "STOPPED",
              lastModified: "2015-09-27T19:06:14.000Z",
              stats,
              batches: {
                totalCount: 1,
                items: [{ id: "9", status: "ACTIVE", created: "2015-09-27T19:06:14.000Z" }],
              },
              texts: {
                totalCount: 4,
                items: [
                  { id: "13405", batch: null },
                  { id: "13404", batch: { id: "10", name: "API 13 (2)" } },
                  { id: "13403", batch: { id: "9", name: "API 13" } },
                  { id: "13402", batch: { id: "9", name: "API 13" } },
                ],
              },
            },
          ],
        },
      },
    });
    // 1 list + 3 per broadcast + the two batches not primed (9 came with the batch page; each id once).
    expect(h.calls().sort()).toEqual([
      "GET /campaigns/batches/10?fields=id,name,status,created",
      "GET /campaigns/batches/11?fields=id,name,status,created",
      "GET /texts/broadcasts/13/batches?fields=items(id,name,status,created),limit,offset,totalCount",
      "GET /texts/broadcasts/13/stats?fields=totalOutboundCount,billedAmount,recievedCount,errorCount",
      "GET /texts/broadcasts/13/texts?fields=items(id,batchId),limit,offset,totalCount",
      "GET /texts/broadcasts/3/batches?fields=items(id,name,status,created),limit,offset,totalCount",
      "GET /texts/broadcasts/3/stats?fields=totalOutboundCount,billedAmount,recievedCount,errorCount",
      "GET /texts/broadcasts/3/texts?fields=items(id,batchId),limit,offset,totalCount",
      "GET /texts/broadcasts?fields=items(id,status,lastModified),limit,offset,totalCount",
    ]);
  });

  it("takes texts' batches from their broadcasts' batch lists even when the lists answer after the texts: 1 + 3·B calls", async () => {
    // B = 3 broadcasts, each with 2 batches and a text in each. The batch lists answer 150 ms after
    // everything else, so every Text.batch is asked for while its broadcast's list is still loading.
    const broadcastIds = [21, 22, 23];
    const batchesOf = (id: number) => [
      { id: id * 10 + 1, name: `Batch ${id}.1`, broadcastId: id },
      { id: id * 10 + 2, name: `Batch ${id}.2`, broadcastId: id },
    ];
    const page = (items: object[]) => ({ items, limit: 10, offset: 0, totalCount: items.length });
    h.fake.on("GET", "/v2/texts/broadcasts", { body: page(broadcastIds.map((id) => ({ id }))) });
    h.fake.on("GET", "/v2/texts/broadcasts/:id/batches", (call) => ({
      body: page(batchesOf(Number(call.params.id))),
      delayMs: 150,
    }));
    // A batch fetched on its own would answer the same: only the calls show the difference.
    h.fake.on("GET", "/v2/campaigns/batches/:id", (call) => {
      const id = Number(call.params.id);
      return { body: batchesOf(Math.floor(id / 10)).find((batch) => batch.id === id) };
    });
    h.fake.on("GET", "/v2/texts/broadcasts/:id/texts", (call) => ({
      body: page(
        batchesOf(Number(call.params.id)).map((batch) => ({ id: batch.id * 100, batchId: batch.id })),
      ),
    }));
    const result = await h.run(`{
      textBroadcasts {
        items {
          id
          stats { sentCount }
          batches { items { id name } }
          texts { items { id batch { id name } } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const items = (result.data as { textBroadcasts: { items: Array<{ texts: { items: unknown[] } }> } })
      .textBroadcasts.items;
    expect(items.map((item) => item.texts.items)).toEqual(
      broadcastIds.map((id) =>
        batchesOf(id).map((batch) => ({
          id: String(batch.id * 100),
          batch: { id: String(batch.id), name: batch.name },
        })),
      ),
    );
    const calls = h.calls();
    expect(calls.filter((call) => call.startsWith("GET /campaigns/batches/"))).toEqual([]);
    expect(calls).toHaveLength(1 + 3 * broadcastIds.length);
  });

  it("pages a batch's texts through its broadcast, and finds the broadcast from the batch", async () => {
    const result = await h.run(`{
      batch(id: "9") { id broadcast { id name } texts(limit: 10) { items { id batch { id } } } }
    }`);
    expect(result).toEqual({
      data: {
        batch: {
          id: "9",
          broadcast: { id: "13", name: "Example API SMS" },
          texts: {
            items: [
              { id: "13403", batch: { id: "9" } },
              { id: "13402", batch: { id: "9" } },
            ],
          },
        },
      },
    });
    expect(h.calls().sort()).toEqual([
      "GET /campaigns/batches/9?fields=id,broadcastId",
      "GET /texts/broadcasts/13/texts?batchId=9&limit=10&fields=items(id,batchId),limit,offset,totalCount",
      "GET /texts/broadcasts/13?fields=id,name",
    ]);
  });

  it("sends a stats window and a texts batch filter", async () => {
    const result = await h.run(`{
      textBroadcast(id: "13") {
        stats(begin: "2015-09-27T00:00:00.000Z", end: "2015-09-28T00:00:00.000Z") { sentCount }
        texts(batchId: "9", offset: 1, limit: 1) { items { id } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(h.calls().sort()).toEqual([
      "GET /texts/broadcasts/13/stats?begin=1443312000000&end=1443398400000&fields=sentCount",
      "GET /texts/broadcasts/13/texts?batchId=9&limit=1&offset=1&fields=items(id),limit,offset,totalCount",
      "GET /texts/broadcasts/13?fields=id",
    ]);
  });

  it("tolerates enum values CallFire adds later", async () => {
    h.fake.on("GET", "/v2/texts/broadcasts/:id", {
      body: {
        ...callfireFixture("textBroadcasts/getTextBroadcast.response.json"),
        status: "PAUSED_BY_2031_FEATURE",
      },
    });
    h.fake.on("GET", "/v2/texts", {
      body: {
        items: [
          { ...callfireFixture("texts/getText.response.json"), state: "QUANTUM", finalTextResult: "ECHOED" },
        ],
      },
    });
    const result = await h.run(`{
      textBroadcast(id: "13") { id status }
      text(id: "13413") { id state finalTextResult }
    }`);
    expect(result).toEqual({
      data: {
        textBroadcast: { id: "13", status: "UNKNOWN" },
        text: { id: "13413", state: null, finalTextResult: null },
      },
    });
    expect(h.log.lines.filter((line) => line.level === "warn").map((line) => line.fields.value)).toEqual(
      expect.arrayContaining(["PAUSED_BY_2031_FEATURE", "QUANTUM", "ECHOED"]),
    );
  });
});
