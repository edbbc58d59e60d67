// What the server answers when a request never reaches GraphQL: a body that is not JSON or is too large,
// or an unknown path. Always JSON in GraphQL's error shape, never express's HTML page with a stack trace.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../core/logger.js";

interface BodyParserError {
  status?: number;
  type?: string;
  limit?: number;
}

function describe(error: BodyParserError & Error, status: number): string {
  if (error.type === "entity.too.large") {
    return `The request body is larger than the ${error.limit ?? "allowed"} bytes accepted; send a smaller operation or fewer variables.`;
  }
  if (error.type === "entity.parse.failed") {
    return `The request body is not valid JSON (${error.message}); send {"query": "...", "variables": {...}} with content-type application/json.`;
  }
  return status < 500 ? error.message : "Unexpected error.";
}

/** The status and JSON body for an error raised before GraphQL (body parsing) or outside it. */
export function errorResponse(error: unknown, log: Logger) {
  const failure = error as BodyParserError & Error;
  const status = failure.status && failure.status >= 400 && failure.status < 600 ? failure.status : 500;
  if (status >= 500) log.error("unexpected HTTP error", { error });
  return {
    status,
    body: {
      errors: [
        {
          message: describe(failure, status),
          extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" },
        },
      ],
    },
  };
}

export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, body } = errorResponse(error, log);
    res.status(status).json(body);
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({
    error: `Nothing at ${req.method} ${req.path}. The graph is at /graphql (GraphiQL at /graphiql); probes at /health, /ready and /metrics.`,
  });
};
