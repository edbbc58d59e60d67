// How a CallFire call failed → the GraphQL errors of the README's table. What reaches a client is CallFire's
// status, internalCode and (shortened) message only: never a URL, never developerMessage, never
// credentials. Failures that show CallFire itself is unwell are UpstreamFaults, the only ones the circuit
// breaker counts; everything CallFire does outside its documented protocol is one of them.
import type { GraphQLError } from "graphql";
import { abandonedError } from "./connection-queue.js";
import { apiError, upstreamFault, type ErrorCode, type UpstreamDetails } from "../src/core/errors.js";
import type { Logger } from "../src/core/logger.js";
import type { RequestDeadline } from "./request-deadline.js";

/** What the failed call was about, in words a client may read, e.g. "text broadcast 13". */
export interface FailedCall {
  what: string;
  method: string;
  /** The path below the base URL, without the query (which can hold phone numbers). */
  path: string;
}

/** How one attempt failed, as the transport saw it. */
export type CallFailure =
  | { kind: "status"; status: number; retryAfter?: string; body: unknown }
  | { kind: "redirect"; status: number }
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "abandoned" }
  | { kind: "network"; code: string }
  | { kind: "too-large"; maxBytes: number }
  | { kind: "bad-encoding" }
  | { kind: "not-json"; status: number };

/** The statuses CallFire documents for errors (docs/callfire-api.md §Errors); any other is a fault. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: "BAD_USER_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  429: "RATE_LIMITED",
};

/** "Too large" answers to our request itself: the caller sent values too long for CallFire. */
const REQUEST_TOO_LARGE = new Set([413, 414, 431]);

/** Longest CallFire error message passed on; a longer one is cut (a proxy's page can be megabytes). */
export const MAX_UPSTREAM_MESSAGE = 300;

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function errorBody(body: unknown): Record<string, unknown> {
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** Retry-After as whole seconds: either delay-seconds or an HTTP date. */
export function retryAfterSeconds(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

function upstreamDetails(status: number, body: unknown): UpstreamDetails {
  const { internalCode, message } = errorBody(body);
  return {
    status,
    ...((typeof internalCode === "number" && Number.isSafeInteger(internalCode)) ||
    (typeof internalCode === "string" && internalCode.length <= 40)
      ? { internalCode }
      : {}),
    ...(typeof message === "string" ? { message: shorten(message, MAX_UPSTREAM_MESSAGE) } : {}),
  };
}

function fromStatus(
  failure: Extract<CallFailure, { kind: "status" }>,
  call: FailedCall,
  log: Logger,
): GraphQLError {
  const { status } = failure;
  const upstream = upstreamDetails(status, failure.body);
  const developerMessage = errorBody(failure.body).developerMessage;
  log.debug("CallFire answered with an error", {
    method: call.method,
    path: call.path,
    status,
    internalCode: upstream.internalCode,
    upstreamMessage: upstream.message,
    developerMessage: typeof developerMessage === "string" ? shorten(developerMessage, 1000) : undefined,
  });
  if (REQUEST_TOO_LARGE.has(status)) {
    return apiError(
      "BAD_USER_INPUT",
      `CallFire refused the request for ${call.what} as too large (HTTP ${status}): send shorter values or fewer items`,
      { upstream },
    );
  }
  const code = STATUS_CODES[status];
  switch (code) {
    case "BAD_USER_INPUT":
      return apiError(code, upstream.message ?? `CallFire rejected the request for ${call.what}`, {
        upstream,
      });
    case "UNAUTHENTICATED":
      return apiError(
        code,
        "CallFire rejected the API credentials: send Authorization: Basic base64(login:password) with a CallFire API credential pair",
        { upstream },
      );
    case "FORBIDDEN":
      return apiError(code, `The CallFire account may not access ${call.what}`, { upstream });
    case "NOT_FOUND":
      return apiError(code, `CallFire has no ${call.what}`, { upstream });
    case "RATE_LIMITED":
      return apiError(code, "CallFire's rate limit was reached; try again later", {
        upstream,
        retryAfterSeconds: retryAfterSeconds(failure.retryAfter),
      });
    default:
      return upstreamFault(
        status >= 500
          ? `CallFire is unavailable (HTTP ${status}); try again later`
          : `CallFire answered the request for ${call.what} with HTTP ${status}, which its API does not document; try again later`,
        upstream,
      );
  }
}

/** The GraphQL error for a failed call. */
export function toApiError(
  failure: CallFailure,
  call: FailedCall,
  deadline: RequestDeadline,
  log: Logger,
): GraphQLError {
  switch (failure.kind) {
    case "status":
      return fromStatus(failure, call, log);
    case "timeout":
      return upstreamFault(
        `CallFire did not answer within ${failure.timeoutMs / 1000} s (${call.what}); try again later`,
      );
    case "abandoned":
      return deadline.reason === "deadline"
        ? apiError(
            "UPSTREAM_UNAVAILABLE",
            `CallFire did not answer before the request's deadline of ${deadline.deadlineMs / 1000} s (${call.what}); try again later`,
          )
        : abandonedError(deadline);
    case "network":
      return upstreamFault(`Could not reach CallFire (${failure.code})`);
    case "redirect":
      return upstreamFault(
        `CallFire answered the request for ${call.what} with a redirect (HTTP ${failure.status}), which is not followed${call.method === "GET" ? " to another origin" : " for a write"}; try again later`,
        { status: failure.status },
      );
    case "too-large":
      return upstreamFault(
        `CallFire's answer for ${call.what} is larger than the ${failure.maxBytes} bytes accepted; ask for fewer items (a smaller limit)`,
      );
    case "bad-encoding":
      return upstreamFault(`CallFire's answer for ${call.what} could not be decompressed; try again later`);
    case "not-json":
      return upstreamFault(`CallFire's answer for ${call.what} is not JSON; try again later`, {
        status: failure.status,
      });
  }
}

/** An answer whose JSON is not the shape CallFire documents (null, an array, no items…). */
export function malformedAnswer(call: FailedCall, expected: string): GraphQLError {
  return upstreamFault(`CallFire's answer for ${call.what} is not ${expected}; try again later`);
}
