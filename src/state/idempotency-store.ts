// Makes a mutation safe to repeat: a client that sends the same idempotencyKey again (a double click,
// a retried network call, a retry that reaches another replica or comes after a deploy) gets the first
// call's outcome instead of texting everyone twice. Two implementations of one interface: in memory
// (memory-idempotency-store.ts, the default) and Redis (redis-idempotency-store.ts, shared by replicas).
// Both keep outcomes per CallFire credential, for 24 hours, as JSON.
import { createHash } from "node:crypto";
import type { GraphQLError } from "graphql";
import type { Credentials } from "../core/credentials.js";
import {
  apiError,
  errorCode,
  NOTHING_SENT_CODES,
  PUBLIC_ERROR_CODES,
  type ErrorCode,
} from "../core/errors.js";

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

/**
 * Whether a finished call keeps its key: a success, or an unknown outcome (timeout, 5xx), so a retry
 * cannot send twice. A refusal by CallFire, or a call
 * never sent (NOTHING_SENT_CODES), leaves the key free to try again.
 */
export function keepsKey(outcome: StoredOutcome): boolean {
  return outcome.ok || !NOTHING_SENT_CODES.has(outcome.code);
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

export interface ScopeKeys {
  /** The credential: login and password, so two passwords of one login never share outcomes. */
  account: string;
  /** The mutation and key within the account. */
  id: string;
  /** The arguments, to refuse a key reused for another request. */
  fingerprint: string;
}

export function scopeKeys(scope: IdempotencyScope): ScopeKeys {
  return {
    account: hash([scope.credentials?.login, scope.credentials?.password]),
    id: hash([scope.mutation, scope.key]),
    fingerprint: hash(canonical(scope.args)),
  };
}

export function keyReusedError(scope: IdempotencyScope) {
  return apiError(
    "BAD_USER_INPUT",
    `idempotencyKey "${scope.key}" was already used for ${scope.mutation} with other arguments; use a new key for a new request.`,
  );
}

/** A finished call as stored: its JSON result, or the error a repeat answers with. */
export type StoredOutcome =
  | { ok: true; value: unknown }
  | { ok: false; code: ErrorCode; message: string; extensions: Record<string, unknown> };

export function outcomeOfValue(value: unknown): StoredOutcome {
  // undefined is no JSON value: null stands for it, as a GraphQL answer would.
  return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
}

export function outcomeOfError(error: unknown): StoredOutcome {
  const code = errorCode(error);
  if (code !== undefined && PUBLIC_ERROR_CODES.has(code)) {
    const extensions = JSON.parse(JSON.stringify((error as GraphQLError).extensions)) as Record<
      string,
      unknown
    >;
    delete extensions.code;
    return { ok: false, code: code as ErrorCode, message: (error as Error).message, extensions };
  }
  // Something unexpected: its message is not for clients, and whether CallFire sent is unknown.
  return {
    ok: false,
    code: "UPSTREAM_UNAVAILABLE",
    message:
      "The first call with this idempotencyKey failed in an unexpected way, so whether it was sent is unknown; check with texts before sending again under a new key.",
    extensions: {},
  };
}

/** What a repeat answers: the stored value, or the stored error raised again. */
export function replay<T>(outcome: StoredOutcome): T {
  if (outcome.ok) return outcome.value as T;
  const error = apiError(outcome.code, outcome.message);
  Object.assign(error.extensions, outcome.extensions);
  throw error;
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
