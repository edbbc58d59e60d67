// The PubSub shared by replicas (REDIS_URL): an event published on one replica reaches the subscribers
// of every replica. Publishing uses the commands connection; a second connection, in subscriber mode,
// listens to the channels this process has local subscribers for (ioredis resubscribes after a reconnect).
import type { Redis } from "ioredis";
import type { Logger } from "../core/logger.js";
import type { PubSub } from "./pubsub.js";
import { closeRedis } from "./redis-connection.js";
import { LocalSubscribers } from "./subscriber-queue.js";

export interface RedisPubSubOptions {
  /** For PUBLISH; shared with the other state. */
  redis: Redis;
  /** Its own connection, used for SUBSCRIBE only; closed by close(). */
  subscriber: Redis;
  /** Prepended to every channel (REDIS_KEY_PREFIX). */
  prefix: string;
  log: Logger;
}

export function createRedisPubSub(options: RedisPubSubOptions): PubSub {
  const { redis, subscriber, log } = options;
  const channelPrefix = `${options.prefix}pubsub:`;
  const subscribers = new LocalSubscribers({
    firstSubscriber: async (topic) => {
      await subscriber.subscribe(channelPrefix + topic);
    },
    lastSubscriberLeft: (topic) => {
      subscriber.unsubscribe(channelPrefix + topic).catch((error: Error) => {
        log.warn("redis unsubscribe failed", { topic, error: error.message });
      });
    },
  });
  subscriber.on("message", (channel: string, message: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      log.warn("ignored a pub/sub message that is not JSON", { channel });
      return;
    }
    subscribers.deliver(channel.slice(channelPrefix.length), payload);
  });

  return {
    async publish(topic, payload) {
      await redis.publish(channelPrefix + topic, JSON.stringify(payload));
    },
    subscribe: (topic, subscribeOptions) => subscribers.add(topic, subscribeOptions),
    async close() {
      subscribers.endAll();
      await closeRedis(subscriber);
    },
  };
}
