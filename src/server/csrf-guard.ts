// The CSRF rule of /graphql (the reasoning: docs/clients.md). A page on another site can make a browser
// send only "simple" requests without first asking this server (a CORS preflight it would refuse): GET,
// or POST with a form or text/plain body. Mutations never travel by GET (Apollo answers 405), so a POST
// must be JSON, which a browser sends cross-site only after a preflight. GET queries pass: they change
// nothing, the server reads no cookies and never asks a browser for Basic credentials (there is nothing
// a browser adds to a request by itself), and CORS keeps the answer from the other site.
import type { RequestHandler } from "express";

export const requireJsonPost: RequestHandler = (req, res, next) => {
  if (req.method !== "POST" || req.is("application/json")) return next();
  res.status(415).json({
    errors: [
      {
        message: `A POST to /graphql must have content-type application/json (got ${req.get("content-type") ?? "none"}); send {"query": "...", "variables": {...}} as JSON.`,
        extensions: { code: "BAD_REQUEST" },
      },
    ],
  });
};
