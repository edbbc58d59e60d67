import { describe, expect, it, vi } from "vitest";
import {
  createMemoryIdempotencyStore,
  MAX_KEYS_PER_CREDENTIAL,
} from "../../src/state/memory-idempotency-store.js";
import { ALICE, BOB, idempotencyContract, scope } from "./idempotency-contract.js";

describe("in-memory idempotency store", () => {
  idempotencyContract(() => createMemoryIdempotencyStore());

  it("still replays the oldest of 10,000 keys of one credential (the README's limit)", async () => {
    expect(MAX_KEYS_PER_CREDENTIAL).toBe(10_000);
    const store = createMemoryIdempotencyStore();
    for (let i = 0; i < 10_000; i += 1) await store.run(scope(ALICE, `key-${i}`), async () => i);
    const again = vi.fn(async () => -1);
    expect(await store.run(scope(ALICE, "key-0"), again)).toBe(0);
    expect(await store.run(scope(ALICE, "key-9999"), again)).toBe(9999);
    expect(again).not.toHaveBeenCalled();
  });

  it("forgets outcomes after the TTL, and the least recently used beyond the size limit", async () => {
    let time = 5000;
    const store = createMemoryIdempotencyStore({ ttlMs: 1000, maxEntriesPerAccount: 2, now: () => time });
    const action = vi.fn(async () => "done");
    await store.run(scope(ALICE, "a"), action);
    time += 1001;
    await store.run(scope(ALICE, "a"), action);
    expect(action).toHaveBeenCalledTimes(2);

    await store.run(scope(ALICE, "b"), action);
    await store.run(scope(ALICE, "c"), action); // evicts "a", the least recently used
    await store.run(scope(ALICE, "a"), action);
    expect(action).toHaveBeenCalledTimes(5);
  });

  it("never lets another account evict a key, nor forgets a call still in flight", async () => {
    const store = createMemoryIdempotencyStore({ maxEntriesPerAccount: 2 });
    let finish!: (value: string) => void;
    const inFlight = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = store.run(scope(ALICE, "slow"), inFlight);
    for (const key of ["b1", "b2", "b3"]) await store.run(scope(BOB, key), async () => "x");
    for (const key of ["a1", "a2", "a3"]) await store.run(scope(ALICE, key), async () => "x");
    const repeat = store.run(scope(ALICE, "slow"), inFlight);
    finish("sent once");
    expect(await first).toBe("sent once");
    expect(await repeat).toBe("sent once");
    expect(inFlight).toHaveBeenCalledTimes(1);

    // As many calls in flight as the limit: a new key is refused rather than risking a double send.
    const hold = () => new Promise<string>(() => {});
    void store.run(scope(ALICE, "p1"), hold);
    void store.run(scope(ALICE, "p2"), hold);
    await expect(store.run(scope(ALICE, "p3"), hold)).rejects.toMatchObject({
      extensions: { code: "RATE_LIMITED" },
    });
  });
});
