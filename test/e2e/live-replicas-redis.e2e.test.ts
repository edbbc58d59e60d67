// Live updates across replicas sharing Redis: a webhook CallFire delivers to replica B reaches a
// subscriber on replica A, and the same delivery repeated to A is recognised as a redelivery.
import type { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/index.js";
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { collect, signedInboundText, WEBHOOK_SECRET, wsClient } from "../helpers/live-graph.js";
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from "../helpers/redis.js";

const prefix = uniquePrefix();
let sandbox: RunningSandbox;
let admin: Redis;
let replicaA: RunningApp;
let replicaB: RunningApp;

async function startReplica(): Promise<RunningApp> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CALLFIRE_API_URL: sandbox.apiUrl,
    CALLFIRE_API_LOGIN: sandbox.login,
    CALLFIRE_API_PASSWORD: sandbox.password,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    // CallFire's deliveries are posted by the test itself; the registered callback goes nowhere.
    PUBLIC_URL: "http://127.0.0.1:1",
    WEBHOOK_SECRET,
    LOG_LEVEL: "silent",
  });
  return startApp(config, createLogger(config.logLevel));
}

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ":memory:", seed: false, deliveryIntervalMs: 0 });
  admin = testRedis();
  [replicaA, replicaB] = await Promise.all([startReplica(), startReplica()]);
});

afterAll(async () => {
  await Promise.all([replicaA.stop(), replicaB.stop()]);
  await sandbox.stop();
  await deleteKeys(admin, prefix);
  admin.disconnect();
});

/** A signed inbound text for the sandbox's account; posted to a replica, its answer's JSON. */
function signedInbound(id: number, message: string) {
  const post = signedInboundText(sandbox.login, { id, fromNumber: "12135550190", message });
  return async (replica: RunningApp) => (await post(replica.origin)).json();
}

async function subscriptionsOn(replica: RunningApp): Promise<number> {
  const text = await (await fetch(`${replica.origin}/metrics`)).text();
  return Number(
    text
      .split("\n")
      .find((line) => line.startsWith("graphql_subscriptions "))
      ?.split(" ")[1],
  );
}

it("a webhook delivered to replica B reaches a subscriber on replica A, once", async () => {
  const client = wsClient(replicaA.url.replace(/^http/, "ws"));
  const received = collect<{ textReceived: { message: string } }>(
    client,
    `subscription { textReceived { message } }`,
  );
  for (let attempt = 0; attempt < 200 && (await subscriptionsOn(replicaA)) !== 1; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(await subscriptionsOn(replicaA)).toBe(1);

  const first = signedInbound(70_001, "delivered to B");
  expect(await first(replicaB)).toEqual({ published: 1, repeated: 0 });
  // CallFire repeating the delivery, this time through replica A: Redis knows it was published.
  expect(await first(replicaA)).toEqual({ published: 0, repeated: 1 });
  expect(await signedInbound(70_002, "next one, to B")(replicaB)).toEqual({ published: 1, repeated: 0 });

  expect((await received.take(2)).map((result) => result.data?.textReceived.message)).toEqual([
    "delivered to B",
    "next one, to B",
  ]);
  expect(received.results).toHaveLength(2);
  await client.dispose();
});
