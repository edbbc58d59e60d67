// What the services of one request share: its CallFire API object, its loaders (the request's cache), its
// idempotency binding and its logger. Built once per request by createServices (services.ts).
import type { Logger } from "../../src/core/logger.js";
import type { RequestIdempotency } from "../../src/state/idempotency-store.js";
import type { CallFireApi } from "../callfire-api.js";
import type { Loaders } from "../loaders.types.js";

export interface RequestScope {
  api: CallFireApi;
  loaders: Loaders;
  idempotency: RequestIdempotency;
  log: Logger;
}
