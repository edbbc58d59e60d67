// The per-request DataLoaders, built with each request's services (services/services.ts), never shared
// between requests. Texts are batched into GET /texts?id=…&id=…; everything else CallFire can only fetch
// one at a time, so those loaders deduplicate. The services prime what they list and forget what they
// change, with the helpers below; the loaders themselves only fetch and cache. A batch
// looked up while a batch list of the same request is still loading waits for that list, so the calls
// an operation makes do not depend on which CallFire answer comes first.
import DataLoader from "dataloader";
import type { Batch } from "../schema/batch.type.js";
import type { Page } from "../schema/page.type.js";
import type { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type { TextBroadcast } from "../schema/text-broadcast.type.js";
import type { Text } from "../schema/text.type.js";
import type { CallFireApi } from "./callfire-api.js";
import { apiError, errorCode } from "../src/core/errors.js";
import type { Loaders } from "./loaders.types.js";
import { MAX_TEXT_IDS_PER_CALL } from "./to-dto.js";

/** One upstream call per key, in parallel; a failure rejects only its own key. */
function eachKey<K, V>(fetch: (key: K) => Promise<V>): (keys: readonly K[]) => Promise<Array<V | Error>> {
  return (keys) =>
    Promise.all(
      keys.map((key) =>
        fetch(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    );
}

/** A stable cache key from the parameters that change the answer; Dates count as milliseconds. */
function keyOf(...parts: Array<string | number | Date | null | undefined>): string {
  return JSON.stringify(parts.map((part) => (part instanceof Date ? part.getTime() : (part ?? null))));
}

/** Ids are CallFire ids: checked where they enter (arguments, entity representations) or CallFire's own. */
async function loadTexts(api: CallFireApi, ids: readonly string[]): Promise<Array<Text | Error>> {
  const byId = new Map((await api.getTextsByIds(ids)).map((text) => [text.id, text]));
  // CallFire answers with canonical ids ("7", not "007").
  return ids.map(
    (id) => byId.get(BigInt(id).toString()) ?? apiError("NOT_FOUND", `CallFire has no text ${id}`),
  );
}

/**
 * Batches by id: those in a batch list this request has loaded or is loading come from the list (waited
 * for if need be), the rest one GET each. Without the wait, a text answering before its broadcast's batch
 * list would fetch its batch alone.
 */
function loadBatches(
  api: CallFireApi,
  batchLists: ReadonlyMap<string, Promise<Page<Batch>>>,
): (ids: readonly string[]) => Promise<Array<Batch | Error>> {
  const fetchEach = eachKey((id: string) => api.getBatch(id));
  return async (ids) => {
    const listed = new Map<string, Batch>();
    // A failed list is only a missed shortcut: its batches are fetched one by one, as without it.
    for (const list of await Promise.allSettled(batchLists.values())) {
      if (list.status === "fulfilled") for (const batch of list.value.items) listed.set(batch.id, batch);
    }
    const missing = ids.filter((id) => !listed.has(id));
    const fetched = new Map(
      missing.length > 0 ? (await fetchEach(missing)).map((batch, i) => [missing[i], batch]) : [],
    );
    return ids.map((id) => listed.get(id) ?? fetched.get(id)!);
  };
}

export function createLoaders(api: CallFireApi): Loaders {
  // The batch list loader's own cache: what the batch loader waits for. Clearing the list loader
  // (forgetBatch, forgetTextBroadcast) clears it too.
  const batchLists = new Map<string, Promise<Page<Batch>>>();
  return {
    text: new DataLoader((ids) => loadTexts(api, ids), { maxBatchSize: MAX_TEXT_IDS_PER_CALL }),
    textBroadcast: new DataLoader(eachKey((id) => api.getTextBroadcast(id))),
    batch: new DataLoader(loadBatches(api, batchLists)),
    textAutoReply: new DataLoader(eachKey((id) => api.getTextAutoReply(id))),
    textBroadcastStats: new DataLoader(
      eachKey((key) => api.getTextBroadcastStats(key.broadcastId, key)),
      { cacheKeyFn: (key) => keyOf(key.broadcastId, key.begin, key.end) },
    ),
    textBroadcastBatches: new DataLoader(
      eachKey((key) => api.getTextBroadcastBatches(key.broadcastId, key)),
      { cacheKeyFn: (key) => keyOf(key.broadcastId, key.limit, key.offset), cacheMap: batchLists },
    ),
    textBroadcastTexts: new DataLoader(
      eachKey((key) => api.getTextBroadcastTexts(key.broadcastId, key)),
      { cacheKeyFn: (key) => keyOf(key.broadcastId, key.batchId, key.limit, key.offset) },
    ),
  };
}

/** Lookups by id answer null for an id CallFire does not know. */
export async function loadOrNull<V>(loader: DataLoader<string, V>, id: string): Promise<V | null> {
  try {
    return await loader.load(id);
  } catch (error) {
    if (errorCode(error) === "NOT_FOUND") return null;
    throw error;
  }
}

// Priming: an entry already loaded stays as it is (DataLoader's prime never overwrites).

export function primeTexts(loaders: Loaders, texts: readonly Text[]): void {
  for (const text of texts) loaders.text.prime(text.id, text);
}

export function primeTextBroadcasts(loaders: Loaders, broadcasts: readonly TextBroadcast[]): void {
  for (const broadcast of broadcasts) loaders.textBroadcast.prime(broadcast.id, broadcast);
}

export function primeBatches(loaders: Loaders, batches: readonly Batch[]): void {
  for (const batch of batches) loaders.batch.prime(batch.id, batch);
}

export function primeTextAutoReplies(loaders: Loaders, autoReplies: readonly TextAutoReply[]): void {
  for (const autoReply of autoReplies) loaders.textAutoReply.prime(autoReply.id, autoReply);
}

// After a mutation: forget what it changed, so later reads in the same request go to CallFire.

/** After update/start/stop/archive, or adding recipients or toggling them: the broadcast and its lists. */
export function forgetTextBroadcast(loaders: Loaders, broadcastId: string): void {
  loaders.textBroadcast.clear(broadcastId);
  // Keyed by several parameters each; a request holds few entries, so drop them all.
  loaders.textBroadcastStats.clearAll();
  loaders.textBroadcastBatches.clearAll();
  loaders.textBroadcastTexts.clearAll();
}

/** After updateBatch: the batch and every batch list that may contain it. */
export function forgetBatch(loaders: Loaders, batchId: string): void {
  loaders.batch.clear(batchId);
  loaders.textBroadcastBatches.clearAll();
}

/** After deleteTextAutoReply. */
export function forgetTextAutoReply(loaders: Loaders, autoReplyId: string): void {
  loaders.textAutoReply.clear(autoReplyId);
}

/**
 * After a change to the states of texts we cannot list (toggling recipients, switching a batch): every
 * text, text page and stats entry this request holds may be stale.
 */
export function forgetTextStates(loaders: Loaders): void {
  loaders.text.clearAll();
  loaders.textBroadcastTexts.clearAll();
  loaders.textBroadcastStats.clearAll();
}
