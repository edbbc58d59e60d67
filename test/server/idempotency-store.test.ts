import { describe, expect, it, vi } from "vitest";
import { apiError } from "../../src/core/errors.js";
import { createIdempotencyStore } from "../../src/state/idempotency-store.js";

const ALICE = { login: "alice", password: "a-secret" };
const BOB = { login: "bob", password: "b-secret" };
const scope = (credentials = ALICE, key = "k1", args: unknown = { to: "1" }) => ({
  credentials,
  mutation: "sendTexts",
  key,
  args,
});

describe("idempotency store", () => {
  it("runs the action once per key and replays its result, also to a concurrent repeat", async () => {
    const store = createIdempotencyStore();
    const action = vi.fn(async () => ["text-1"]);
    const [first, concurrent] = await Promise.all([store.run(scope(), action), store.run(scope(), action)]);
    expect(await store.run(scope(), action)).toEqual(["text-1"]);
    expect(first).toEqual(["text-1"]);
    expect(concurrent).toBe(first);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("keeps accounts apart: the same key of another credential runs again", async () => {
    const store = createIdempotencyStore();
    const action = vi.fn(async () => "done");
    await store.run(scope(ALICE), action);
    await store.run(scope(BOB), action);
    expect(action).toHaveBeenCalledTimes(2);
  });

  it("refuses a reused key with other arguments, saying what to do", async () => {
    const store = createIdempotencyStore();
    await store.run(scope(ALICE, "k1", { to: "1" }), async () => "done");
    await expect(store.run(scope(ALICE, "k1", { to: "2" }), async () => "other")).rejects.toMatchObject({
      message:
        'idempotencyKey "k1" was already used for sendTexts with other arguments; use a new key for a new request.',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("frees the key when CallFire refused (nothing sent) but remembers an unknown outcome", async () => {
    const store = createIdempotencyStore();
    await expect(
      store.run(scope(ALICE, "refused"), () => Promise.reject(apiError("BAD_USER_INPUT", "no"))),
    ).rejects.toThrow("no");
    expect(await store.run(scope(ALICE, "refused"), async () => "sent")).toBe("sent");

    const unknown = apiError("UPSTREAM_UNAVAILABLE", "timed out");
    await expect(store.run(scope(ALICE, "unknown"), () => Promise.reject(unknown))).rejects.toBe(unknown);
    const again = vi.fn(async () => "sent twice");
    await expect(store.run(scope(ALICE, "unknown"), again)).rejects.toBe(unknown);
    expect(again).not.toHaveBeenCalled();
  });

  it("forgets outcomes after the TTL, and the oldest finished ones beyond the size limit", async () => {
    let time = 0;
    const store = createIdempotencyStore({ ttlMs: 1000, maxEntriesPerAccount: 2, now: () => time });
    const action = vi.fn(async () => "done");
    await store.run(scope(ALICE, "a"), action);
    time = 1001;
    await store.run(scope(ALICE, "a"), action);
    expect(action).toHaveBeenCalledTimes(2);

    await store.run(scope(ALICE, "b"), action);
    await store.run(scope(ALICE, "c"), action); // evicts "a", the oldest
    await store.run(scope(ALICE, "a"), action);
    expect(action).toHaveBeenCalledTimes(5);
  });

  it("never lets another account evict a key, nor forgets a call still in flight", async () => {
    const store = createIdempotencyStore({ maxEntriesPerAccount: 2 });
    let finish!: (value: string) => void;
    const inFlight = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const first = store.run(scope(ALICE, "slow"), inFlight);
    await store.run(scope(BOB, "b1"), async () => "x");
    await store.run(scope(BOB, "b2"), async () => "x");
    await store.run(scope(BOB, "b3"), async () => "x");
    const repeat = store.run(scope(ALICE, "slow"), inFlight);
    finish("sent once");
    expect(await first).toBe("sent once");
    expect(await repeat).toBe("sent once");
    expect(inFlight).toHaveBeenCalledTimes(1);

    // Alice's bucket full of calls in flight: a new key is refused rather than forgetting one.
    const hold = () => new Promise<string>(() => {});
    void store.run(scope(ALICE, "p1"), hold);
    void store.run(scope(ALICE, "p2"), hold); // evicts the finished "slow"
    await expect(store.run(scope(ALICE, "p3"), hold)).rejects.toMatchObject({
      extensions: { code: "RATE_LIMITED" },
    });
  });

  it("matches arguments whatever their key order, and ignores nulls", async () => {
    const store = createIdempotencyStore();
    const action = vi.fn(async () => "done");
    await store.run(scope(ALICE, "k", { a: 1, b: { x: "1", y: "2" }, c: null }), action);
    await store.run(scope(ALICE, "k", { b: { y: "2", x: "1" }, a: 1 }), action);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
