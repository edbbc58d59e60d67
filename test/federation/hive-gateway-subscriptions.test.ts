// A client subscribed at a real federation gateway receives the live updates: Hive Gateway composes the
// supergraph from this subgraph, serves the client's subscription (server-sent events) and subscribes to
// the subgraph over graphql-ws, passing the client's Authorization on in connectionParams.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { createGatewayRuntime } from "@graphql-hive/gateway";
import { parse } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildSubgraph } from "../../src/graphql/schema.js";
import { basicAuth } from "../helpers/graphql-http.js";
import { type LiveGraph, startLiveGraph } from "../helpers/live-graph.js";

let graph: LiveGraph;
let gatewayServer: http.Server;
let gatewayUrl: string;
let disposeGateway: () => Promise<void>;

beforeAll(async () => {
  graph = await startLiveGraph();
  const composed = composeServices([
    { name: "callfire", typeDefs: parse(printSubgraphSchema(await buildSubgraph())), url: graph.app.url },
  ]);
  expect(composed.errors).toBeUndefined();
  const gateway = createGatewayRuntime({
    supergraph: composed.supergraphSdl as string,
    transportEntries: {
      callfire: {
        options: {
          subscriptions: {
            kind: "ws",
            location: "/graphql",
            options: { connectionParams: { Authorization: "{context.headers.authorization}" } },
          },
        },
      },
    },
    logging: false,
  });
  disposeGateway = async () => {
    await gateway[Symbol.asyncDispose]();
  };
  gatewayServer = http.createServer(gateway);
  await new Promise<void>((resolve) => gatewayServer.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gatewayServer.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  gatewayServer.closeAllConnections();
  await new Promise((resolve) => gatewayServer.close(resolve));
  await disposeGateway();
  await graph.stop();
});

/** Subscribes at the gateway with server-sent events; `events` fills as they arrive. */
function subscribeAtGateway(query: string, authorization: string) {
  const controller = new AbortController();
  const events: unknown[] = [];
  const reading = (async () => {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    let buffered = "";
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf("\n\n")) >= 0) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = message.split("\n").find((line) => line.startsWith("data:"));
        if (message.startsWith("event: next") && data) events.push(JSON.parse(data.slice(5)));
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  return {
    events,
    async take(count: number) {
      for (let attempt = 0; attempt < 400 && events.length < count; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(events.length).toBeGreaterThanOrEqual(count);
      return events.slice(0, count);
    },
    async stop() {
      controller.abort();
      await reading;
    },
  };
}

it("a client subscribed at the gateway receives its own account's events, with nested fields", async () => {
  const alice = { login: "alice-at-gateway", password: "alice-pw" };
  const subscription = subscribeAtGateway(
    `subscription { textReceived { fromNumber message broadcast { id } } }`,
    basicAuth(alice.login, alice.password),
  );
  await graph.metricReaches("graphql_subscriptions", 1);

  await graph.sandboxCall("/sandbox/inbound", alice, {
    fromNumber: "12135550170",
    message: "via the gateway",
  });
  // The server's own account is another account: its text must not reach Alice.
  await graph.sandboxCall("/sandbox/inbound", graph.serverAccount, {
    fromNumber: "12135550171",
    message: "not alice",
  });
  await graph.sandboxCall("/sandbox/inbound", alice, { fromNumber: "12135550170", message: "again" });

  expect(await subscription.take(2)).toEqual([
    { data: { textReceived: { fromNumber: "12135550170", message: "via the gateway", broadcast: null } } },
    { data: { textReceived: { fromNumber: "12135550170", message: "again", broadcast: null } } },
  ]);
  await subscription.stop();
  await graph.metricReaches("graphql_subscriptions", 0);
});
