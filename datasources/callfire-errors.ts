// got errors → the GraphQL errors of ARCHITECTURE.md ("Errors"). What reaches a client is CallFire's status,
// internalCode and message only: never a URL, never developerMessage, never credentials (got's own
// errors carry the request options, Authorization header included, so none of them is passed on).
import { HTTPError, MaxRedirectsError, ParseError, RequestError, TimeoutError } from "got";
import type { GraphQLError } from "graphql";
import type { ErrorResponse } from "./callfire.dto.js";
import { apiError, type ErrorCode, type UpstreamDetails } from "../src/core/errors.js";
import type { Logger } from "../src/core/logger.js";

/** What the failed call was about, in words a client may read, e.g. "text broadcast 13". */
export interface FailedCall {
  what: string;
  method: string;
  /** The path below the base URL, without the query (which can hold phone numbers). */
  path: string;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "BAD_USER_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  429: "RATE_LIMITED",
};

function errorBody(body: unknown): ErrorResponse {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as ErrorResponse) : {};
}

/** Retry-After as whole seconds: either delay-seconds or an HTTP date. */
function retryAfterSeconds(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

function messageFor(code: ErrorCode, call: FailedCall, upstream: UpstreamDetails): string {
  switch (code) {
    case "BAD_USER_INPUT":
      return upstream.message ?? `CallFire rejected the request for ${call.what}`;
    case "UNAUTHENTICATED":
      return "CallFire rejected the API credentials: send Authorization: Basic base64(login:password) with a CallFire API credential pair";
    case "FORBIDDEN":
      return `The CallFire account may not access ${call.what}`;
    case "NOT_FOUND":
      return `CallFire has no ${call.what}`;
    case "RATE_LIMITED":
      return "CallFire's rate limit was reached; try again later";
    default:
      return `CallFire is unavailable (HTTP ${upstream.status}); try again later`;
  }
}

function fromHttpError(error: HTTPError, call: FailedCall, log: Logger): GraphQLError | Error {
  const status = error.response.statusCode;
  const body = errorBody(error.response.body);
  const upstream: UpstreamDetails = {
    status,
    ...(typeof body.internalCode === "number" || typeof body.internalCode === "string"
      ? { internalCode: body.internalCode }
      : {}),
    ...(typeof body.message === "string" ? { message: body.message } : {}),
  };
  log.debug("CallFire answered with an error", {
    method: call.method,
    path: call.path,
    status,
    internalCode: upstream.internalCode,
    upstreamMessage: upstream.message,
    developerMessage: body.developerMessage,
  });
  const code = STATUS_CODES[status] ?? (status >= 500 ? "UPSTREAM_UNAVAILABLE" : undefined);
  if (code === undefined) {
    // A status CallFire does not document: unexpected, so the server masks and logs it.
    return new Error(`CallFire answered ${call.method} ${call.path} with unexpected HTTP ${status}`);
  }
  const retryAfter =
    code === "RATE_LIMITED" ? retryAfterSeconds(error.response.headers["retry-after"]) : undefined;
  return apiError(code, messageFor(code, call, upstream), { upstream, retryAfterSeconds: retryAfter });
}

/** Maps a failed CallFire call to a GraphQLError with a code; anything unexpected becomes a plain Error. */
export function toApiError(error: unknown, call: FailedCall, log: Logger): unknown {
  if (error instanceof HTTPError) return fromHttpError(error, call, log);
  if (error instanceof TimeoutError) {
    return apiError("UPSTREAM_UNAVAILABLE", `CallFire did not answer in time (${call.what})`);
  }
  if (error instanceof ParseError || error instanceof MaxRedirectsError) {
    // A 2xx body that is not JSON, or a redirect loop: unexpected, so masked by the server and logged.
    return new Error(`CallFire call ${call.method} ${call.path} failed: ${error.name}`);
  }
  if (error instanceof RequestError) {
    return apiError("UPSTREAM_UNAVAILABLE", `Could not reach CallFire (${error.code})`);
  }
  return error;
}
