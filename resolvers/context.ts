// The per-request context every resolver receives. Built fresh for each request by createContextFactory
// (src/graphql/context-factory.ts); only the idempotency store behind the services outlives the request,
// and it is scoped by credential.
import type { CallFireApi } from "../datasources/callfire-api.js";
import type { FieldProjection } from "../datasources/projection/field-projection.js";
import type { Services } from "../datasources/services/services.js";
import type { Logger } from "../src/core/logger.js";
import type { AccountLiveUpdates } from "../src/state/live-events.js";

export interface Context {
  /** How resolvers reach CallFire: one service per domain, keeping the request's cache consistent. */
  services: Services;
  /** The request's CallFire API, for what runs beside the resolvers (webhook registration). */
  api: CallFireApi;
  log: Logger;
  /** What the operation selects, for CallFire partial responses; absent when they are switched off. */
  fieldProjection?: FieldProjection;
  /** The caller's account's live updates (subscriptions). */
  live: AccountLiveUpdates;
}
