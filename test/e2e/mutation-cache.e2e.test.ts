// What a mutation changes is read fresh later in the same operation: a broadcast's state loaded before a
// mutation is not answered from the request's cache after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("cached state after mutations, over HTTP", () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
  });
  afterAll(() => graph?.stop());

  async function gql(query: string) {
    const response = await fetch(graph.app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, never>; errors?: unknown[] };
  }

  it("sendTexts with a campaignId forgets that broadcast's cached stats", async () => {
    const created = await gql(
      `mutation { createTextBroadcast(input: { name: "cache", message: "m" }) { id } }`,
    );
    const id = (created.data?.createTextBroadcast as unknown as { id: string }).id;
    // Mutation fields run one after the other in one request, sharing its loaders.
    const result = await gql(`mutation {
      before: updateTextBroadcast(id: "${id}", input: { name: "cache 2" }) { stats { totalOutboundCount } }
      sent: sendTexts(campaignId: "${id}", recipients: [{ phoneNumber: "12135550701" }]) {
        broadcast { name stats { totalOutboundCount } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      before: { stats: { totalOutboundCount: 0 } },
      sent: [{ broadcast: { name: "cache 2", stats: { totalOutboundCount: 1 } } }],
    });
  });
});
