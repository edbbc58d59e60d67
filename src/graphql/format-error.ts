// The edge of the error policy: errors raised on purpose keep their code and message; anything else is
// masked as INTERNAL_SERVER_ERROR and logged, so no stack, URL or credential reaches a client.
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { PUBLIC_ERROR_CODES } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

/** Apollo's own request errors (parse, validation, variable coercion) are safe to show as they are. */
const APOLLO_CODES: ReadonlySet<string> = new Set(
  Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
);

/** The code a client sees for an error: its own when raised on purpose, else INTERNAL_SERVER_ERROR. */
export function publicErrorCode(error: { readonly extensions?: Readonly<Record<string, unknown>> }): string {
  const code = error.extensions?.code;
  if (typeof code === "string" && (PUBLIC_ERROR_CODES.has(code) || APOLLO_CODES.has(code))) return code;
  // Apollo refuses some requests (a persisted-query hash that does not match its query) with an HTTP 4xx
  // and no code: the caller's mistake, and the message says which.
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return code === undefined && typeof status === "number" && status >= 400 && status < 500
    ? ApolloServerErrorCode.BAD_REQUEST
    : ApolloServerErrorCode.INTERNAL_SERVER_ERROR;
}

export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = publicErrorCode(error instanceof GraphQLError ? error : formatted);
    if (code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    log.error("unexpected error", { error, path: formatted.path });
    return {
      message: "Unexpected error.",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
