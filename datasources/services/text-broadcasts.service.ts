// Text broadcasts: lookups, the account's list, their batches, texts and stats, and every change to
// them. A change forgets what this request cached of the broadcast, so it is read again afterwards.
import type { Batch } from "../../schema/batch.type.js";
import type { Page } from "../../schema/page.type.js";
import type { RecipientInput, TextRecipientInput } from "../../schema/recipient.input.js";
import type {
  TextBroadcastFilter,
  TextBroadcastInput,
  TextBroadcastUpdateInput,
} from "../../schema/text-broadcast.input.js";
import type { TextBroadcast, TextBroadcastStats } from "../../schema/text-broadcast.type.js";
import type { Text } from "../../schema/text.type.js";
import type { PageArgs, StatsWindow } from "../callfire-api.js";
import {
  forgetTextBroadcast,
  forgetTextStates,
  loadOrNull,
  primeBatches,
  primeTextBroadcasts,
  primeTexts,
} from "../loaders.js";
import type { BroadcastTextsKey } from "../loaders.types.js";
import type { RequestScope } from "./request-scope.js";
import { loadCreated, sendOnce } from "./write-once.js";

export interface CreateTextBroadcast {
  input: TextBroadcastInput;
  start?: boolean | null;
  strictValidation?: boolean | null;
  idempotencyKey?: string | null;
}

export interface AddTextBroadcastRecipients {
  broadcastId: string;
  recipients: TextRecipientInput[];
  strictValidation?: boolean | null;
  idempotencyKey?: string | null;
}

/** campaignId of the account's default campaign as a filter value (texts keep its real id). */
const DEFAULT_CAMPAIGN_ID = "0";

/** What we know of a broadcast just created when CallFire cannot be asked: what was sent, the rest null. */
function sentTextBroadcast(id: string, input: TextBroadcastInput): TextBroadcast {
  const restriction = input.localTimeRestriction;
  return {
    id,
    name: input.name,
    status: null,
    lastModified: null,
    fromNumber: input.fromNumber ?? null,
    message: input.message,
    bigMessageStrategy: input.bigMessageStrategy ?? null,
    labels: input.labels ?? [],
    maxActive: input.maxActive ?? null,
    resumeNextDay: input.resumeNextDay ?? null,
    localTimeRestriction: restriction
      ? {
          enabled: restriction.enabled,
          beginHour: restriction.beginHour ?? null,
          beginMinute: restriction.beginMinute ?? null,
          endHour: restriction.endHour ?? null,
          endMinute: restriction.endMinute ?? null,
        }
      : null,
    // Schedule ids are CallFire's to give, so the schedules sent cannot be shown as Schedules.
    schedules: [],
    media: [],
  };
}

export class TextBroadcastsService {
  constructor(private readonly scope: RequestScope) {}

  /** One broadcast; null when CallFire does not know it. */
  byId(id: string): Promise<TextBroadcast | null> {
    return loadOrNull(this.scope.loaders.textBroadcast, id);
  }

  /**
   * The broadcast a text belongs to. Null for the account's default campaign, which is no text broadcast
   * (CallFire answers 404 for it), and so for any broadcast CallFire does not know.
   */
  ofText(text: Text): Promise<TextBroadcast | null> | null {
    if (text.campaignId == null || text.campaignId === DEFAULT_CAMPAIGN_ID) return null;
    return this.byId(text.campaignId);
  }

  async list(args: PageArgs & { filter?: TextBroadcastFilter | null }): Promise<Page<TextBroadcast>> {
    const page = await this.scope.api.findTextBroadcasts(args);
    primeTextBroadcasts(this.scope.loaders, page.items);
    return page;
  }

  async batches(broadcastId: string, page: PageArgs): Promise<Page<Batch>> {
    const batches = await this.scope.loaders.textBroadcastBatches.load({ broadcastId, ...page });
    primeBatches(this.scope.loaders, batches.items);
    return batches;
  }

  async texts(key: BroadcastTextsKey): Promise<Page<Text>> {
    const texts = await this.scope.loaders.textBroadcastTexts.load(key);
    primeTexts(this.scope.loaders, texts.items);
    return texts;
  }

  stats(broadcastId: string, window: StatsWindow): Promise<TextBroadcastStats> {
    return this.scope.loaders.textBroadcastStats.load({ broadcastId, ...window });
  }

  /** Creates once per idempotencyKey; answers with the broadcast as CallFire has it. */
  async create(args: CreateTextBroadcast): Promise<TextBroadcast> {
    const { input, start, strictValidation, idempotencyKey } = args;
    const id = await this.scope.idempotency.run("createTextBroadcast", idempotencyKey, args, () =>
      this.scope.api.createTextBroadcast(input, { start, strictValidation }),
    );
    return loadCreated(
      this.scope.loaders.textBroadcast,
      id,
      () => sentTextBroadcast(id, input),
      this.scope.log,
    );
  }

  async update(
    id: string,
    input: TextBroadcastUpdateInput,
    options: { strictValidation?: boolean | null },
  ): Promise<TextBroadcast> {
    await this.scope.api.updateTextBroadcast(id, input, options);
    return this.reloaded(id);
  }

  async start(id: string): Promise<TextBroadcast> {
    await this.scope.api.startTextBroadcast(id);
    return this.reloaded(id);
  }

  async stop(id: string): Promise<TextBroadcast> {
    await this.scope.api.stopTextBroadcast(id);
    return this.reloaded(id);
  }

  async archive(id: string): Promise<TextBroadcast> {
    await this.scope.api.archiveTextBroadcast(id);
    return this.reloaded(id);
  }

  /** Adds once per idempotencyKey; answers with the new texts (a repeat: the first call's). */
  async addRecipients(args: AddTextBroadcastRecipients): Promise<Text[]> {
    const { broadcastId, recipients, strictValidation } = args;
    const { texts } = await sendOnce(this.scope, "addTextBroadcastRecipients", args, (wholeTexts) =>
      this.scope.api.addTextBroadcastRecipients(broadcastId, recipients, { strictValidation, wholeTexts }),
    );
    forgetTextBroadcast(this.scope.loaders, broadcastId);
    return texts;
  }

  /** Switches the unsent texts of these recipients off or on: states of texts we cannot list change. */
  async toggleRecipients(broadcastId: string, recipients: RecipientInput[], enable: boolean): Promise<void> {
    await this.scope.api.toggleTextBroadcastRecipientsStatus(broadcastId, recipients, enable);
    forgetTextBroadcast(this.scope.loaders, broadcastId);
    forgetTextStates(this.scope.loaders);
  }

  /** The broadcast as it stands after a change: forget what this request cached of it, then one GET. */
  private reloaded(id: string): Promise<TextBroadcast> {
    forgetTextBroadcast(this.scope.loaders, id);
    return this.scope.loaders.textBroadcast.load(id);
  }
}
