// POST and GET /graphql served straight from node:http into Apollo Server, without express's router and
// response helpers (a tenth of the CPU of a text(id) request went to them): CORS, the CSRF rule, the
// JSON body parser (body-parser, as express.json: same limit, charsets, encodings and errors), then
// Apollo; the answers are written as express wrote them (send-body.ts). Every other path stays express's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import cors from "cors";
import express from "express";
import type { Logger } from "../core/logger.js";
import type { Context } from "../../resolvers/context.js";
import type { createContextFactory } from "../graphql/context-factory.js";
import { isAllowedOrigin } from "./cors-origins.js";
import { nonJsonPostRefusal } from "./csrf-guard.js";
import { errorResponse } from "./http-errors.js";
import { sendBody, sendJson } from "./send-body.js";

/** Largest request body accepted. */
const MAX_BODY = "1mb";

export interface GraphQLHttpOptions {
  apollo: ApolloServer<Context>;
  context: ReturnType<typeof createContextFactory>;
  corsOrigins: readonly string[];
  log: Logger;
}

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/** Where express mounted the graph: /graphql and anything below it, in any letter case. */
export function isGraphQLPath(url: string | undefined): boolean {
  const end = url?.search(/[?#]/) ?? -1;
  const path = (end === -1 ? url : url?.slice(0, end))?.toLowerCase();
  return path === "/graphql" || path?.startsWith("/graphql/") === true;
}

/** The request's headers for Apollo, repeated ones joined as express's integration joins them. */
function headersOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

export function graphqlHttpHandler({ apollo, context, corsOrigins, log }: GraphQLHttpOptions) {
  const allowOrigins = cors<IncomingMessage>({
    origin: (origin, callback) => callback(null, !origin || isAllowedOrigin(origin, corsOrigins)),
    credentials: true,
    maxAge: 600,
  }) as Middleware;
  const parseJson = express.json({ limit: MAX_BODY }) as unknown as Middleware;

  async function execute(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method?.toUpperCase() ?? "GET",
        headers: headersOf(req),
        search: query === -1 ? "" : url.slice(query).split("#")[0],
        body: req.body,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    const status = response.status ?? 200;
    if (response.body.kind === "complete") {
      sendBody(req, res, status, response.headers.get("content-type") ?? "text/html", response.body.string);
      return;
    }
    res.statusCode = status;
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const { status, body } = errorResponse(error, log);
    sendJson(req, res, status, body);
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    allowOrigins(req, res, () => {
      const refusal = nonJsonPostRefusal(req);
      if (refusal) return sendJson(req, res, refusal.status, refusal.body);
      parseJson(req, res, (error) => {
        if (error) return fail(req, res, error);
        execute(req, res).catch((failure: unknown) => fail(req, res, failure));
      });
    });
  };
}
