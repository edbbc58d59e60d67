// Partial responses through the resolvers: the exact `fields` of every CallFire call an operation costs,
// with the call counts of queries.test.ts unchanged.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyFields, parseFields } from "../../sandbox/http/fields-filter.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { useHarness } from "./harness.js";

const DASHBOARD = readFileSync(
  new URL("../../examples/broadcast-dashboard.graphql", import.meta.url),
  "utf8",
);

const h = useHarness();

describe("partial responses", () => {
  it("asks each call of the broadcast dashboard for what the dashboard reads of it", async () => {
    // Broadcast 13's texts answer last, so its batch page (batch 9) has primed the batch loader by then.
    h.fake.on("GET", "/v2/texts/broadcasts/:id/texts", (call) =>
      call.params.id === "13"
        ? { body: callfireFixture("textBroadcasts/getTexts.response.json"), delayMs: 150 }
        : { body: { items: [], totalCount: 0 } },
    );
    const result = await h.run(DASHBOARD, { limit: 10 }, "BroadcastDashboard");
    expect(result.errors).toBeUndefined();
    const batch = "id,name,status,size,remaining,enabled";
    const paging = "limit,offset,totalCount";
    const stats = "totalOutboundCount,remainingOutboundCount,sentCount,doNotTextCount,errorCount";
    const texts = `items(id,toNumber,state,finalTextResult,created,batchId),${paging}`;
    // The texts' batches 10 and 11 were not on a batch page: fetched by id with the same projection.
    expect(h.calls().sort()).toEqual([
      `GET /campaigns/batches/10?fields=${batch}`,
      `GET /campaigns/batches/11?fields=${batch}`,
      `GET /texts/broadcasts/13/batches?limit=10&fields=items(${batch}),${paging}`,
      `GET /texts/broadcasts/13/stats?fields=${stats}`,
      `GET /texts/broadcasts/13/texts?limit=5&fields=${texts}`,
      `GET /texts/broadcasts/3/batches?limit=10&fields=items(${batch}),${paging}`,
      `GET /texts/broadcasts/3/stats?fields=${stats}`,
      `GET /texts/broadcasts/3/texts?limit=5&fields=${texts}`,
      `GET /texts/broadcasts?limit=10&fields=items(id,name,status,lastModified),${paging}`,
    ]);
  });

  it("primes nothing from a page whose items are not read", async () => {
    // A CallFire that honours fields, as the real one and the sandbox do.
    const broadcasts = callfireFixture("textBroadcasts/findTextBroadcasts.response.json");
    h.fake.on("GET", "/v2/texts/broadcasts", (call) => ({
      body: applyFields(broadcasts, parseFields(call.query.get("fields") ?? "")),
    }));
    const result = await h.run(`{
      textBroadcasts { totalCount }
      batch(id: "9") { broadcast { id name } }
    }`);
    expect(result).toEqual({
      data: {
        textBroadcasts: { totalCount: 2 },
        batch: { broadcast: { id: "13", name: "Example API SMS" } },
      },
    });
    expect(h.calls().sort()).toEqual([
      "GET /campaigns/batches/9?fields=id,broadcastId",
      "GET /texts/broadcasts/13?fields=id,name",
      "GET /texts/broadcasts?fields=limit,offset,totalCount",
    ]);
  });
});
