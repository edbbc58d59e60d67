// What the resolvers can ask of CallFire: one method per REST endpoint, taking GraphQL inputs and
// returning GraphQL models. CallFireRestApi (callfire-rest-api.ts) implements it over HTTP.
import type { BatchInput, BatchUpdateInput } from "../schema/batch.input.js";
import type { Batch } from "../schema/batch.type.js";
import type { Page } from "../schema/page.type.js";
import type { RecipientInput, TextRecipientInput } from "../schema/recipient.input.js";
import type { TextAutoReplyInput } from "../schema/text-auto-reply.input.js";
import type { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type {
  TextBroadcastFilter,
  TextBroadcastInput,
  TextBroadcastUpdateInput,
} from "../schema/text-broadcast.input.js";
import type { TextBroadcast, TextBroadcastStats } from "../schema/text-broadcast.type.js";
import type { TextFilter } from "../schema/text.input.js";
import type { Text } from "../schema/text.type.js";

export interface PageArgs {
  limit?: number | null;
  offset?: number | null;
}

export interface StatsWindow {
  begin?: Date | null;
  end?: Date | null;
}

/** A webhook as live updates register it (CallFire's Webhook, the fields we set). */
export interface WebhookSettings {
  name: string;
  resource: string;
  events: readonly string[];
  callback: string;
  secret: string;
}

/** A webhook CallFire already has (it never shows the secret). */
export interface ExistingWebhook {
  id: string;
  name?: string;
  resource?: string;
  callback?: string;
}

/**
 * Every method throws a GraphQLError from ./errors.ts on failure; a CallFire 404 is NOT_FOUND.
 * Methods that create return the new id; update/action methods resolve once CallFire accepted them.
 */
export interface CallFireApi {
  // texts
  findTexts(args: PageArgs & { filter?: TextFilter | null }): Promise<Page<Text>>;
  /** GET /texts/{id}. The graph looks texts up with getTextsByIds (batched); this completes the endpoint set. */
  getText(id: string): Promise<Text>;
  /** GET /texts?id=…&id=… (at most 100 ids); returns the texts CallFire found, in any order. */
  getTextsByIds(ids: readonly string[]): Promise<Text[]>;
  sendTexts(args: {
    recipients: TextRecipientInput[];
    campaignId?: string | null;
    defaultMessage?: string | null;
    strictValidation?: boolean | null;
    /** Ask for whole texts, not just the operation's fields: they are stored for an idempotent repeat. */
    wholeTexts?: boolean;
  }): Promise<Text[]>;

  // text broadcasts
  findTextBroadcasts(args: PageArgs & { filter?: TextBroadcastFilter | null }): Promise<Page<TextBroadcast>>;
  getTextBroadcast(id: string): Promise<TextBroadcast>;
  createTextBroadcast(
    input: TextBroadcastInput,
    options: { start?: boolean | null; strictValidation?: boolean | null },
  ): Promise<string>;
  updateTextBroadcast(
    id: string,
    input: TextBroadcastUpdateInput,
    options: { strictValidation?: boolean | null },
  ): Promise<void>;
  archiveTextBroadcast(id: string): Promise<void>;
  startTextBroadcast(id: string): Promise<void>;
  stopTextBroadcast(id: string): Promise<void>;
  getTextBroadcastBatches(broadcastId: string, page: PageArgs): Promise<Page<Batch>>;
  addTextBroadcastBatch(
    broadcastId: string,
    input: BatchInput,
    options: { strictValidation?: boolean | null },
  ): Promise<string>;
  addTextBroadcastRecipients(
    broadcastId: string,
    recipients: TextRecipientInput[],
    options: { strictValidation?: boolean | null; wholeTexts?: boolean },
  ): Promise<Text[]>;
  getTextBroadcastStats(broadcastId: string, window: StatsWindow): Promise<TextBroadcastStats>;
  getTextBroadcastTexts(
    broadcastId: string,
    args: PageArgs & { batchId?: string | null },
  ): Promise<Page<Text>>;
  toggleTextBroadcastRecipientsStatus(
    broadcastId: string,
    recipients: RecipientInput[],
    enable: boolean,
  ): Promise<void>;

  // batches
  getBatch(id: string): Promise<Batch>;
  updateBatch(id: string, input: BatchUpdateInput): Promise<void>;

  // auto-replies
  findTextAutoReplies(args: PageArgs & { number?: string | null }): Promise<Page<TextAutoReply>>;
  getTextAutoReply(id: string): Promise<TextAutoReply>;
  createTextAutoReply(input: TextAutoReplyInput): Promise<string>;
  deleteTextAutoReply(id: string): Promise<void>;

  // webhooks (registered by live updates, not exposed in the graph)
  findWebhooks(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: ExistingWebhook[]; hasMore: boolean }>;
  createWebhook(settings: WebhookSettings): Promise<string>;
  /** Replaces the webhook's settings, secret included, and switches it on. */
  updateWebhook(id: string, settings: WebhookSettings): Promise<void>;
  deleteWebhook(id: string): Promise<void>;
}
