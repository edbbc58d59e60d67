// The error codes a client can see (docs/architecture.md §Errors) and the one way to raise them.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "UPSTREAM_UNAVAILABLE"
  | "IDEMPOTENCY_UNAVAILABLE"
  | "OVERLOADED"
  | "CANCELLED"
  | "SUBSCRIPTIONS_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/** Codes raised on purpose; formatError passes these through and masks everything else. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "RATE_LIMITED",
  "UPSTREAM_UNAVAILABLE",
  "IDEMPOTENCY_UNAVAILABLE",
  "OVERLOADED",
  "CANCELLED",
  "SUBSCRIPTIONS_UNAVAILABLE",
]);

/**
 * Codes after which nothing was done: CallFire refused the call (4xx) or it never reached CallFire
 * (refused for load, abandoned). A mutation that failed so may be sent again, under the same idempotency
 * key too; after any other failure its outcome is unknown.
 */
export const NOTHING_SENT_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "RATE_LIMITED",
  "OVERLOADED",
  "CANCELLED",
]);

/** What CallFire said, safe to show a client: never a URL, never credentials. */
export interface UpstreamDetails {
  status: number;
  internalCode?: number | string;
  message?: string;
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  IDEMPOTENCY_UNAVAILABLE: 503,
  OVERLOADED: 503,
  CANCELLED: 499,
  SUBSCRIPTIONS_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export function apiError(
  code: ErrorCode,
  message: string,
  options: { upstream?: UpstreamDetails; retryAfterSeconds?: number } = {},
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code,
      ...(options.upstream ? { upstream: options.upstream } : {}),
      ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
      // Only an unauthenticated request gets a non-200 status, so partial data elsewhere still reaches clients.
      ...(code === "UNAUTHENTICATED" ? { http: { status: HTTP_STATUS[code] } } : {}),
    },
  });
}

/**
 * A failure that shows CallFire itself is unwell: a 5xx, no connection, a call in flight that ran out its
 * CALLFIRE_TIMEOUT_MS, or an answer that breaks CallFire's protocol. Only these count for the circuit
 * breaker; our own queueing, a request's deadline and a client that left never do.
 */
export class UpstreamFault extends GraphQLError {}

export function upstreamFault(message: string, upstream?: UpstreamDetails): UpstreamFault {
  return new UpstreamFault(message, {
    extensions: { code: "UPSTREAM_UNAVAILABLE", ...(upstream ? { upstream } : {}) },
  });
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

/** A client's value as an error message quotes it: JSON, cut at 40 characters. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
