// The error codes a client can see (ARCHITECTURE.md, "Errors") and the one way to raise them.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "UPSTREAM_UNAVAILABLE"
  | "IDEMPOTENCY_UNAVAILABLE"
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

export function errorCode(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === "string" ? code : undefined;
}
