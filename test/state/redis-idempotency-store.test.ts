// The Redis idempotency store on the machine's real Redis: the shared contract, then what only sharing
// adds: one claim across connections (replicas), failing closed without Redis, claims that never end.
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Logger } from "../../src/core/logger.js";
import { closeRedis, connectRedis, createRedisConnection } from "../../src/state/redis-connection.js";
import { createRedisIdempotencyStore } from "../../src/state/redis-idempotency-store.js";
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from "../helpers/redis.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { ALICE, idempotencyContract, scope } from "./idempotency-contract.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const prefix = uniquePrefix();
const opened: Redis[] = [];
let admin: Redis;

async function connection(url = TEST_REDIS_URL): Promise<Redis> {
  const redis = createRedisConnection({ url, role: "test", log: silent });
  opened.push(redis);
  await connectRedis(redis, 2000);
  return redis;
}

beforeAll(async () => {
  admin = testRedis();
  // Two connections stand for two replicas.
  await connection();
  await connection();
});
afterEach(() => deleteKeys(admin, prefix));
afterAll(async () => {
  for (const redis of opened) await closeRedis(redis);
  await admin.quit();
});

describe("Redis idempotency store", () => {
  idempotencyContract(() => createRedisIdempotencyStore({ redis: opened[0]!, prefix, log: silent }));

  it("claims a key once across replicas: 20 concurrent repeats on two connections run one action", async () => {
    const replicas = [opened[0]!, opened[1]!].map((redis) =>
      createRedisIdempotencyStore({ redis, prefix, log: silent }),
    );
    const action = vi.fn(() => new Promise<string[]>((resolve) => setTimeout(() => resolve(["t-1"]), 200)));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => replicas[i % 2]!.run(scope(ALICE, "burst"), action)),
    );
    expect(action).toHaveBeenCalledTimes(1);
    expect(results).toEqual(Array.from({ length: 20 }, () => ["t-1"]));
  });

  it("stores the outcome for 24 hours, under the configured prefix", async () => {
    const store = createRedisIdempotencyStore({ redis: opened[0]!, prefix, log: silent });
    await store.run(scope(ALICE, "ttl"), async () => "sent");
    const keys = await admin.keys(`${prefix}idempotency:*`);
    expect(keys).toHaveLength(1);
    const ttl = await admin.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(24 * 60 * 60 * 1000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    // The credential appears only hashed.
    expect(keys[0]).not.toContain(ALICE.login);
    expect(await admin.get(keys[0]!)).not.toContain(ALICE.password);
  });

  it("asks a repeat to retry when the first call runs longer than it may wait, and sends nothing", async () => {
    const redis = opened[0]!;
    const first = createRedisIdempotencyStore({ redis, prefix, log: silent });
    const impatient = createRedisIdempotencyStore({ redis, prefix, log: silent, maxWaitMs: 100 });
    let finish!: (value: string) => void;
    const running = first.run(
      scope(ALICE, "slow"),
      () => new Promise<string>((resolve) => (finish = resolve)),
    );
    await vi.waitFor(async () => expect(await admin.keys(`${prefix}*`)).toHaveLength(1));
    const again = vi.fn(async () => "sent twice");
    await expect(impatient.run(scope(ALICE, "slow"), again)).rejects.toMatchObject({
      extensions: { code: "IDEMPOTENCY_UNAVAILABLE", retryAfterSeconds: 1 },
    });
    finish("sent once");
    expect(await running).toBe("sent once");
    expect(await impatient.run(scope(ALICE, "slow"), again)).toBe("sent once");
    expect(again).not.toHaveBeenCalled();
  });

  it("answers 'outcome unknown' for a claim whose replica died before storing the outcome", async () => {
    const redis = opened[0]!;
    const dying = createRedisIdempotencyStore({ redis, prefix, log: silent });
    void dying.run(scope(ALICE, "orphan"), () => new Promise<string>(() => {}));
    await vi.waitFor(async () => expect(await admin.keys(`${prefix}*`)).toHaveLength(1));
    const later = createRedisIdempotencyStore({ redis, prefix, log: silent, staleClaimMs: 0 });
    const again = vi.fn(async () => "sent twice");
    await expect(later.run(scope(ALICE, "orphan"), again)).rejects.toMatchObject({
      extensions: { code: "UPSTREAM_UNAVAILABLE" },
      message: expect.stringContaining("whether it was sent is unknown"),
    });
    expect(again).not.toHaveBeenCalled();
  });

  describe("with Redis unreachable", () => {
    let proxy: TcpProxy;
    beforeAll(async () => {
      const target = new URL(TEST_REDIS_URL);
      proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    });
    afterAll(() => proxy.stop());

    it("fails closed without calling the action, and works again once Redis is back", async () => {
      const redis = await connection(`redis://127.0.0.1:${proxy.port}`);
      const store = createRedisIdempotencyStore({ redis, prefix, log: silent });
      await proxy.cut();
      const action = vi.fn(async () => "sent");
      await expect(store.run(scope(ALICE, "down"), action)).rejects.toMatchObject({
        message:
          "The idempotency store (Redis) cannot be reached, so this call was not sent; retry with the same idempotencyKey shortly.",
        extensions: { code: "IDEMPOTENCY_UNAVAILABLE" },
      });
      expect(action).not.toHaveBeenCalled();

      await proxy.restore();
      await vi.waitFor(() => expect(redis.status).toBe("ready"), { timeout: 5000 });
      expect(await store.run(scope(ALICE, "down"), action)).toBe("sent");
      expect(action).toHaveBeenCalledTimes(1);
    });
  });
});
