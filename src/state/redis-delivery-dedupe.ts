// DeliveryDedupe over Redis (REDIS_URL): SET NX with an expiry claims an event atomically, so a
// redelivery that reaches another replica is dropped too.
import type { Redis } from "ioredis";
import type { DeliveryDedupe } from "./delivery-dedupe.js";

export function createRedisDeliveryDedupe(options: { redis: Redis; prefix: string }): DeliveryDedupe {
  return {
    async claim(key, ttlMs) {
      return (await options.redis.set(`${options.prefix}${key}`, "1", "PX", ttlMs, "NX")) === "OK";
    },
    async release(key) {
      await options.redis.del(`${options.prefix}${key}`);
    },
  };
}
