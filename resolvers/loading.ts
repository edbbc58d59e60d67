// Resolver-side use of the per-request loaders, beside the prime/forget helpers of datasources/loaders.ts.
import type DataLoader from "dataloader";
import { errorCode } from "../src/core/errors.js";
import type { Loaders } from "../datasources/loaders.types.js";
import type { Text } from "../schema/text.type.js";

/** Root lookups (and Text.broadcast, Text.batch) answer null for an id CallFire does not know. */
export async function loadOrNull<V>(loader: DataLoader<string, V>, id: string): Promise<V | null> {
  try {
    return await loader.load(id);
  } catch (error) {
    if (errorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
}

/** Texts by id in the given order, through the batched text loader (one GET /texts?id=… per 100). */
export function loadTexts(loaders: Loaders, ids: readonly string[]): Promise<Text[]> {
  return Promise.all(ids.map((id) => loaders.text.load(id)));
}
