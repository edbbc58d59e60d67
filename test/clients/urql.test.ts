// urql over real HTTP against the server: @urql/core with its default settings (queries go as GET with
// no preflight header, mutations as POST) runs every example, and graphcache with the shipped keys
// (clients/generated/cache-config.ts) answers the dashboard and detail pages from cache, warning-free.
import { cacheExchange as documentCacheExchange, Client, fetchExchange, gql } from "@urql/core";
import { cacheExchange as graphcacheExchange } from "@urql/exchange-graphcache";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urqlGraphcacheKeys } from "../../clients/generated/cache-config.js";
import { captureConsole } from "../helpers/console-capture.js";
import { exampleSource } from "../helpers/examples.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";
import { runEveryExample } from "./example-scenario.js";

describe("urql", () => {
  let graph: TestGraph;
  const requests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(init?.method ?? "GET");
    return fetch(input, init);
  };

  beforeAll(async () => {
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
  });
  afterAll(() => graph?.stop());

  /** Every example through `client`, each answered without an error. */
  function runEveryExampleOn(client: Client) {
    return runEveryExample(async (kind, source, variables) => {
      const result =
        kind === "query"
          ? await client.query(gql(source), variables).toPromise()
          : await client.mutation(gql(source), variables).toPromise();
      expect(result.error).toBeUndefined();
      return result.data as Record<string, unknown>;
    });
  }

  it("runs every example with the default client: queries by GET, mutations by POST", async () => {
    const client = new Client({
      url: graph.app.url,
      exchanges: [documentCacheExchange, fetchExchange],
      fetch: countingFetch,
    });
    requests.length = 0;
    const ran = await runEveryExampleOn(client);
    const queries = ran.filter((name) =>
      ["BroadcastDashboard", "BroadcastDetail", "TextsByIds", "AutoReplies"].includes(name),
    );
    expect(requests.filter((method) => method === "GET")).toHaveLength(queries.length);
    expect(requests.filter((method) => method === "POST")).toHaveLength(ran.length - queries.length);
  });

  it("runs every example through graphcache with the shipped keys, logging nothing", async () => {
    const client = new Client({
      url: graph.app.url,
      exchanges: [graphcacheExchange({ keys: urqlGraphcacheKeys }), fetchExchange],
    });
    const printed = await captureConsole(async () => {
      await runEveryExampleOn(client);
    });
    expect(printed).toEqual([]);
  });

  const dashboard = gql(exampleSource("BroadcastDashboard"));
  const detail = gql(exampleSource("BroadcastDetail"));

  async function dashboardThenDetailFromCache(client: Client) {
    const fromDashboard = await client.query(dashboard, { limit: 5 }).toPromise();
    const id = (fromDashboard.data as { textBroadcasts: { items: { id: string }[] } }).textBroadcasts.items[0]
      .id;
    const fromDetail = await client.query(detail, { id }).toPromise();
    requests.length = 0;
    const cachedDashboard = await client
      .query(dashboard, { limit: 5 }, { requestPolicy: "cache-only" })
      .toPromise();
    const cachedDetail = await client.query(detail, { id }, { requestPolicy: "cache-only" }).toPromise();
    return { fromDashboard, fromDetail, cachedDashboard, cachedDetail };
  }

  it("graphcache with the shipped keys answers the dashboard and then the detail page from cache, logging nothing", async () => {
    const client = new Client({
      url: graph.app.url,
      exchanges: [graphcacheExchange({ keys: urqlGraphcacheKeys }), fetchExchange],
      fetch: countingFetch,
    });
    const printed = await captureConsole(async () => {
      const { fromDashboard, fromDetail, cachedDashboard, cachedDetail } =
        await dashboardThenDetailFromCache(client);
      expect(cachedDashboard.data).toEqual(fromDashboard.data);
      expect(cachedDetail.data).toEqual(fromDetail.data);
      expect(requests).toEqual([]);
    });
    expect(printed).toEqual([]);
  });

  it("graphcache without keys warns about every type that has no id (what the keys fix)", async () => {
    const client = new Client({
      url: graph.app.url,
      exchanges: [graphcacheExchange(), fetchExchange],
      fetch: countingFetch,
    });
    const printed = await captureConsole(async () => {
      await dashboardThenDetailFromCache(client);
    });
    const unkeyed = new Set(printed.flatMap((line) => /`keys` config for `(\w+)`/.exec(line)?.[1] ?? []));
    expect([...unkeyed].sort()).toEqual(["BatchPage", "TextBroadcastPage", "TextBroadcastStats", "TextPage"]);
  });
});
