// How the supergraph resolves this subgraph's entities from their keys: through the per-request
// loaders, so 100 Text representations cost one GET /texts?id=… and broadcasts/batches are deduplicated.
// An entity CallFire does not know resolves to null, as a root lookup does.
import type DataLoader from "dataloader";
import { apiError } from "../src/core/errors.js";
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

/**
 * A router only sends representations of these types, but anyone can call _entities: an unknown
 * __typename is the caller's mistake (BAD_USER_INPUT), not the masked error @apollo/subgraph throws.
 */
export function checkRepresentations(representations: unknown): void {
  const list = Array.isArray(representations) ? (representations as unknown[]) : [];
  for (const [index, representation] of list.entries()) {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    if (typeof typename !== "string" || !Object.hasOwn(entityReferenceResolvers, typename)) {
      throw apiError(
        "BAD_USER_INPUT",
        `representations[${index}].__typename must be one of ${Object.keys(entityReferenceResolvers).join(", ")}; got ${JSON.stringify(typename)?.slice(0, 40)}`,
      );
    }
  }
}
