// What an idempotent call leaves behind: its outcome as JSON (a value, or an error a repeat raises again),
// and whether that outcome keeps the key. Both idempotency stores record and replay through these.
import type { GraphQLError } from "graphql";
import {
  apiError,
  errorCode,
  NOTHING_SENT_CODES,
  PUBLIC_ERROR_CODES,
  type ErrorCode,
} from "../core/errors.js";

/** A finished call as stored: its JSON result, or the error a repeat answers with. */
export type StoredOutcome =
  | { ok: true; value: unknown }
  | { ok: false; code: ErrorCode; message: string; extensions: Record<string, unknown> };

function outcomeOfValue(value: unknown): StoredOutcome {
  // undefined is no JSON value: null stands for it, as a GraphQL answer would.
  return { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
}

function outcomeOfError(error: unknown): StoredOutcome {
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

/** The outcome of a call once it settles (never rejects). */
export function outcomeOf(result: Promise<unknown>): Promise<StoredOutcome> {
  return result.then(outcomeOfValue, outcomeOfError);
}

/**
 * Whether a finished call keeps its key: a success, or an unknown outcome (timeout, 5xx), so a retry
 * cannot send twice. A refusal by CallFire, or a call
 * never sent (NOTHING_SENT_CODES), leaves the key free to try again.
 */
export function keepsKey(outcome: StoredOutcome): boolean {
  return outcome.ok || !NOTHING_SENT_CODES.has(outcome.code);
}
