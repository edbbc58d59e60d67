// Makes a mutation safe to repeat: a client that sends the same idempotencyKey again (a double click,
// a retried network call, a retry that reaches another replica or comes after a deploy) gets the first
// call's outcome instead of texting everyone twice. Two implementations of one interface: in memory
// (memory-idempotency-store.ts, the default) and Redis (redis-idempotency-store.ts, shared by replicas).
// Both key calls alike (idempotency-keys.ts) and keep their outcomes (idempotency-outcome.ts) per CallFire
// credential, for 24 hours, as JSON.
import type { Credentials } from "../core/credentials.js";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyScope {
  credentials: Credentials | undefined;
  mutation: string;
  key: string;
  args: unknown;
}

export interface IdempotencyStore {
  /**
   * The outcome of `action` for this credential, mutation and key: run once, then replayed. The
   * outcome must be plain JSON (a repeat gets a JSON copy, whichever replica it reaches), and should be
   * the whole result, so a replay never needs CallFire.
   */
  run<T>(scope: IdempotencyScope, action: () => Promise<T>): Promise<T>;
}

/** The store bound to one request's credentials, as resolvers use it (through the context). */
export interface RequestIdempotency {
  /** Runs `action` once per key; without a key it simply runs it. */
  run<T>(
    mutation: string,
    key: string | null | undefined,
    args: unknown,
    action: () => Promise<T>,
  ): Promise<T>;
}

export function bindIdempotency(
  store: IdempotencyStore,
  credentials: Credentials | undefined,
): RequestIdempotency {
  return {
    run: (mutation, key, args, action) =>
      key == null ? action() : store.run({ credentials, mutation, key, args }, action),
  };
}
