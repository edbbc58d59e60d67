// Makes a mutation safe to repeat: a client that sends the same idempotencyKey again (a double click,
// a retried network call) gets the first call's outcome instead of texting everyone twice. Shared across
// requests, so every entry is scoped by a hash of the CallFire credential: one account never sees another's.
import { createHash } from "node:crypto";
import type { Credentials } from "../datasources/credentials.js";
import { apiError, errorCode } from "../datasources/errors.js";

export interface IdempotencyOptions {
  /** How long an outcome is remembered. */
  ttlMs?: number;
  /** Most outcomes remembered; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  fingerprint: string;
  outcome: Promise<unknown>;
  expiresAt: number;
}

/** CallFire refused these, so nothing was sent: the same key may be tried again. */
const NOTHING_SENT = new Set(["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"]);

export interface IdempotencyStore {
  /** The outcome of `action` for this credential, mutation and key: run once, then replayed. */
  run<T>(
    scope: { credentials: Credentials | undefined; mutation: string; key: string; args: unknown },
    action: () => Promise<T>,
  ): Promise<T>;
}

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url");
}

export function createIdempotencyStore(options: IdempotencyOptions = {}): IdempotencyStore {
  const { ttlMs = 24 * 60 * 60 * 1000, maxEntries = 10_000, now = Date.now } = options;
  const entries = new Map<string, Entry>();

  const sweep = () => {
    const time = now();
    for (const [id, entry] of entries) {
      if (entry.expiresAt <= time || entries.size >= maxEntries) entries.delete(id);
      else break; // insertion order is expiry order: the rest are younger
    }
  };

  return {
    run<T>(
      scope: { credentials: Credentials | undefined; mutation: string; key: string; args: unknown },
      action: () => Promise<T>,
    ): Promise<T> {
      sweep();
      const id = hash([scope.credentials?.login, scope.credentials?.password, scope.mutation, scope.key]);
      const fingerprint = hash(scope.args);
      const existing = entries.get(id);
      if (existing) {
        if (existing.fingerprint !== fingerprint) {
          return Promise.reject(
            apiError(
              "BAD_USER_INPUT",
              `idempotencyKey "${scope.key}" was already used for ${scope.mutation} with other arguments; use a new key for a new request.`,
            ),
          );
        }
        return existing.outcome as Promise<T>;
      }
      const outcome = action();
      entries.set(id, { fingerprint, outcome, expiresAt: now() + ttlMs });
      // A refusal by CallFire sent nothing, so the key is free again; an unknown outcome (timeout, 5xx)
      // stays remembered, so a retry with this key cannot send twice.
      outcome.catch((error: unknown) => {
        if (NOTHING_SENT.has(errorCode(error) ?? "")) entries.delete(id);
      });
      return outcome;
    },
  };
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
