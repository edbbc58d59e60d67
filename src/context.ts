// The per-request context every resolver receives. Built fresh for each request by createContext
// (src/context-factory.ts); nothing in it is shared between requests.
import type { CallFireApi } from "../datasources/callfire-api.js";
import type { FieldProjection } from "../datasources/field-projection-holder.js";
import type { Loaders } from "../datasources/loaders.types.js";
import type { Logger } from "../datasources/logger.js";

export interface Context {
  api: CallFireApi;
  loaders: Loaders;
  log: Logger;
  /** What the operation selects, for CallFire partial responses; absent when they are switched off. */
  fieldProjection?: FieldProjection;
}
