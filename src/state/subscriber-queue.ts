// The local half of every PubSub: the subscribers of each topic in this process, each with its own
// bounded queue. An implementation calls deliver() for every event that reaches this process.
import { SubscriberOverflowError, type SubscribeOptions, type TopicSubscription } from "./pubsub.js";

type Waiter = { resolve: (result: IteratorResult<unknown>) => void; reject: (error: unknown) => void };

/** One subscriber's queue, read as an async iterator. */
class SubscriberQueue implements TopicSubscription {
  private readonly items: unknown[] = [];
  private waiter: Waiter | undefined;
  private failure: SubscriberOverflowError | undefined;
  private ended = false;

  constructor(
    private readonly options: SubscribeOptions,
    private readonly onEnd: () => void,
  ) {}

  push(payload: unknown): void {
    if (this.ended) return;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter.resolve({ value: payload, done: false });
    } else if (this.items.length >= this.options.maxQueued) {
      this.overflow();
    } else {
      this.items.push(payload);
    }
  }

  /** Ends the subscription; a reader waiting for the next event gets done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.items.length = 0;
    this.onEnd();
    this.waiter?.resolve({ value: undefined, done: true });
    this.waiter = undefined;
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift(), done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<unknown>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<unknown>> {
    this.end();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Drops what is queued (that is the memory bound) and ends the subscription with the reason. */
  private overflow(): void {
    const error = new SubscriberOverflowError(this.options.maxQueued);
    this.end();
    this.failure = error;
    this.options.onOverflow?.(error);
  }
}

export interface TopicHooks {
  /** The first local subscriber of a topic arrived (Redis: SUBSCRIBE before subscribe() resolves). */
  firstSubscriber?: (topic: string) => Promise<void>;
  /** The last local subscriber of a topic left (Redis: UNSUBSCRIBE). */
  lastSubscriberLeft?: (topic: string) => void;
}

export class LocalSubscribers {
  private readonly topics = new Map<string, Set<SubscriberQueue>>();

  constructor(private readonly hooks: TopicHooks = {}) {}

  async add(topic: string, options: SubscribeOptions): Promise<TopicSubscription> {
    let queues = this.topics.get(topic);
    const first = queues === undefined;
    if (queues === undefined) {
      queues = new Set();
      this.topics.set(topic, queues);
    }
    const queue: SubscriberQueue = new SubscriberQueue(options, () => this.remove(topic, queue));
    queues.add(queue);
    if (first && this.hooks.firstSubscriber) {
      try {
        await this.hooks.firstSubscriber(topic);
      } catch (error) {
        queue.end();
        throw error;
      }
    }
    return queue;
  }

  /** Hands one event to every local subscriber of the topic, in publication order. */
  deliver(topic: string, payload: unknown): void {
    const queues = this.topics.get(topic);
    if (queues === undefined) return;
    for (const queue of [...queues]) queue.push(payload);
  }

  /** How many subscribers this process holds (all topics). */
  get size(): number {
    let count = 0;
    for (const queues of this.topics.values()) count += queues.size;
    return count;
  }

  /** Whether this process has a subscriber of the topic. */
  has(topic: string): boolean {
    return this.topics.has(topic);
  }

  endAll(): void {
    for (const queues of [...this.topics.values()]) for (const queue of [...queues]) queue.end();
  }

  private remove(topic: string, queue: SubscriberQueue): void {
    const queues = this.topics.get(topic);
    if (queues === undefined || !queues.delete(queue) || queues.size > 0) return;
    this.topics.delete(topic);
    this.hooks.lastSubscriberLeft?.(topic);
  }
}
