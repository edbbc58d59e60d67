// A loopback fake of the CallFire REST API for tests: a node:http server on 127.0.0.1 and a free port that
// answers the routes a test registers and records every request, so tests can assert the exact upstream
// calls (method, path, query, headers, body).
//
//   const fake = await startFakeCallFire();
//   fake.on("GET", "/v2/texts/:id", (call) => ({ body: { id: Number(call.params.id) } }));
//   fake.on("POST", "/v2/texts/broadcasts/:id/start", { status: 200 });
//   const http = createCallFireHttp({ baseUrl: fake.baseUrl });   // baseUrl ends in /v2
//   …
//   expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual(["GET /v2/texts/13413"]);
//   await fake.stop();
//
// An unregistered route answers 404 with a CallFire error body and is listed in fake.unmatched. To misbehave
// on purpose a reply can hang, send raw bytes (HTML, gzip), or stream a huge body; the fake counts calls in
// flight and marks each call whose client hung up before the answer.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface RecordedCall {
  method: string;
  /** The path without the query, e.g. /v2/texts/broadcasts/13. */
  path: string;
  /** The query as sent; repeated names keep every value (query.getAll("id")). */
  query: URLSearchParams;
  /** Node's lower-cased request headers. */
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON when there is one, else the raw text ("" when empty). */
  body: unknown;
  rawBody: string;
  /** Values of the route's :name segments. */
  params: Record<string, string>;
  /** Set when the client closed the connection before the whole answer was sent. */
  abandoned: boolean;
}

export interface FakeReply {
  /** Default 200. */
  status?: number;
  /** Sent as JSON; a string or a Buffer is sent as it is; leave it out for an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
  /** Never answer (until the client gives up). */
  hang?: boolean;
  /** Stream this many bytes of spaces after `body` (a huge answer, sent without content-length). */
  padBytes?: number;
}

/** `attempt` counts the calls this route has answered so far, from 1. */
export type FakeHandler = (call: RecordedCall, attempt: number) => FakeReply | Promise<FakeReply>;

export interface FakeCallFire {
  /** e.g. http://127.0.0.1:41234/v2 */
  baseUrl: string;
  /** Every request received, in order. */
  readonly calls: RecordedCall[];
  /** Requests no route matched. */
  readonly unmatched: RecordedCall[];
  /** Calls received and not yet answered or abandoned, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Registers (or replaces) a route. `:name` segments match one path segment each. */
  on(method: FakeMethod, pattern: string, reply: FakeHandler | FakeReply): void;
  /** Forgets routes and recorded calls. */
  reset(): void;
  stop(): Promise<void>;
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: FakeHandler;
  answered: number;
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { regex: new RegExp(`^${source}$`), names };
}

export async function startFakeCallFire(options: { basePath?: string } = {}): Promise<FakeCallFire> {
  const basePath = options.basePath ?? "/v2";
  const routes: Route[] = [];
  const calls: RecordedCall[] = [];
  const unmatched: RecordedCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let open = true;
    const finish = (abandoned: boolean) => {
      if (!open) return;
      open = false;
      inFlight -= 1;
      if (abandoned && recorded) recorded.abandoned = true;
    };
    let recorded: RecordedCall | undefined;
    res.once("close", () => finish(!res.writableFinished));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://fake.invalid");
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let body: unknown = rawBody;
      if (rawBody !== "" && /json/.test(req.headers["content-type"] ?? "")) body = JSON.parse(rawBody);
      const call: RecordedCall = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        rawBody,
        params: {},
        abandoned: false,
      };
      recorded = call;
      calls.push(call);

      let route: Route | undefined;
      for (const candidate of routes) {
        const match = candidate.method === call.method ? candidate.regex.exec(call.path) : null;
        if (match) {
          route = candidate;
          candidate.names.forEach(
            (name, index) => (call.params[name] = decodeURIComponent(match[index + 1])),
          );
          break;
        }
      }
      let reply: FakeReply;
      if (route) {
        route.answered++;
        try {
          reply = await route.handler(call, route.answered);
        } catch (error) {
          reply = {
            status: 500,
            body: { httpStatusCode: 500, message: `fake CallFire handler threw: ${String(error)}` },
          };
        }
      } else {
        unmatched.push(call);
        reply = {
          status: 404,
          body: {
            httpStatusCode: 404,
            internalCode: 0,
            message: `fake CallFire: no route ${call.method} ${call.path}`,
          },
        };
      }
      if (reply.hang) return;
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (res.destroyed) return; // the client gave up (timeout) while we waited
      const raw = typeof reply.body === "string" || Buffer.isBuffer(reply.body);
      const payload = reply.body === undefined ? "" : raw ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, {
        ...(payload !== "" && !raw ? { "content-type": "application/json" } : {}),
        ...reply.headers,
      });
      if (!reply.padBytes) return void res.end(payload);
      res.write(payload);
      const chunk = Buffer.alloc(64 * 1024, " ");
      let left = reply.padBytes;
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          left -= chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    calls,
    unmatched,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    on(method, pattern, reply) {
      const handler: FakeHandler = typeof reply === "function" ? reply : () => reply;
      const existing = routes.findIndex((route) => route.method === method && route.pattern === pattern);
      const route: Route = { method, pattern, ...compile(pattern), handler, answered: 0 };
      if (existing >= 0) routes[existing] = route;
      else routes.push(route);
    },
    reset() {
      routes.length = 0;
      calls.length = 0;
      unmatched.length = 0;
      maxInFlight = inFlight;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep sockets alive; close them so that close() returns now.
        server.closeAllConnections();
      }),
  };
}
