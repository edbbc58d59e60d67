// A subscriber that stops reading: once SUBSCRIPTION_QUEUE_LIMIT events wait for it, the server drops them
// and closes its connection with a reason, instead of holding every later event in memory.
import { afterAll, beforeAll, expect, it } from "vitest";
import WebSocket from "ws";
import { SLOW_SUBSCRIBER_CLOSE } from "../../src/live/websocket-subscriptions.js";
import { type LiveGraph, signedInboundText, startLiveGraph } from "../helpers/live-graph.js";

let graph: LiveGraph;
beforeAll(async () => {
  graph = await startLiveGraph({ SUBSCRIPTION_QUEUE_LIMIT: "3" });
});
afterAll(() => graph.stop());

/** A signed InboundText delivery for the server's own account, carrying a large message. */
async function postInbound(id: number, message: string): Promise<void> {
  const post = signedInboundText(graph.serverAccount.login, { id, fromNumber: "12135550160", message });
  expect((await post(graph.app.origin)).status).toBe(200);
}

function next(socket: WebSocket): Promise<{ type: string }> {
  return new Promise((resolve) => socket.once("message", (data) => resolve(JSON.parse(String(data)))));
}

it("cuts off a subscriber that stops reading, with close code 1008 and a reason, after a bounded number of events", async () => {
  const socket = new WebSocket(graph.wsUrl, "graphql-transport-ws");
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(JSON.stringify({ type: "connection_init" }));
  expect(await next(socket)).toEqual({ type: "connection_ack" });
  socket.send(
    JSON.stringify({
      id: "1",
      type: "subscribe",
      payload: { query: "subscription { textReceived { message } }" },
    }),
  );
  await graph.metricReaches("graphql_subscriptions", 1);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );

  // Stop reading: the kernel's socket buffers fill first, then the subscription's queue of 3.
  socket.pause();
  const message = "x".repeat(256 * 1024);
  let posted = 0;
  while (!graph.logs.some((line) => line.includes("subscriber cut off")) && posted < 400) {
    posted += 1;
    await postInbound(100_000 + posted, message);
  }
  expect(graph.logs.some((line) => line.includes("subscriber cut off"))).toBe(true);
  expect(posted).toBeLessThan(400);

  // Later events are published to nobody: the subscription is gone, not queueing.
  await postInbound(200_000, message);
  socket.resume();
  expect(await closed).toEqual(SLOW_SUBSCRIBER_CLOSE);
  await graph.metricReaches("graphql_subscriptions", 0);
  await graph.metricReaches("graphql_ws_connections", 0);
});
