// What every PubSub implementation must do; memory-pubsub.test.ts runs it, and so does the Redis one.
import { afterEach, expect, it } from "vitest";
import { SubscriberOverflowError, type PubSub, type TopicSubscription } from "../../src/state/pubsub.js";

async function take(subscription: TopicSubscription, count: number): Promise<unknown[]> {
  const values: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await subscription.next();
    if (result.done) break;
    values.push(result.value);
  }
  return values;
}

export function pubSubContract(create: () => Promise<PubSub>): void {
  let pubsub: PubSub | undefined;
  const open = async () => (pubsub = await create());
  afterEach(async () => {
    await pubsub?.close();
    pubsub = undefined;
  });

  it("delivers each event of a topic, in order, to every subscriber of that topic only", async () => {
    const ps = await open();
    const first = await ps.subscribe("account-a:texts", { maxQueued: 10 });
    const second = await ps.subscribe("account-a:texts", { maxQueued: 10 });
    const other = await ps.subscribe("account-b:texts", { maxQueued: 10 });
    await ps.publish("account-a:texts", { id: 1 });
    await ps.publish("account-a:texts", { id: 2 });
    await ps.publish("account-b:texts", { id: 3 });
    expect(await take(first, 2)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await take(second, 2)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await take(other, 1)).toEqual([{ id: 3 }]);
  });

  it("hands subscribers a JSON copy, never the publisher's object", async () => {
    const ps = await open();
    const subscription = await ps.subscribe("t", { maxQueued: 10 });
    const payload = { when: new Date(0), nested: { n: 1 } };
    await ps.publish("t", payload);
    const [received] = await take(subscription, 1);
    expect(received).toEqual({ when: "1970-01-01T00:00:00.000Z", nested: { n: 1 } });
    expect(received).not.toBe(payload);
  });

  it("delivers nothing published before subscribe() resolved, and nothing after return()", async () => {
    const ps = await open();
    await ps.publish("t", { id: "before" });
    const subscription = await ps.subscribe("t", { maxQueued: 10 });
    const watcher = await ps.subscribe("t", { maxQueued: 10 });
    await ps.publish("t", { id: "during" });
    expect(await take(subscription, 1)).toEqual([{ id: "during" }]);
    expect(await subscription.return?.()).toEqual({ value: undefined, done: true });
    await ps.publish("t", { id: "after" });
    // Once the watcher has "after", the ended subscription would have had it too.
    expect(await take(watcher, 2)).toEqual([{ id: "during" }, { id: "after" }]);
    expect(await subscription.next()).toEqual({ value: undefined, done: true });
  });

  it("a reader waiting for the next event is woken when it arrives", async () => {
    const ps = await open();
    const subscription = await ps.subscribe("t", { maxQueued: 10 });
    const pending = subscription.next();
    await ps.publish("t", { id: "late" });
    expect(await pending).toEqual({ value: { id: "late" }, done: false });
  });

  it("ends a subscriber that lets more than maxQueued events wait, dropping them, and says why", async () => {
    const ps = await open();
    const overflows: SubscriberOverflowError[] = [];
    const slow = await ps.subscribe("t", { maxQueued: 3, onOverflow: (error) => overflows.push(error) });
    const fast = await ps.subscribe("t", { maxQueued: 100 });
    for (let id = 1; id <= 5; id += 1) await ps.publish("t", { id });
    expect(await take(fast, 5)).toHaveLength(5);
    expect(overflows).toHaveLength(1);
    expect(overflows[0]?.message).toBe("subscriber too slow: more than 3 events were waiting to be read");
    await expect(slow.next()).rejects.toBeInstanceOf(SubscriberOverflowError);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
    // The fast subscriber is unaffected.
    await ps.publish("t", { id: 6 });
    expect(await take(fast, 1)).toEqual([{ id: 6 }]);
  });

  it("close() ends every subscription", async () => {
    const ps = await open();
    const subscription = await ps.subscribe("t", { maxQueued: 10 });
    const pending = subscription.next();
    await ps.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    pubsub = undefined;
  });
}
