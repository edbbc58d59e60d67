// The CallFire transport of the process: one got instance (base URL, keep-alive sockets, exact int64 JSON)
// behind the connection queue, with the retry policy and the protocol checks of README "Reliability". Every
// call runs within its request's deadline: waiting for a connection, each attempt and each pause before a
// retry. Reads are retried on 408/429/5xx, network errors and timeouts; writes never are (a retried
// POST /texts sends the SMS twice). A read is abandoned when its request is (deadline, client gone,
// answer sent); a write already sent is let finish, so its outcome can still be stored for a replay.
// Writes follow no redirect; reads follow none to another origin. It holds no credentials: each call
// sends its own.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import got, { MaxRedirectsError, RequestError, TimeoutError, type Got, type PlainResponse } from "got";
import { ACCEPT_ENCODING, decodeBody, parseBody, UnreadableBody } from "./callfire-body.js";
import { retryAfterSeconds, toApiError, type CallFailure } from "./callfire-errors.js";
import { stringifyCallFireJson } from "./callfire-json.js";
import { ConnectionQueue } from "./connection-queue.js";
import { apiError } from "../src/core/errors.js";
import type { Logger } from "../src/core/logger.js";
import type { RequestDeadline } from "./request-deadline.js";

export interface CallFireHttpConfig {
  /** CallFire base URL, e.g. https://api.callfire.com/v2; it must not carry credentials. */
  baseUrl: string;
  /** How long one attempt may take once it has a connection (and less when its request's deadline is nearer). */
  timeoutMs?: number;
  /** How often a failed GET is tried again; writes are never retried. */
  retryLimit?: number;
  /** The first retry's delay; it doubles with each further attempt, up to maxRetryDelayMs. */
  retryBaseDelayMs?: number;
  /** The longest wait before a retry, also the longest Retry-After honoured (a longer one fails at once). */
  maxRetryDelayMs?: number;
  /** Most calls in flight to CallFire at once; further calls wait in line. */
  maxConnections?: number;
  /** Most admitted requests with calls open at once; one more is refused with OVERLOADED. */
  maxRequests?: number;
  /** Most bytes of one answer, as received and once decompressed. */
  maxResponseBytes?: number;
}

export type CallFireMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface CallFireRequest {
  method: CallFireMethod;
  /** Below the base URL, no leading slash (got's prefixUrl rule). */
  path: string;
  searchParams?: URLSearchParams;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Basic credentials; only the readiness probe calls without any. */
  authorization?: string;
  /** What the call is about, for messages a client reads, e.g. "text broadcast 13". */
  what: string;
  /** A write whose 2xx answer carries nothing we use: its body is not read. */
  ignoreBody?: boolean;
}

export interface CallFireHttp {
  /** The answer's JSON (undefined for an empty body), or a GraphQLError with a code. */
  send(request: CallFireRequest, deadline: RequestDeadline, log: Logger): Promise<unknown>;
  /** Closes the keep-alive sockets to CallFire, so nothing holds the process open. */
  close(): void;
}

/** Longest URL sent: common servers refuse longer request lines (414/431), so we say so first. */
export const MAX_URL_LENGTH = 8000;

type Attempt = { ok: true; body: unknown } | { ok: false; failure: CallFailure; retryable: boolean };

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Waits, unless the request is abandoned first; says whether the wait ran its course. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(completed);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function createCallFireHttp(config: CallFireHttpConfig): CallFireHttp {
  const {
    timeoutMs = 10_000,
    retryLimit = 4,
    retryBaseDelayMs = 500,
    maxRetryDelayMs = 5_000,
    maxConnections = 32,
    maxRequests = maxConnections,
    maxResponseBytes = 10 * 1024 * 1024,
  } = config;
  const base = new URL(config.baseUrl);
  if (base.username || base.password) {
    throw new Error("The CallFire base URL must not contain credentials; they are sent per request");
  }
  const queue = new ConnectionQueue({ connections: maxConnections, maxRequests });
  const sameOrigin = (response: PlainResponse) =>
    new URL(response.headers.location ?? "", response.url).origin === base.origin;
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: maxConnections }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: maxConnections }),
  };
  const client: Got = got.extend({
    prefixUrl: base.toString(),
    stringifyJson: stringifyCallFireJson,
    // Statuses, redirects and bodies are judged here, not by got.
    throwHttpErrors: false,
    decompress: false,
    retry: { limit: 0 },
    agent: agents,
    headers: {
      accept: "application/json",
      "accept-encoding": ACCEPT_ENCODING,
      "user-agent": "callfire-graph",
    },
  });

  async function attempt(request: CallFireRequest, deadline: RequestDeadline): Promise<Attempt> {
    const read = request.method === "GET";
    const attemptTimeoutMs = Math.min(timeoutMs, Math.floor(deadline.remainingMs()));
    if (attemptTimeoutMs <= 0) {
      deadline.abandon("deadline");
      return { ok: false, failure: { kind: "abandoned" }, retryable: false };
    }
    const tooLarge = new AbortController();
    const signals = read ? [tooLarge.signal, deadline.signal] : [tooLarge.signal];
    try {
      const call = client(request.path, {
        responseType: "buffer",
        method: request.method,
        searchParams: request.searchParams,
        json: request.body,
        headers: request.authorization === undefined ? {} : { authorization: request.authorization },
        timeout: { request: attemptTimeoutMs },
        followRedirect: read ? sameOrigin : false,
        signal: AbortSignal.any(signals),
      });
      call.on("downloadProgress", ({ transferred, total }) => {
        if (transferred > maxResponseBytes || (total ?? 0) > maxResponseBytes) tooLarge.abort();
      });
      const response = await call;
      const status = response.statusCode;
      if (status >= 300 && status < 400)
        return { ok: false, failure: { kind: "redirect", status }, retryable: false };
      const raw = await decodeBody(response.body, response.headers["content-encoding"], maxResponseBytes);
      if (status >= 200 && status < 300)
        return { ok: true, body: request.ignoreBody ? undefined : parseBody(raw) };
      let body: unknown;
      try {
        body = parseBody(raw);
      } catch {
        body = undefined; // an error page that is not JSON: the status says enough
      }
      const failure: CallFailure = {
        kind: "status",
        status,
        retryAfter: response.headers["retry-after"],
        body,
      };
      return { ok: false, failure, retryable: isRetryableStatus(status) };
    } catch (error) {
      if (tooLarge.signal.aborted) {
        return { ok: false, failure: { kind: "too-large", maxBytes: maxResponseBytes }, retryable: false };
      }
      if (error instanceof UnreadableBody) {
        const failure: CallFailure =
          error.problem === "too-large"
            ? { kind: "too-large", maxBytes: maxResponseBytes }
            : error.problem === "bad-encoding"
              ? { kind: "bad-encoding" }
              : { kind: "not-json", status: 200 };
        return { ok: false, failure, retryable: false };
      }
      if (error instanceof TimeoutError) {
        if (attemptTimeoutMs === timeoutMs) {
          return { ok: false, failure: { kind: "timeout", timeoutMs }, retryable: true };
        }
        // Cut short by the request's deadline, not by CallFire's slowness: the request's time is up.
        deadline.abandon("deadline");
        return { ok: false, failure: { kind: "abandoned" }, retryable: false };
      }
      if (read && deadline.reason !== undefined) {
        return { ok: false, failure: { kind: "abandoned" }, retryable: false };
      }
      if (error instanceof MaxRedirectsError) {
        return { ok: false, failure: { kind: "redirect", status: 310 }, retryable: false };
      }
      if (error instanceof RequestError) {
        return { ok: false, failure: { kind: "network", code: error.code }, retryable: true };
      }
      throw error;
    }
  }

  return {
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
    async send(request, deadline, log) {
      const url = new URL(request.path, base.toString().replace(/\/?$/, "/"));
      if (request.searchParams) url.search = request.searchParams.toString();
      if (url.toString().length > MAX_URL_LENGTH) {
        throw apiError(
          "BAD_USER_INPUT",
          `The request for ${request.what} would be longer than the ${MAX_URL_LENGTH} characters CallFire accepts in a URL: send shorter filter values or fewer ids`,
        );
      }
      const call = { what: request.what, method: request.method, path: request.path };
      for (let retries = 0; ; retries++) {
        const release = await queue.acquire(deadline);
        let result: Attempt;
        try {
          result = await attempt(request, deadline);
        } finally {
          release();
        }
        if (result.ok) return result.body;
        const error = toApiError(result.failure, call, deadline, log);
        if (request.method !== "GET" || !result.retryable || retries >= retryLimit) throw error;
        const retryAfter =
          result.failure.kind === "status" ? retryAfterSeconds(result.failure.retryAfter) : undefined;
        if (retryAfter !== undefined && retryAfter * 1000 > maxRetryDelayMs) throw error;
        const delayMs =
          retryAfter !== undefined
            ? retryAfter * 1000
            : Math.min(retryBaseDelayMs * 2 ** retries, maxRetryDelayMs) * (0.75 + Math.random() / 2);
        if (delayMs >= deadline.remainingMs() || !(await pause(delayMs, deadline.signal))) throw error;
      }
    },
  };
}
