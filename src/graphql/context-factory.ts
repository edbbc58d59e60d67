// Builds a fresh Context for every GraphQL request: credentials, a per-request CallFire API object and
// new services (with new DataLoaders). Resolving credentials is deferred to the first CallFire call so
// that introspection (Apollo Sandbox, codegen, a router's _service query) works without any.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { CallFireApi } from "../../datasources/callfire-api.js";
import type { CallFireHttp } from "../../datasources/callfire-http.js";
import { CallFireRestApi } from "../../datasources/callfire-rest-api.js";
import { resolveCredentials, type Credentials } from "../core/credentials.js";
import { FieldProjection } from "../../datasources/projection/field-projection.js";
import { createServices } from "../../datasources/services/services.js";
import type { Logger } from "../core/logger.js";
import { RequestDeadline } from "../../datasources/request-deadline.js";
import type { CircuitBreaker } from "../state/circuit-breaker.js";
import type { Context } from "../../resolvers/context.js";
import { bindIdempotency, type IdempotencyStore } from "../state/idempotency-store.js";
import { instrumentApi } from "../../datasources/instrumented-api.js";
import type { Metrics } from "../core/metrics.js";
import type { AccountLiveUpdates, LiveConnection } from "../state/live-events.js";

export interface ContextDependencies {
  http: CallFireHttp;
  /** CALLFIRE_REQUEST_DEADLINE_MS: the time each request may spend on CallFire, all calls together. */
  requestDeadlineMs: number;
  log: Logger;
  /** The server's own credentials (CALLFIRE_API_LOGIN/PASSWORD, or the embedded sandbox's). */
  serverCredentials?: Credentials;
  metrics: Metrics;
  /** Most CallFire calls one request may make. */
  maxUpstreamCalls: number;
  /** Shared by all requests: fails calls fast while CallFire is down. */
  breaker: CircuitBreaker;
  /** CALLFIRE_PARTIAL_RESPONSES: ask CallFire for only the fields each operation reads. */
  partialResponses: boolean;
  /** Shared by all requests; entries are scoped by credential. */
  idempotencyStore: IdempotencyStore;
  /** The live updates of the caller's account (src/live/live-updates.ts). */
  live: (
    caller: Credentials | { error: unknown },
    api: CallFireApi,
    connection: LiveConnection | undefined,
  ) => AccountLiveUpdates;
}

export interface ContextInput {
  /** The HTTP request, or for a subscription the WebSocket's credentials and request id. */
  req: Pick<IncomingMessage, "headers"> | { headers: IncomingHttpHeaders };
  /** The HTTP response, to know when the client has gone; absent for subscriptions. */
  res?: ServerResponse;
  /** The WebSocket a subscription runs on. */
  connection?: LiveConnection;
}

/** The caller's x-request-id when it is a plain token (it goes into every log line), else a new one. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.:-]{1,128}$/.test(header) ? header : randomUUID();
}

/** An API whose every call fails with the credential error, raised only if a resolver needs CallFire. */
function unauthenticatedApi(error: unknown): CallFireApi {
  return new Proxy({} as CallFireApi, {
    get: () => () => Promise.reject(error),
  });
}

export function createContextFactory(deps: ContextDependencies) {
  return async ({ req, res, connection }: ContextInput): Promise<Context> => {
    const requestId = requestIdOf(req.headers["x-request-id"]);
    const deadline = new RequestDeadline(deps.requestDeadlineMs);
    // Once the answer is sent or the client has gone, nothing may still be waiting on CallFire for it.
    res?.once("close", () => deadline.abandon(res.writableFinished ? "answered" : "client-gone"));
    const log = deps.log.child({ requestId });
    // Filled by fieldProjectionPlugin once the operation is known.
    const fieldProjection = deps.partialResponses ? new FieldProjection() : undefined;
    let api: CallFireApi;
    let credentials: Credentials | undefined;
    let caller: Credentials | { error: unknown };
    try {
      credentials = resolveCredentials(req.headers.authorization, deps.serverCredentials);
      api = new CallFireRestApi({ http: deps.http, credentials, log, fieldProjection, deadline });
      caller = credentials;
    } catch (error) {
      api = unauthenticatedApi(error);
      caller = { error };
    }
    api = instrumentApi(api, {
      maxCalls: deps.maxUpstreamCalls,
      breaker: deps.breaker,
      metrics: deps.metrics,
      log,
    });
    return {
      services: createServices(api, bindIdempotency(deps.idempotencyStore, credentials), log),
      api,
      log,
      fieldProjection,
      live: deps.live(caller, api, connection),
    };
  };
}
