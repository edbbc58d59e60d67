// The Redis key-value cache behind Apollo's persisted queries: shared, expiring, and harmless when Redis
// is away (a miss, so the client sends the whole query).
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import { closeRedis, connectRedis, createRedisConnection } from "../../src/state/redis-connection.js";
import { createRedisCache } from "../../src/state/redis-persisted-queries.js";
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from "../helpers/redis.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";

const warnings: string[] = [];
const log: Logger = {
  debug() {},
  info() {},
  warn: (message) => void warnings.push(message),
  error() {},
  child: () => log,
};
const prefix = uniquePrefix();
let admin: Redis;
let redis: Redis;
let proxy: TcpProxy;

beforeAll(async () => {
  admin = testRedis();
  const target = new URL(TEST_REDIS_URL);
  proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  redis = createRedisConnection({ url: `redis://127.0.0.1:${proxy.port}`, role: "test", log });
  await connectRedis(redis, 2000);
});
afterAll(async () => {
  await deleteKeys(admin, prefix);
  await closeRedis(redis);
  await proxy.stop();
  await admin.quit();
});

describe("Redis cache for persisted queries", () => {
  it("stores under the prefix with Apollo's TTL, or a day when Apollo gives none", async () => {
    const cache = createRedisCache({ redis, prefix, log });
    await cache.set("apq:abc", "{ a }", { ttl: 300 });
    await cache.set("apq:def", "{ b }");
    expect(await cache.get("apq:abc")).toBe("{ a }");
    expect(await admin.ttl(`${prefix}cache:apq:abc`)).toBe(300);
    expect(await admin.ttl(`${prefix}cache:apq:def`)).toBe(24 * 60 * 60);
    expect(await cache.delete("apq:abc")).toBe(true);
    expect(await cache.get("apq:abc")).toBeUndefined();
  });

  it("misses, and writes nothing, while Redis is unreachable, without failing; works again after", async () => {
    const cache = createRedisCache({ redis, prefix, log });
    await proxy.cut();
    expect(await cache.get("apq:def")).toBeUndefined();
    await expect(cache.set("apq:new", "{ c }")).resolves.toBeUndefined();
    expect(warnings).toContain("persisted query cache read failed");
    await proxy.restore();
    await expect.poll(() => redis.status, { timeout: 5000 }).toBe("ready");
    expect(await cache.get("apq:def")).toBe("{ b }");
  });
});
