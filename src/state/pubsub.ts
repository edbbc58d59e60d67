// Publish/subscribe for live updates: a CallFire webhook reaches one replica, its subscribers sit on all
// of them. Two implementations: in-process (memory-pubsub.ts, the default) and Redis (with REDIS_URL).
// Both deliver through LocalSubscribers (subscriber-queue.ts), so a slow subscriber is bounded the same way.

export interface SubscribeOptions {
  /** Most events that may wait for this subscriber; one more ends it with SubscriberOverflowError. */
  maxQueued: number;
  /** Called once, synchronously, when the subscriber overflows (e.g. to close its connection at once). */
  onOverflow?: (error: SubscriberOverflowError) => void;
}

/** Events of one topic published after subscribe() resolved; return() unsubscribes. */
export type TopicSubscription = AsyncIterableIterator<unknown>;

export interface PubSub {
  /**
   * Delivers `payload` to every current subscriber of `topic`, on every replica. The payload must be
   * plain JSON: subscribers receive a JSON copy (in memory too, so both implementations behave alike).
   */
  publish(topic: string, payload: unknown): Promise<void>;
  /** Resolves once the subscription is active: an event published after that is not missed. */
  subscribe(topic: string, options: SubscribeOptions): Promise<TopicSubscription>;
  /** Ends every subscription and releases connections. */
  close(): Promise<void>;
}

/** The subscriber did not keep up: more than `maxQueued` events were waiting for it. */
export class SubscriberOverflowError extends Error {
  constructor(readonly maxQueued: number) {
    super(`subscriber too slow: more than ${maxQueued} events were waiting to be read`);
    this.name = "SubscriberOverflowError";
  }
}
