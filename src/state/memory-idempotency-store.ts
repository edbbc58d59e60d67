// The in-process idempotency store (no REDIS_URL): one bucket per credential, so one account never
// sees, nor evicts, another's keys. Finished outcomes sit in an LRU of at most 10,000 per credential
// for 24 hours; calls still in flight are held apart and never evicted (a forgotten one could send twice).
import { LRUCache } from "lru-cache";
import { apiError } from "../core/errors.js";
import { keyReusedError, scopeKeys } from "./idempotency-keys.js";
import { keepsKey, outcomeOf, replay, type StoredOutcome } from "./idempotency-outcome.js";
import { IDEMPOTENCY_TTL_MS, type IdempotencyScope, type IdempotencyStore } from "./idempotency-store.js";

export const MAX_KEYS_PER_CREDENTIAL = 10_000;

export interface MemoryIdempotencyOptions {
  ttlMs?: number;
  /** Most finished outcomes kept per credential, and most calls in flight per credential. */
  maxEntriesPerAccount?: number;
  /** Milliseconds on a monotonic clock (tests move it). */
  now?: () => number;
}

interface Finished {
  fingerprint: string;
  outcome: StoredOutcome;
}

interface InFlight {
  fingerprint: string;
  outcome: Promise<StoredOutcome>;
}

interface Account {
  finished: LRUCache<string, Finished>;
  inFlight: Map<string, InFlight>;
}

export function createMemoryIdempotencyStore(options: MemoryIdempotencyOptions = {}): IdempotencyStore {
  const {
    ttlMs = IDEMPOTENCY_TTL_MS,
    maxEntriesPerAccount = MAX_KEYS_PER_CREDENTIAL,
    now = () => performance.now(),
  } = options;
  const accounts = new Map<string, Account>();

  function accountOf(id: string): Account {
    let account = accounts.get(id);
    if (account === undefined) {
      account = {
        finished: new LRUCache({ max: maxEntriesPerAccount, ttl: ttlMs, ttlResolution: 0, perf: { now } }),
        inFlight: new Map(),
      };
      accounts.set(id, account);
    }
    return account;
  }

  function forgetIfEmpty(id: string, account: Account): void {
    if (account.inFlight.size === 0 && account.finished.size === 0 && accounts.get(id) === account)
      accounts.delete(id);
  }

  return {
    async run<T>(scope: IdempotencyScope, action: () => Promise<T>): Promise<T> {
      const keys = scopeKeys(scope);
      const account = accountOf(keys.account);

      const finished = account.finished.get(keys.id);
      const inFlight = account.inFlight.get(keys.id);
      const known = finished ?? inFlight;
      if (known !== undefined && known.fingerprint !== keys.fingerprint) throw keyReusedError(scope);
      if (finished !== undefined) return replay<T>(finished.outcome);
      if (inFlight !== undefined) return replay<T>(await inFlight.outcome);
      if (account.inFlight.size >= maxEntriesPerAccount) {
        throw apiError(
          "RATE_LIMITED",
          "Too many calls with an idempotencyKey are in flight; wait for some to finish.",
        );
      }

      const result = action();
      const entry: InFlight = {
        fingerprint: keys.fingerprint,
        outcome: outcomeOf(result),
      };
      account.inFlight.set(keys.id, entry);
      void entry.outcome.then((outcome) => {
        account.inFlight.delete(keys.id);
        if (keepsKey(outcome)) account.finished.set(keys.id, { fingerprint: keys.fingerprint, outcome });
        forgetIfEmpty(keys.account, account);
      });
      return result;
    },
  };
}
