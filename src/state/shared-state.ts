// Everything that outlives a request, in one place: in this process (the default, so `npm start` needs
// nothing) or in Redis when REDIS_URL is set, so replicas share it (ARCHITECTURE.md, "Deployed").
import type { Logger } from "../core/logger.js";
import type { IdempotencyStore } from "./idempotency-store.js";
import { createMemoryIdempotencyStore } from "./memory-idempotency-store.js";
import { createMemoryPubSub } from "./memory-pubsub.js";
import type { PubSub } from "./pubsub.js";
import {
  closeRedis,
  connectRedis,
  createRedisConnection,
  pingRedis,
  type RedisStatus,
} from "./redis-connection.js";
import { createRedisIdempotencyStore } from "./redis-idempotency-store.js";
import { createRedisCache, type StringCache } from "./redis-persisted-queries.js";
import { createRedisPubSub } from "./redis-pubsub.js";

export interface SharedStateConfig {
  /** REDIS_URL; unset: in memory. */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX: keeps deployments (or test runs) sharing one Redis apart. */
  redisKeyPrefix: string;
}

export interface SharedState {
  idempotency: IdempotencyStore;
  pubsub: PubSub;
  /** Apollo Server's `cache` (persisted queries); undefined: Apollo's own in-memory cache. */
  cache?: StringCache;
  /** Redis's health for /ready; undefined without Redis. */
  redisStatus?: () => Promise<RedisStatus>;
  /** Ends subscriptions and closes the Redis connections. */
  close(): Promise<void>;
}

/** How long start-up waits for Redis before going on without it (it connects in the background). */
const CONNECT_WAIT_MS = 3000;

export async function createSharedState(config: SharedStateConfig, log: Logger): Promise<SharedState> {
  if (!config.redisUrl) {
    const pubsub = createMemoryPubSub();
    return { idempotency: createMemoryIdempotencyStore(), pubsub, close: () => pubsub.close() };
  }
  const prefix = config.redisKeyPrefix;
  const redis = createRedisConnection({ url: config.redisUrl, role: "commands", log });
  const subscriber = createRedisConnection({ url: config.redisUrl, role: "subscriber", log });
  const [connected] = await Promise.all([
    connectRedis(redis, CONNECT_WAIT_MS),
    connectRedis(subscriber, CONNECT_WAIT_MS),
  ]);
  if (!connected) log.warn("redis not reachable at start; keyed mutations are refused until it is");
  const pubsub = createRedisPubSub({ redis, subscriber, prefix, log });
  return {
    idempotency: createRedisIdempotencyStore({ redis, prefix, log }),
    pubsub,
    cache: createRedisCache({ redis, prefix, log }),
    redisStatus: () => pingRedis(redis),
    close: async () => {
      await pubsub.close();
      await closeRedis(redis);
    },
  };
}
