// Makes a mutation safe to repeat: a client that sends the same idempotencyKey again (a double click,
// a retried network call) gets the first call's outcome instead of texting everyone twice. Shared across
// requests, so entries live in one bucket per CallFire credential: one account never sees, nor evicts,
// another's.
import { createHash } from "node:crypto";
import type { Credentials } from "../core/credentials.js";
import { apiError, errorCode } from "../core/errors.js";

export interface IdempotencyOptions {
  /** How long an outcome is remembered. */
  ttlMs?: number;
  /** Most outcomes remembered per credential; the oldest finished ones go first. */
  maxEntriesPerAccount?: number;
  now?: () => number;
}

interface Entry {
  fingerprint: string;
  outcome: Promise<unknown>;
  settled: boolean;
  expiresAt: number;
}

/** CallFire refused these, so nothing was sent: the same key may be tried again. */
const NOTHING_SENT = new Set(["BAD_USER_INPUT", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "RATE_LIMITED"]);

export interface IdempotencyScope {
  credentials: Credentials | undefined;
  mutation: string;
  key: string;
  args: unknown;
}

export interface IdempotencyStore {
  /** The outcome of `action` for this credential, mutation and key: run once, then replayed. */
  run<T>(scope: IdempotencyScope, action: () => Promise<T>): Promise<T>;
}

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url");
}

/** Arguments as plain data with sorted keys and no nulls, so a retry that orders them differently matches. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null && entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, canonical(entry)]),
  );
}

export function createIdempotencyStore(options: IdempotencyOptions = {}): IdempotencyStore {
  const { ttlMs = 24 * 60 * 60 * 1000, maxEntriesPerAccount = 1000, now = Date.now } = options;
  const accounts = new Map<string, Map<string, Entry>>();

  /** Makes room in one account's bucket: expired entries go, then the oldest finished one. */
  function makeRoom(entries: Map<string, Entry>): boolean {
    const time = now();
    for (const [id, entry] of entries) if (entry.settled && entry.expiresAt <= time) entries.delete(id);
    if (entries.size < maxEntriesPerAccount) return true;
    for (const [id, entry] of entries) {
      if (entry.settled) {
        entries.delete(id);
        return true;
      }
    }
    return false; // every entry is a call still in flight: never forget one of those
  }

  return {
    run<T>(scope: IdempotencyScope, action: () => Promise<T>): Promise<T> {
      const account = hash([scope.credentials?.login, scope.credentials?.password]);
      const id = hash([scope.mutation, scope.key]);
      const fingerprint = hash(canonical(scope.args));
      const entries = accounts.get(account) ?? new Map<string, Entry>();
      accounts.set(account, entries);

      const existing = entries.get(id);
      if (existing && existing.expiresAt > now()) {
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
      entries.delete(id);
      if (!makeRoom(entries)) {
        return Promise.reject(
          apiError(
            "RATE_LIMITED",
            `Too many calls with an idempotencyKey are in flight; wait for some to finish.`,
          ),
        );
      }

      const entry: Entry = { fingerprint, outcome: action(), settled: false, expiresAt: now() + ttlMs };
      entries.set(id, entry);
      const forget = () => {
        if (entries.get(id) === entry) entries.delete(id);
        if (entries.size === 0 && accounts.get(account) === entries) accounts.delete(account);
      };
      // A refusal by CallFire sent nothing, so the key is free again; an unknown outcome (timeout, 5xx)
      // stays remembered, so a retry with this key cannot send twice.
      entry.outcome.then(
        () => void (entry.settled = true),
        (error: unknown) => {
          entry.settled = true;
          if (NOTHING_SENT.has(errorCode(error) ?? "")) forget();
        },
      );
      return entry.outcome as Promise<T>;
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
