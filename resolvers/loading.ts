// How resolvers use the per-request loaders: lookups that turn NOT_FOUND into null, fresh reads after a
// change, priming by-id loaders from lists, and forgetting list entries a change made stale.
import type DataLoader from "dataloader";
import { errorCode } from "../datasources/errors.js";
import type { Loaders } from "../datasources/loaders.types.js";

/** Root lookups (and a few nested ones) answer null for an id CallFire does not know. */
export async function loadOrNull<V>(loader: DataLoader<string, V>, id: string): Promise<V | null> {
  try {
    return await loader.load(id);
  } catch (error) {
    if (errorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
}

/** The entity as it stands after a change: drop what this request cached, then one GET. */
export function reload<V>(loader: DataLoader<string, V>, id: string): Promise<V> {
  return loader.clear(id).load(id);
}

/** Items of a list are full entities: later by-id loads of them in this request cost no call. */
export function primeAll<V extends { id: string }>(loader: DataLoader<string, V>, items: readonly V[]): void {
  for (const item of items) loader.prime(item.id, item);
}

/**
 * After a change to a broadcast's recipients, batches or state, its cached stats, text pages and batch
 * pages are stale. Their keys carry paging and windows, so this request's entries are all dropped.
 */
export function forgetBroadcastLists(loaders: Loaders): void {
  loaders.textBroadcastStats.clearAll();
  loaders.textBroadcastTexts.clearAll();
  loaders.textBroadcastBatches.clearAll();
}
