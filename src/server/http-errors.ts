// What express answers when a request never reaches GraphQL: a body that is not JSON or is too large,
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

export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: BodyParserError & Error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) log.error("unexpected HTTP error", { error });
    res.status(status).json({
      errors: [
        {
          message: describe(error, status),
          extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" },
        },
      ],
    });
  };
}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({
    error: `Nothing at ${req.method} ${req.path}. The graph is at /graphql (GraphiQL at /graphiql); probes at /health, /ready and /metrics.`,
  });
};
