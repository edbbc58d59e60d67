// Apollo Client 4 and 3 over real HTTP against the server: the examples run with HttpLink and
// InMemoryCache as the README sets them up, and the normalised cache keeps every object the dashboard
// and detail pages read. Both versions are installed side by side: apollo-client-3 is an npm alias of
// @apollo/client@3, loaded through its React-free /core entry.
import * as apolloClient4 from "@apollo/client";
import * as apolloClient3 from "apollo-client-3/core";
import type { DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apolloTypePolicies } from "../../clients/generated/cache-config.js";
import { captureConsole } from "../helpers/console-capture.js";
import { exampleSource } from "../helpers/examples.js";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";
import { runEveryExample } from "./example-scenario.js";

/** The part of Apollo Client's API these tests use; identical in versions 3 and 4. */
interface ApolloClientLike {
  query(options: {
    query: DocumentNode;
    variables?: Record<string, unknown>;
    fetchPolicy?: "cache-first" | "cache-only" | "network-only";
  }): Promise<{ data?: unknown }>;
  mutate(options: {
    mutation: DocumentNode;
    variables?: Record<string, unknown>;
  }): Promise<{ data?: unknown }>;
  readQuery(options: { query: DocumentNode; variables?: Record<string, unknown> }): unknown;
}
interface ApolloModule {
  ApolloClient: new (options: { link: unknown; cache: unknown }) => ApolloClientLike;
  HttpLink: new (options: { uri: string; fetch: typeof fetch }) => unknown;
  InMemoryCache: new (options?: { typePolicies?: object }) => unknown;
  gql(source: string): DocumentNode;
}

const VERSIONS: [string, ApolloModule][] = [
  ["Apollo Client 4", apolloClient4 as unknown as ApolloModule],
  ["Apollo Client 3", apolloClient3 as unknown as ApolloModule],
];

describe.each(VERSIONS)("%s", (_name, apollo) => {
  let graph: TestGraph;
  const requests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    requests.push(init?.method ?? "GET");
    return fetch(input, init);
  };
  const makeClient = (typePolicies?: object) =>
    new apollo.ApolloClient({
      link: new apollo.HttpLink({ uri: graph.app.url, fetch: countingFetch }),
      cache: new apollo.InMemoryCache(typePolicies ? { typePolicies } : {}),
    });

  beforeAll(async () => {
    graph = await startTestGraph({ sandbox: { deliveryIntervalMs: 0 } });
  });
  afterAll(() => graph?.stop());

  it("runs every example as committed, and the cache says nothing", async () => {
    const client = makeClient(apolloTypePolicies);
    const printed = await captureConsole(async () => {
      await runEveryExample(async (kind, source, variables) => {
        const document = apollo.gql(source);
        const result =
          kind === "query"
            ? await client.query({ query: document, variables })
            : await client.mutate({ mutation: document, variables });
        return result.data as Record<string, unknown>;
      });
    });
    expect(printed).toEqual([]);
  });

  const dashboard = () => apollo.gql(exampleSource("BroadcastDashboard"));
  const detail = () => apollo.gql(exampleSource("BroadcastDetail"));

  /** Dashboard then detail from the network; returns both answers and the detail's variables. */
  async function dashboardThenDetail(client: ApolloClientLike) {
    const fromDashboard = await client.query({ query: dashboard(), variables: { limit: 5 } });
    const id = (fromDashboard.data as { textBroadcasts: { items: { id: string }[] } }).textBroadcasts.items[0]
      .id;
    const fromDetail = await client.query({ query: detail(), variables: { id } });
    return { dashboardData: fromDashboard.data, detailData: fromDetail.data, id };
  }

  it("answers the dashboard and then the detail page completely from the cache, with no warning", async () => {
    const client = makeClient(apolloTypePolicies);
    const printed = await captureConsole(async () => {
      const { dashboardData, detailData, id } = await dashboardThenDetail(client);
      requests.length = 0;
      const cachedDashboard = await client.query({
        query: dashboard(),
        variables: { limit: 5 },
        fetchPolicy: "cache-only",
      });
      const cachedDetail = await client.query({
        query: detail(),
        variables: { id },
        fetchPolicy: "cache-only",
      });
      expect(cachedDashboard.data).toEqual(dashboardData);
      expect(cachedDetail.data).toEqual(detailData);
      expect(requests).toEqual([]);
    });
    expect(printed).toEqual([]);
  });

  it("loses the dashboard's stats to the detail page without the shipped type policies (what they fix)", async () => {
    const client = makeClient();
    const printed = await captureConsole(async () => {
      await dashboardThenDetail(client);
      // TextBroadcastStats has no id: the detail's stats replaced the dashboard's, fields and all.
      expect(client.readQuery({ query: dashboard(), variables: { limit: 5 } })).toBeNull();
    });
    // Both versions warn about it in development ("Cache data may be lost…"): the capture sees it.
    expect(printed).toHaveLength(1);
  });
});
