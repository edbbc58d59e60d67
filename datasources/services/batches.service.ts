// Contact batches of text broadcasts: lookups, their texts, adding one and switching one on or off.
import type { BatchInput, BatchUpdateInput } from "../../schema/batch.input.js";
import type { Batch } from "../../schema/batch.type.js";
import type { Page } from "../../schema/page.type.js";
import type { TextBroadcast } from "../../schema/text-broadcast.type.js";
import type { Text } from "../../schema/text.type.js";
import type { PageArgs } from "../callfire-api.js";
import { forgetBatch, forgetTextBroadcast, forgetTextStates, loadOrNull, primeTexts } from "../loaders.js";
import type { RequestScope } from "./request-scope.js";
import { loadCreated } from "./write-once.js";

export interface AddTextBroadcastBatch {
  broadcastId: string;
  input: BatchInput;
  strictValidation?: boolean | null;
  idempotencyKey?: string | null;
}

/** What we know of a batch just added when CallFire cannot be asked: what was sent, the rest null. */
function sentBatch(id: string, broadcastId: string, input: BatchInput): Batch {
  return {
    id,
    name: input.name ?? null,
    status: null,
    created: null,
    size: null,
    remaining: null,
    enabled: null,
    broadcastId,
  };
}

export class BatchesService {
  constructor(private readonly scope: RequestScope) {}

  /** One batch; null when CallFire does not know it. */
  byId(id: string): Promise<Batch | null> {
    return loadOrNull(this.scope.loaders.batch, id);
  }

  /** The batch a text came from; null when it came from none or CallFire does not know it. */
  ofText(text: Text): Promise<Batch | null> | null {
    return text.batchId == null ? null : this.byId(text.batchId);
  }

  /**
   * The broadcast a batch belongs to. Every batch belongs to one, so a 404 here is a real error
   * (NOT_FOUND), not "no broadcast".
   */
  broadcastOf(batch: Batch): Promise<TextBroadcast> | null {
    return batch.broadcastId == null ? null : this.scope.loaders.textBroadcast.load(batch.broadcastId);
  }

  async texts(batch: Batch, page: PageArgs): Promise<Page<Text>> {
    // Without its broadcast id (CallFire always sends one) GET /texts?batchId= answers the same question.
    const texts = await (batch.broadcastId != null
      ? this.scope.loaders.textBroadcastTexts.load({
          broadcastId: batch.broadcastId,
          batchId: batch.id,
          ...page,
        })
      : this.scope.api.findTexts({ filter: { batchId: batch.id }, ...page }));
    primeTexts(this.scope.loaders, texts.items);
    return texts;
  }

  /** Adds once per idempotencyKey; answers with the batch as CallFire has it. */
  async add(args: AddTextBroadcastBatch): Promise<Batch> {
    const { broadcastId, input, strictValidation, idempotencyKey } = args;
    const id = await this.scope.idempotency.run("addTextBroadcastBatch", idempotencyKey, args, () =>
      this.scope.api.addTextBroadcastBatch(broadcastId, input, { strictValidation }),
    );
    forgetTextBroadcast(this.scope.loaders, broadcastId);
    return loadCreated(this.scope.loaders.batch, id, () => sentBatch(id, broadcastId, input), this.scope.log);
  }

  /** Answers with the batch as it stands afterwards. */
  async update(id: string, input: BatchUpdateInput): Promise<Batch> {
    await this.scope.api.updateBatch(id, input);
    // Switching a batch off disables its unsent texts.
    forgetBatch(this.scope.loaders, id);
    forgetTextStates(this.scope.loaders);
    return this.scope.loaders.batch.load(id);
  }
}
