// Every failure leaves as a CallFire ErrorResponse (docs/callfire-api.md §Errors), whatever raised it.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { ApiError, INTERNAL_CODES, notFound } from "../domain/api-error.js";
import type { ErrorResponse } from "../domain/callfire.types.js";

const HELP_LINK = "https://developers.callfire.com/results-responses-errors.html";

export function sendError(res: Response, error: ApiError): void {
  const body: ErrorResponse = {
    httpStatusCode: error.status,
    internalCode: error.internalCode,
    message: error.message,
    developerMessage: error.developerMessage,
    helpLink: HELP_LINK,
  };
  res.status(error.status).json(body);
}

export const unknownEndpoint: RequestHandler = (req: Request) => {
  throw notFound("Endpoint", `${req.method} ${req.originalUrl.split("?")[0]}`);
};

/** Body-parser failures carry a 4xx `status`; anything else unexpected is a 500 and gets logged. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof ApiError) return sendError(res, error);
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      return sendError(
        res,
        new ApiError(status, INTERNAL_CODES.badRequest, "Malformed request", String(error)),
      );
    }
    log(`sandbox error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sendError(
      res,
      new ApiError(500, INTERNAL_CODES.internal, "Internal server error", "See the sandbox log"),
    );
  };
}
