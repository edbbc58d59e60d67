// Automatic persisted queries (Apollo Client's persisted-query link): a client may send only the hash of
// a query it sent before, which keeps requests small.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

describe("automatic persisted queries", () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph({ env: { LOG_LEVEL: "silent" } });
  });
  afterAll(() => graph?.stop());

  it("asks for the query once, then answers from its hash alone", async () => {
    const query = "{ textAutoReplies { totalCount } }";
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const send = (body: object) =>
      fetch(graph.app.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...body, extensions: { persistedQuery } }),
      }).then(
        (response) =>
          response.json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>,
      );

    expect((await send({})).errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await send({ query });
    expect(registered.errors).toBeUndefined();
    const byHash = await send({});
    expect(byHash).toEqual(registered);
  });
});
