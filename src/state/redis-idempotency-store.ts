// The idempotency store shared by replicas (REDIS_URL). A key is claimed atomically (SET NX), so of any
// number of repeats on any replicas exactly one calls CallFire; the others poll until its outcome is
// stored (as JSON, for 24 hours) and answer with it. Redis unreachable: a keyed call fails closed with
// IDEMPOTENCY_UNAVAILABLE before anything is sent.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { apiError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { keyReusedError, scopeKeys } from "./idempotency-keys.js";
import { keepsKey, outcomeOf, replay, type StoredOutcome } from "./idempotency-outcome.js";
import { IDEMPOTENCY_TTL_MS, type IdempotencyScope, type IdempotencyStore } from "./idempotency-store.js";

export interface RedisIdempotencyOptions {
  redis: Redis;
  /** Prepended to every key (REDIS_KEY_PREFIX). */
  prefix: string;
  log: Logger;
  ttlMs?: number;
  /** How long a repeat waits for the first call's outcome before asking the client to retry. */
  maxWaitMs?: number;
  /** A claim older than this never got its outcome stored (its replica died): the outcome is unknown. */
  staleClaimMs?: number;
}

/** What Redis holds under a key: a claim while the first call runs, then its outcome. */
type StoredRecord =
  | { state: "claimed"; fingerprint: string; owner: string; claimedAt: number }
  | { state: "done"; fingerprint: string; outcome: StoredOutcome };

/** Deletes the key only while it still holds this owner's claim. */
const RELEASE_CLAIM = `
local current = redis.call("GET", KEYS[1])
if current and cjson.decode(current).owner == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

function unavailable(): Error {
  return apiError(
    "IDEMPOTENCY_UNAVAILABLE",
    "The idempotency store (Redis) cannot be reached, so this call was not sent; retry with the same idempotencyKey shortly.",
    { retryAfterSeconds: 1 },
  );
}

function stillRunning(): Error {
  return apiError(
    "IDEMPOTENCY_UNAVAILABLE",
    "The first call with this idempotencyKey is still running, so this one was not sent; retry with the same idempotencyKey shortly.",
    { retryAfterSeconds: 1 },
  );
}

const OUTCOME_LOST: StoredOutcome = {
  ok: false,
  code: "UPSTREAM_UNAVAILABLE",
  message:
    "The first call with this idempotencyKey stopped before its outcome was recorded, so whether it was sent is unknown; check with texts before sending again under a new key.",
  extensions: {},
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createRedisIdempotencyStore(options: RedisIdempotencyOptions): IdempotencyStore {
  const {
    redis,
    prefix,
    log,
    ttlMs = IDEMPOTENCY_TTL_MS,
    maxWaitMs = 20_000,
    staleClaimMs = 120_000,
  } = options;

  /** Runs a Redis command; any failure means "cannot know": refuse before sending. */
  async function command<R>(run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (error) {
      log.warn("idempotency store unreachable", { error: (error as Error).message });
      throw unavailable();
    }
  }

  async function settle(key: string, claim: string, fingerprint: string, outcome: StoredOutcome) {
    const record: StoredRecord = { state: "done", fingerprint, outcome };
    try {
      if (keepsKey(outcome)) await redis.set(key, JSON.stringify(record), "PX", ttlMs);
      else await redis.eval(RELEASE_CLAIM, 1, key, claim);
    } catch (error) {
      // The claim stays, so a repeat answers "outcome unknown" rather than sending again.
      log.error("could not record the outcome of an idempotent call", { error: (error as Error).message });
    }
  }

  return {
    async run<T>(scope: IdempotencyScope, action: () => Promise<T>): Promise<T> {
      const { account, id, fingerprint } = scopeKeys(scope);
      const key = `${prefix}idempotency:${account}:${id}`;
      const deadline = Date.now() + maxWaitMs;
      for (let pause = 25; ; pause = Math.min(pause * 2, 200)) {
        const owner = randomUUID();
        const claim: StoredRecord = { state: "claimed", fingerprint, owner, claimedAt: Date.now() };
        const claimed = await command(() => redis.set(key, JSON.stringify(claim), "PX", ttlMs, "NX"));
        if (claimed === "OK") {
          const result = action();
          // Awaited, so the outcome is stored before the client has its answer and can repeat.
          await outcomeOf(result).then((outcome) => settle(key, owner, fingerprint, outcome));
          return result;
        }

        const raw = await command(() => redis.get(key));
        if (raw === null) continue; // released (nothing was sent) or expired: claim it again
        const record = JSON.parse(raw) as StoredRecord;
        if (record.fingerprint !== fingerprint) throw keyReusedError(scope);
        if (record.state === "done") return replay<T>(record.outcome);
        if (Date.now() - record.claimedAt > staleClaimMs) return replay<T>(OUTCOME_LOST);
        if (Date.now() + pause > deadline) throw stillRunning();
        await sleep(pause);
      }
    },
  };
}
