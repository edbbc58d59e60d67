// What every idempotency store must do; the in-memory and the Redis store tests both run it.
import { expect, it, vi } from "vitest";
import { apiError } from "../../src/core/errors.js";
import type { IdempotencyStore } from "../../src/state/idempotency-store.js";

export const ALICE = { login: "alice", password: "a-secret" };
export const BOB = { login: "bob", password: "b-secret" };

export const scope = (credentials = ALICE, key = "k1", args: unknown = { to: "1" }) => ({
  credentials,
  mutation: "sendTexts",
  key,
  args,
});

export function idempotencyContract(create: () => IdempotencyStore): void {
  it("runs the action once per key and replays its result to a concurrent and a later repeat", async () => {
    const store = create();
    const action = vi.fn(async () => ({ ids: ["text-1"] }));
    const [first, concurrent] = await Promise.all([store.run(scope(), action), store.run(scope(), action)]);
    expect(first).toEqual({ ids: ["text-1"] });
    expect(concurrent).toEqual(first);
    expect(await store.run(scope(), action)).toEqual(first);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it("replays a JSON copy of the outcome: what any replica, any time later, would get", async () => {
    const store = create();
    const sent = { at: new Date(0), texts: [{ id: "1", note: undefined }] };
    expect(await store.run(scope(ALICE, "json"), async () => sent)).toBe(sent);
    expect(await store.run(scope(ALICE, "json"), async () => "again")).toEqual({
      at: "1970-01-01T00:00:00.000Z",
      texts: [{ id: "1" }],
    });
  });

  it("keeps credentials apart: another login, or the same login with another password, runs again", async () => {
    const store = create();
    const action = vi.fn(async () => "done");
    await store.run(scope(ALICE), action);
    await store.run(scope(BOB), action);
    await store.run(scope({ login: ALICE.login, password: "another" }), action);
    expect(action).toHaveBeenCalledTimes(3);
  });

  it("refuses a reused key with other arguments, saying what to do", async () => {
    const store = create();
    await store.run(scope(ALICE, "reused", { to: "1" }), async () => "done");
    await expect(store.run(scope(ALICE, "reused", { to: "2" }), async () => "other")).rejects.toMatchObject({
      message:
        'idempotencyKey "reused" was already used for sendTexts with other arguments; use a new key for a new request.',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("frees the key when CallFire refused (nothing sent) but remembers an unknown outcome", async () => {
    const store = create();
    await expect(
      store.run(scope(ALICE, "refused"), () => Promise.reject(apiError("BAD_USER_INPUT", "no"))),
    ).rejects.toThrow("no");
    expect(await store.run(scope(ALICE, "refused"), async () => "sent")).toBe("sent");

    const unknown = apiError("UPSTREAM_UNAVAILABLE", "timed out", { retryAfterSeconds: 3 });
    await expect(store.run(scope(ALICE, "unknown"), () => Promise.reject(unknown))).rejects.toBe(unknown);
    const again = vi.fn(async () => "sent twice");
    await expect(store.run(scope(ALICE, "unknown"), again)).rejects.toMatchObject({
      message: "timed out",
      extensions: { code: "UPSTREAM_UNAVAILABLE", retryAfterSeconds: 3 },
    });
    expect(again).not.toHaveBeenCalled();
  });

  it("answers an unexpected failure's repeat with 'outcome unknown', never its internal message", async () => {
    const store = create();
    await expect(
      store.run(scope(ALICE, "bug"), () => Promise.reject(new Error("at /srv/x.js line 3"))),
    ).rejects.toThrow("at /srv/x.js line 3");
    const repeat = store.run(scope(ALICE, "bug"), async () => "sent twice");
    await expect(repeat).rejects.toMatchObject({ extensions: { code: "UPSTREAM_UNAVAILABLE" } });
    await expect(repeat).rejects.toThrow(/whether it was sent is unknown/);
  });

  it("matches arguments whatever their key order, and ignores nulls", async () => {
    const store = create();
    const action = vi.fn(async () => "done");
    await store.run(scope(ALICE, "k", { a: 1, b: { x: "1", y: "2" }, c: null }), action);
    await store.run(scope(ALICE, "k", { b: { y: "2", x: "1" }, a: 1 }), action);
    expect(action).toHaveBeenCalledTimes(1);
  });
}
