// The in-process PubSub (no REDIS_URL): events reach the subscribers of this process only.
import type { PubSub } from "./pubsub.js";
import { LocalSubscribers } from "./subscriber-queue.js";

export function createMemoryPubSub(): PubSub {
  const subscribers = new LocalSubscribers();
  return {
    async publish(topic, payload) {
      // The same JSON copy Redis would carry: no subscriber shares objects with the publisher.
      if (subscribers.has(topic)) subscribers.deliver(topic, JSON.parse(JSON.stringify(payload)));
    },
    subscribe: (topic, options) => subscribers.add(topic, options),
    async close() {
      subscribers.endAll();
    },
  };
}
