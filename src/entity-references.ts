// How the supergraph resolves this subgraph's entities from their keys: through the per-request
// loaders, so 100 Text representations cost one GET /texts?id=… and broadcasts/batches are deduplicated.
import type { Loaders } from "../datasources/loaders.types.js";
import { errorCode } from "../datasources/errors.js";
import type { Context } from "./context.js";

interface Reference {
  id: string;
}

/** An entity CallFire does not know resolves to null, as a root lookup does. */
async function loadOrNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (errorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
}

function referenceResolver(loader: (loaders: Loaders) => { load(id: string): Promise<unknown> }) {
  return {
    __resolveReference: (reference: Reference, context: Context) =>
      loadOrNull(() => loader(context.loaders).load(String(reference.id))),
  };
}

export const entityReferenceResolvers = {
  Text: referenceResolver((loaders) => loaders.text),
  TextBroadcast: referenceResolver((loaders) => loaders.textBroadcast),
  Batch: referenceResolver((loaders) => loaders.batch),
  TextAutoReply: referenceResolver((loaders) => loaders.textAutoReply),
};
