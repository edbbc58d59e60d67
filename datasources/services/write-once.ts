// Writes that must happen at most once. With an idempotencyKey a repeat answers from the stored first
// outcome: plain JSON (the store may be Redis), enough to answer any selection. Sends keep the texts
// CallFire returned, asked for whole; creates keep the new id and, should CallFire not answer its reload,
// answer with what was sent (never an error that would make a client create it twice).
import type DataLoader from "dataloader";
import type { Logger } from "../../src/core/logger.js";
import type { Text } from "../../schema/text.type.js";
import { primeTexts } from "../loaders.js";
import type { RequestScope } from "./request-scope.js";

/** A send's texts as JSON: dates as ISO strings. */
interface StoredTexts {
  texts: unknown[];
}

function storeTexts(texts: readonly Text[]): StoredTexts {
  return { texts: JSON.parse(JSON.stringify(texts)) as unknown[] };
}

function date(value: unknown): Date | null {
  return typeof value === "string" ? new Date(value) : null;
}

/** The texts as the first call answered them, Dates restored. */
function restoreTexts(stored: StoredTexts): Text[] {
  return stored.texts.map((entry) => {
    const text = entry as Text & Record<string, unknown>;
    return {
      ...text,
      created: date(text.created),
      modified: date(text.modified),
      records: text.records.map((record) => ({ ...record, finishTime: date(record.finishTime) })),
      media: text.media.map((media) => ({ ...media, created: date(media.created) })),
    };
  });
}

/**
 * A repeated send's texts: reloaded as they stand now (one GET /texts?id=… per 100), or, when CallFire
 * cannot answer, as the first call got them. The send happened either way, and saying otherwise would
 * invite the client to send again.
 */
async function replayTexts(scope: RequestScope, stored: StoredTexts): Promise<Text[]> {
  const texts = restoreTexts(stored);
  try {
    return await Promise.all(texts.map((text) => scope.loaders.text.load(text.id)));
  } catch (error) {
    scope.log.warn("replayed a send whose texts could not be reloaded; answering with the first outcome", {
      error,
    });
    return texts;
  }
}

/**
 * Sends texts once per idempotencyKey. With a key CallFire is asked for whole texts (`wholeTexts`), and
 * they are stored: a repeat may select other fields than the first call did (partial responses). Texts
 * just sent prime the text loader; `replayed` says the send happened in an earlier request.
 */
export async function sendOnce(
  scope: RequestScope,
  mutation: string,
  args: { idempotencyKey?: string | null },
  send: (wholeTexts: boolean) => Promise<Text[]>,
): Promise<{ texts: Text[]; replayed: boolean }> {
  let sent: Text[] | undefined;
  const outcome = await scope.idempotency.run(mutation, args.idempotencyKey, args, async () => {
    sent = await send(args.idempotencyKey != null);
    return storeTexts(sent);
  });
  if (!sent) return { texts: await replayTexts(scope, outcome), replayed: true };
  primeTexts(scope.loaders, sent);
  return { texts: sent, replayed: false };
}

/** The object a create made, as CallFire has it now; what we know of it when CallFire cannot say. */
export async function loadCreated<V>(
  loader: DataLoader<string, V>,
  id: string,
  standIn: () => V,
  log: Logger,
): Promise<V> {
  try {
    return await loader.load(id);
  } catch (error) {
    log.warn("created, but could not be reloaded; answering with what was sent", { id, error });
    return standIn();
  }
}
