// The Redis PubSub on the machine's real Redis: the same contract as in memory, and events crossing
// from one replica (its own connections) to another.
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import type { PubSub } from "../../src/state/pubsub.js";
import { closeRedis, connectRedis, createRedisConnection } from "../../src/state/redis-connection.js";
import { createRedisPubSub } from "../../src/state/redis-pubsub.js";
import { TEST_REDIS_URL, uniquePrefix } from "../helpers/redis.js";
import { pubSubContract } from "./pubsub-contract.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const prefix = uniquePrefix();
const commands: Redis[] = [];
afterAll(async () => {
  for (const redis of commands) await closeRedis(redis);
});

/** One replica's PubSub: a commands connection and its own subscriber connection. */
async function replica(): Promise<PubSub> {
  const [redis, subscriber] = ["commands", "subscriber"].map((role) =>
    createRedisConnection({ url: TEST_REDIS_URL, role, log: silent }),
  );
  commands.push(redis!);
  await Promise.all([connectRedis(redis!, 2000), connectRedis(subscriber!, 2000)]);
  return createRedisPubSub({ redis: redis!, subscriber: subscriber!, prefix, log: silent });
}

describe("Redis pub/sub", () => {
  pubSubContract(replica);

  it("delivers an event published on one replica to the subscribers of another", async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const onB = await b.subscribe("account-a:texts", { maxQueued: 10 });
    await a.publish("account-a:texts", { id: "from-a" });
    expect(await onB.next()).toEqual({ value: { id: "from-a" }, done: false });
    await Promise.all([a.close(), b.close()]);
  });
});
