// The shared state over Redis (REDIS_URL): one connection for commands (idempotency keys, persisted
// queries, publishing) and one in subscriber mode for the pub/sub.
import type { Logger } from "../core/logger.js";
import { closeRedis, connectRedis, createRedisConnection, pingRedis } from "./redis-connection.js";
import { createRedisDeliveryDedupe } from "./redis-delivery-dedupe.js";
import { createRedisIdempotencyStore } from "./redis-idempotency-store.js";
import { createRedisCache } from "./redis-persisted-queries.js";
import { createRedisPubSub } from "./redis-pubsub.js";
import type { SharedState } from "./shared-state.js";

/** How long start-up waits for Redis before going on without it (it connects in the background). */
const CONNECT_WAIT_MS = 3000;

export async function createRedisSharedState(url: string, prefix: string, log: Logger): Promise<SharedState> {
  const redis = createRedisConnection({ url, role: "commands", log });
  const subscriber = createRedisConnection({ url, role: "subscriber", log });
  const [connected] = await Promise.all([
    connectRedis(redis, CONNECT_WAIT_MS),
    connectRedis(subscriber, CONNECT_WAIT_MS),
  ]);
  if (!connected) log.warn("redis not reachable at start; keyed mutations are refused until it is");
  const pubsub = createRedisPubSub({ redis, subscriber, prefix, log });
  return {
    idempotency: createRedisIdempotencyStore({ redis, prefix, log }),
    pubsub,
    deliveries: createRedisDeliveryDedupe({ redis, prefix }),
    cache: createRedisCache({ redis, prefix, log }),
    redisStatus: () => pingRedis(redis),
    close: async () => {
      await pubsub.close();
      await closeRedis(redis);
    },
  };
}
