// Automatic persisted queries shared by replicas (REDIS_URL): Apollo Server's `cache` (a key-value cache,
// which the APQ feature keys by "apq:<hash>") kept in Redis, so a hash registered on one replica is found
// on every other. Redis unreachable: a lookup finds nothing and Apollo asks the client for the whole query,
// which then runs as usual; reads never fail because of the cache.
import type { Redis } from "ioredis";
import type { Logger } from "../core/logger.js";

/** The shape Apollo Server's `cache` option takes (its KeyValueCache). */
export interface StringCache {
  get(key: string): Promise<string | undefined>;
  /** `ttl` in seconds, as Apollo passes it; unset: `defaultTtlSeconds`. */
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

export interface RedisCacheOptions {
  redis: Redis;
  /** Prepended to every key (REDIS_KEY_PREFIX). */
  prefix: string;
  log: Logger;
  /** Entries without a TTL of their own expire after this, so Redis does not fill up with old queries. */
  defaultTtlSeconds?: number;
}

export function createRedisCache(options: RedisCacheOptions): StringCache {
  const { redis, log, defaultTtlSeconds = 24 * 60 * 60 } = options;
  const keyOf = (key: string) => `${options.prefix}cache:${key}`;
  const warn = (what: string) => (error: Error) => {
    log.warn(`persisted query cache ${what} failed`, { error: error.message });
  };
  return {
    async get(key) {
      const value = await redis.get(keyOf(key)).catch(warn("read"));
      return value ?? undefined;
    },
    async set(key, value, setOptions) {
      const ttl = setOptions?.ttl === undefined ? defaultTtlSeconds : setOptions.ttl;
      const write = ttl ? redis.set(keyOf(key), value, "EX", Math.ceil(ttl)) : redis.set(keyOf(key), value);
      await write.catch(warn("write"));
    },
    async delete(key) {
      const removed = await redis.del(keyOf(key)).catch(warn("delete"));
      return removed === 1;
    },
  };
}
