// How the supergraph resolves this subgraph's entities from their keys: through the per-request
// services, so 100 Text representations cost one GET /texts?id=… and broadcasts/batches are deduplicated.
// An entity CallFire does not know resolves to null, as a root lookup does; one whose id is no CallFire id
// fails alone (BAD_USER_INPUT), before any call.
import { callFireIdProblem } from "../src/core/callfire-id.js";
import { apiError } from "../src/core/errors.js";
import type { Services } from "../datasources/services/services.js";
import type { Context } from "./context.js";

function referenceResolver<V>(byId: (services: Services, id: string) => Promise<V | null>) {
  return {
    // Async, so that a bad id fails its own entity only, not the whole _entities list.
    __resolveReference: async (reference: { id: unknown }, context: Context) => {
      const id = String(reference.id);
      const problem = callFireIdProblem("id", id);
      if (problem) throw apiError("BAD_USER_INPUT", problem);
      return byId(context.services, id);
    },
  };
}

export const entityReferenceResolvers = {
  Text: referenceResolver((services, id) => services.texts.byId(id)),
  TextBroadcast: referenceResolver((services, id) => services.textBroadcasts.byId(id)),
  Batch: referenceResolver((services, id) => services.batches.byId(id)),
  TextAutoReply: referenceResolver((services, id) => services.textAutoReplies.byId(id)),
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
