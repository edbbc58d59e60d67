// How the supergraph resolves this subgraph's entities from their keys: through the per-request
// loaders, so 100 Text representations cost one GET /texts?id=… and broadcasts/batches are deduplicated.
// An entity CallFire does not know resolves to null, as a root lookup does.
import type DataLoader from "dataloader";
import type { Loaders } from "../datasources/loaders.types.js";
import { loadOrNull } from "./loading.js";
import type { Context } from "./context.js";

function referenceResolver<V>(pick: (loaders: Loaders) => DataLoader<string, V>) {
  return {
    __resolveReference: (reference: { id: string }, context: Context) =>
      loadOrNull(pick(context.loaders), String(reference.id)),
  };
}

export const entityReferenceResolvers = {
  Text: referenceResolver((loaders) => loaders.text),
  TextBroadcast: referenceResolver((loaders) => loaders.textBroadcast),
  Batch: referenceResolver((loaders) => loaders.batch),
  TextAutoReply: referenceResolver((loaders) => loaders.textAutoReply),
};
