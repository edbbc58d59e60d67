// Everything that outlives a request, in one place: in this process (the default, so `npm start` needs
// nothing) or in Redis when REDIS_URL is set, so replicas share it (docs/architecture.md §Where state lives).
import type { Logger } from "../core/logger.js";
import { createMemoryDeliveryDedupe, type DeliveryDedupe } from "./delivery-dedupe.js";
import type { IdempotencyStore } from "./idempotency-store.js";
import { createMemoryIdempotencyStore } from "./memory-idempotency-store.js";
import { createMemoryPubSub } from "./memory-pubsub.js";
import type { PubSub } from "./pubsub.js";
import type { RedisStatus } from "./redis-connection.js";
import type { StringCache } from "./redis-persisted-queries.js";

export interface SharedStateConfig {
  /** REDIS_URL; unset: in memory. */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX: keeps deployments (or test runs) sharing one Redis apart. */
  redisKeyPrefix: string;
}

export interface SharedState {
  idempotency: IdempotencyStore;
  pubsub: PubSub;
  /** Webhook events already published, so a redelivery is published once. */
  deliveries: DeliveryDedupe;
  /** Apollo Server's `cache` (persisted queries); undefined: Apollo's own in-memory cache. */
  cache?: StringCache;
  /** Redis's health for /ready; undefined without Redis. */
  redisStatus?: () => Promise<RedisStatus>;
  /** Ends subscriptions and closes the Redis connections. */
  close(): Promise<void>;
}

export async function createSharedState(config: SharedStateConfig, log: Logger): Promise<SharedState> {
  if (config.redisUrl) {
    // Loaded only when used: a single replica never holds the Redis client's code.
    const { createRedisSharedState } = await import("./redis-shared-state.js");
    return createRedisSharedState(config.redisUrl, config.redisKeyPrefix, log);
  }
  const pubsub = createMemoryPubSub();
  return {
    idempotency: createMemoryIdempotencyStore(),
    pubsub,
    deliveries: createMemoryDeliveryDedupe(),
    close: () => pubsub.close(),
  };
}
