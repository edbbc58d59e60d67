// The CSRF rule of /graphql (the reasoning: docs/clients.md). A page on another site can make a browser
// send only "simple" requests without first asking this server (a CORS preflight it would refuse): GET,
// or POST with a form or text/plain body. Mutations never travel by GET (Apollo answers 405), so a POST
// must be JSON, which a browser sends cross-site only after a preflight. GET queries pass: they change
// nothing, the server reads no cookies and never asks a browser for Basic credentials (there is nothing
// a browser adds to a request by itself), and CORS keeps the answer from the other site.
import type { IncomingMessage } from "node:http";
import express from "express";

/** Express's req.is (type-is): false for another media type, null for a request without a body. */
function isJson(req: IncomingMessage): boolean {
  return Boolean(express.request.is.call(req, "application/json"));
}

/** The 415 answer to a POST that is not JSON; undefined when the request may go on. */
export function nonJsonPostRefusal(req: IncomingMessage) {
  if (req.method !== "POST" || isJson(req)) return undefined;
  return {
    status: 415,
    body: {
      errors: [
        {
          message: `A POST to /graphql must have content-type application/json (got ${req.headers["content-type"] ?? "none"}); send {"query": "...", "variables": {...}} as JSON.`,
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    },
  };
}
