// What the idempotency store keeps of a mutation's first outcome, so that a repeat of its key answers
// without CallFire: plain JSON (the store may be Redis), enough to answer any selection. Sends keep the
// texts CallFire returned, asked for whole; creates keep the new id and, should CallFire not answer its
// reload, answer with what was sent (never an error that would make a client create it twice).
import type DataLoader from "dataloader";
import type { Logger } from "../src/core/logger.js";
import type { Text } from "../schema/text.type.js";

/** A send's texts as JSON: dates as ISO strings. */
export interface StoredTexts {
  texts: unknown[];
}

export function storeTexts(texts: readonly Text[]): StoredTexts {
  return { texts: JSON.parse(JSON.stringify(texts)) as unknown[] };
}

function date(value: unknown): Date | null {
  return typeof value === "string" ? new Date(value) : null;
}

/** The texts as the first call answered them, Dates restored. */
export function restoreTexts(stored: StoredTexts): Text[] {
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
