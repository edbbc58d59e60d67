// Subscriptions end to end over real WebSockets (graphql-ws client): the embedded sandbox delivers signed
// webhooks to the graph's receiver, which publishes them to subscribers of the same account only.
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth, postGraphQL } from "../helpers/graphql-http.js";
import { collect, type LiveGraph, startLiveGraph, wsClient } from "../helpers/live-graph.js";

let graph: LiveGraph;

beforeAll(async () => {
  graph = await startLiveGraph();
});
afterAll(() => graph.stop());

async function mutate<T>(query: string, variables: Record<string, unknown>, authorization?: string) {
  const response = await postGraphQL<T, Record<string, unknown>>(
    graph.app.url,
    parse(query),
    variables,
    authorization ? { authorization } : {},
  );
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

describe("the scripted sandbox story", () => {
  it("delivers exactly the expected events, in order, with nested fields resolved as in queries", async () => {
    const account = graph.serverAccount;
    const { createTextBroadcast: broadcast } = await mutate<{ createTextBroadcast: { id: string } }>(
      `mutation($input: TextBroadcastInput!) { createTextBroadcast(input: $input) { id } }`,
      {
        input: {
          name: "Live story",
          message: "Hello",
          maxActive: 1,
          recipients: [{ phoneNumber: "12135550100" }, { phoneNumber: "12135550001" }],
        },
      },
    );
    const client = wsClient(graph.wsUrl);
    const status = collect<{ textBroadcastStatusChanged: { id: string; name: string; status: string } }>(
      client,
      `subscription($id: ID) { textBroadcastStatusChanged(id: $id) { id name status } }`,
      { id: broadcast.id },
    );
    const finished = collect<{ textFinished: unknown }>(
      client,
      `subscription($id: ID) { textFinished(broadcastId: $id) {
         toNumber state finalTextResult batch { name } broadcast { id name stats { sentCount doNotTextCount } } } }`,
      { id: broadcast.id },
    );
    const received = collect<{ textReceived: unknown }>(
      client,
      `subscription { textReceived(toNumber: "67076") { fromNumber toNumber message inbound broadcast { id } } }`,
    );
    await graph.metricReaches("graphql_subscriptions", 3);

    await mutate(`mutation($id: ID!) { startTextBroadcast(id: $id) { status } }`, { id: broadcast.id });
    await graph.sandboxCall("/sandbox/tick?count=2", account);
    await finished.take(1);
    await mutate(`mutation($id: ID!) { stopTextBroadcast(id: $id) { status } }`, { id: broadcast.id });
    await graph.sandboxCall("/sandbox/inbound", account, {
      fromNumber: "12135550199",
      message: "Stop texting me",
    });
    await received.take(1);
    await mutate(`mutation($id: ID!) { startTextBroadcast(id: $id) { status } }`, { id: broadcast.id });
    await graph.sandboxCall("/sandbox/tick?count=2", account);

    const statuses = await status.take(4);
    expect(statuses.map((result) => result.data?.textBroadcastStatusChanged)).toEqual(
      ["RUNNING", "STOPPED", "RUNNING", "FINISHED"].map((s) => ({
        id: broadcast.id,
        name: "Live story",
        status: s,
      })),
    );
    expect((await finished.take(2)).map((result) => result.data?.textFinished)).toEqual([
      {
        toNumber: "12135550100",
        state: "FINISHED",
        finalTextResult: "SENT",
        batch: { name: expect.any(String) },
        broadcast: { id: broadcast.id, name: "Live story", stats: { sentCount: 1, doNotTextCount: 0 } },
      },
      {
        toNumber: "12135550001",
        state: "FINISHED",
        finalTextResult: "DNT",
        batch: { name: expect.any(String) },
        broadcast: { id: broadcast.id, name: "Live story", stats: { sentCount: 1, doNotTextCount: 1 } },
      },
    ]);
    expect(received.results.map((result) => result.data?.textReceived)).toEqual([
      {
        fromNumber: "12135550199",
        toNumber: "67076",
        message: "Stop texting me",
        inbound: true,
        broadcast: null,
      },
    ]);
    // Nothing else arrived: the broadcast's FINISHED was the sandbox's last event.
    expect(status.results).toHaveLength(4);
    expect(finished.results).toHaveLength(2);
    await client.dispose();
    await graph.metricReaches("graphql_subscriptions", 0);
    await graph.metricReaches("graphql_ws_connections", 0);
  });
});

describe("accounts", () => {
  it("two accounts subscribed at once never see each other's events", async () => {
    const alice = { login: "alice-live", password: "alice-pw" };
    const bob = { login: "bob-live", password: "bob-pw" };
    const aliceClient = wsClient(graph.wsUrl, basicAuth(alice.login, alice.password));
    const bobClient = wsClient(graph.wsUrl, basicAuth(bob.login, bob.password));
    const query = `subscription { textReceived { fromNumber message } }`;
    const toAlice = collect<{ textReceived: { message: string } }>(aliceClient, query);
    const toBob = collect<{ textReceived: { message: string } }>(bobClient, query);
    await graph.metricReaches("graphql_subscriptions", 2);

    await graph.sandboxCall("/sandbox/inbound", alice, { fromNumber: "12135550111", message: "for alice 1" });
    await graph.sandboxCall("/sandbox/inbound", bob, { fromNumber: "12135550112", message: "for bob 1" });
    await graph.sandboxCall("/sandbox/inbound", alice, { fromNumber: "12135550111", message: "for alice 2" });
    await graph.sandboxCall("/sandbox/inbound", bob, { fromNumber: "12135550112", message: "for bob 2" });
    const messages = (results: { data?: { textReceived: { message: string } } | null }[]) =>
      results.map((result) => result.data?.textReceived.message);
    // Each account's events arrive in order; one of the other's would have come before its second.
    expect(messages(await toAlice.take(2))).toEqual(["for alice 1", "for alice 2"]);
    expect(messages(await toBob.take(2))).toEqual(["for bob 1", "for bob 2"]);
    await Promise.all([aliceClient.dispose(), bobClient.dispose()]);
    await graph.metricReaches("graphql_subscriptions", 0);
  });

  it("a known login with a wrong password gets UNAUTHENTICATED and no subscription", async () => {
    const client = wsClient(graph.wsUrl, basicAuth(graph.serverAccount.login, "not-the-password"));
    const attempt = collect(client, `subscription { textReceived { id } }`);
    const [result] = await attempt.take(1);
    expect(result?.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(await graph.metric("graphql_subscriptions")).toBe(0);
    await client.dispose();
  });

  it("queries and mutations are refused over the WebSocket, saying to use HTTP", async () => {
    const client = wsClient(graph.wsUrl);
    const attempt = collect(client, `{ textBroadcasts { totalCount } }`);
    await expect(attempt.take(1)).rejects.toThrow();
    expect(attempt.failure).toEqual([
      expect.objectContaining({
        message:
          "Only subscriptions go over the WebSocket; send queries and mutations with HTTP POST to /graphql.",
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
    await client.dispose();
  });

  it("a bad argument is BAD_USER_INPUT before anything is registered", async () => {
    const client = wsClient(graph.wsUrl);
    const attempt = collect(client, `subscription { textFinished(broadcastId: "abc") { id } }`);
    const [result] = await attempt.take(1);
    expect(result?.errors?.[0]).toMatchObject({
      message: 'broadcastId must be a CallFire id (digits only, e.g. "13"); got "abc"',
      extensions: { code: "BAD_USER_INPUT" },
    });
    await client.dispose();
  });
});
