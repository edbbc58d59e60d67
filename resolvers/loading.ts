// Resolver-side use of the per-request loaders, beside the prime/forget helpers of datasources/loaders.ts.
import type DataLoader from "dataloader";
import { errorCode } from "../src/core/errors.js";
import type { Text } from "../schema/text.type.js";
import type { Context } from "./context.js";
import { restoreTexts, type StoredTexts } from "./stored-outcome.js";

/** Root lookups (and Text.broadcast, Text.batch) answer null for an id CallFire does not know. */
export async function loadOrNull<V>(loader: DataLoader<string, V>, id: string): Promise<V | null> {
  try {
    return await loader.load(id);
  } catch (error) {
    if (errorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
}

/**
 * A repeated send's texts: reloaded as they stand now (one GET /texts?id=… per 100), or, when CallFire
 * cannot answer, as the first call got them. The send happened either way, and saying otherwise would
 * invite the client to send again.
 */
export async function replayTexts(ctx: Context, stored: StoredTexts): Promise<Text[]> {
  const texts = restoreTexts(stored);
  try {
    return await Promise.all(texts.map((text) => ctx.loaders.text.load(text.id)));
  } catch (error) {
    ctx.log.warn("replayed a send whose texts could not be reloaded; answering with the first outcome", {
      error,
    });
    return texts;
  }
}
