// The per-request context every resolver receives. Built fresh for each request by createContextFactory
// (src/graphql/context-factory.ts); only the idempotency store behind `idempotency` outlives the request, and it
// is scoped by credential.
import type { CallFireApi } from "../datasources/callfire-api.js";
import type { FieldProjection } from "../datasources/projection/field-projection.js";
import type { Loaders } from "../datasources/loaders.types.js";
import type { Logger } from "../src/core/logger.js";
import type { RequestIdempotency } from "../src/state/idempotency-store.js";
import type { AccountLiveUpdates } from "../src/state/live-events.js";

export interface Context {
  api: CallFireApi;
  loaders: Loaders;
  log: Logger;
  /** What the operation selects, for CallFire partial responses; absent when they are switched off. */
  fieldProjection?: FieldProjection;
  /** Replays a mutation's first outcome when a client repeats its idempotencyKey. */
  idempotency: RequestIdempotency;
  /** The caller's account's live updates (subscriptions). */
  live: AccountLiveUpdates;
}
