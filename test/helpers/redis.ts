// The real Redis of the machine (127.0.0.1:6379, or TEST_REDIS_URL), shared with other test runs: each
// test file works under its own key prefix and deletes its keys afterwards.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function uniquePrefix(): string {
  return `callfire-graph-test:${randomUUID()}:`;
}

/** A plain connection for the test itself (to look at or clean up keys). */
export function testRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}
