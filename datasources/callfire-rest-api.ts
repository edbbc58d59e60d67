// The CallFire API over HTTP, one method per endpoint of docs/callfire-api.md §Endpoints; its public
// methods are the type CallFireApi (callfire-api.ts). Built per request around the process-wide got
// instance, with that request's credentials; every failure becomes an apiError.
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
import type { ExistingWebhook, PageArgs, StatsWindow, WebhookSettings } from "./callfire-api.js";
import type * as Dto from "./callfire.dto.js";
import { malformedAnswer } from "./callfire-errors.js";
import type { CallFireHttp, CallFireMethod } from "./callfire-http.js";
import { authorizationHeader, type Credentials } from "../src/core/credentials.js";
import type { FieldProjection } from "./projection/field-projection.js";
import type { ProjectionTarget } from "./projection/callfire-fields.js";
import type { Logger } from "../src/core/logger.js";
import { DEFAULT_REQUEST_DEADLINE_MS, RequestDeadline } from "./request-deadline.js";
import {
  compact,
  MAX_TEXT_IDS_PER_CALL,
  pathId,
  toBatchRequest,
  toBatchUpdate,
  toCsv,
  toInt64,
  toMs,
  optionalInt64,
  toRecipient,
  toSearchParams,
  toTextAutoReplyBody,
  toTextBroadcastBody,
  toTextBroadcastUpdate,
  toTextRecipient,
} from "./to-dto.js";
import {
  toBatch,
  toPage,
  toResourceId,
  toText,
  toTextAutoReply,
  toTextBroadcast,
  toTextBroadcastStats,
} from "./to-model.js";

export interface CallFireRestApiOptions {
  /** The process-wide transport from createCallFireHttp. */
  http: CallFireHttp;
  credentials: Credentials;
  log: Logger;
  /** This request's projection; without one, every call answers with whole objects. */
  fieldProjection?: FieldProjection;
  /** The request's deadline, shared by all its calls; without one, each call has a deadline of its own. */
  deadline?: RequestDeadline;
}

interface Call {
  /** What the call is about, for error messages a client reads, e.g. "text broadcast 13". */
  what: string;
  method: CallFireMethod;
  /** Below the base URL, no leading slash (got's prefixUrl rule). */
  path: string;
  query?: object;
  body?: unknown;
  /** What the answer holds, so that only the fields the operation reads are asked for. */
  projection?: ProjectionTarget;
}

/** What a JSON answer must be: one object, or an envelope whose items (when asked for) are objects. */
type Shape = "object" | "items";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasShape(body: unknown, shape: Shape): boolean {
  if (!isObject(body)) return false;
  if (shape === "object") return true;
  return body.items === undefined || (Array.isArray(body.items) && body.items.every(isObject));
}

export class CallFireRestApi {
  // Private fields: credentials stay out of JSON.stringify, util.inspect and any logged copy of this object.
  readonly #http: CallFireHttp;
  readonly #authorization: string;
  readonly #log: Logger;
  readonly #fieldProjection: FieldProjection | undefined;
  readonly #deadline: RequestDeadline | undefined;

  constructor(options: CallFireRestApiOptions) {
    this.#http = options.http;
    this.#authorization = authorizationHeader(options.credentials);
    this.#log = options.log;
    this.#fieldProjection = options.fieldProjection;
    this.#deadline = options.deadline;
  }

  /** A call whose answer is JSON of a known shape; CallFire's DTO types are trusted past that check. */
  async #read<T>(call: Call, shape: Shape = "object"): Promise<T> {
    const body = await this.#call(call);
    if (!hasShape(body, shape)) {
      throw malformedAnswer(
        call,
        shape === "object" ? "a JSON object" : "a JSON object with a list of items",
      );
    }
    return body as T;
  }

  /** A write whose answer carries nothing we use (start, stop, PUT, DELETE…): its 2xx status says it all. */
  async #send(call: Call): Promise<void> {
    await this.#call(call, true);
  }

  /** Credentials go per call, never onto the shared instance. */
  #call(call: Call, ignoreBody = false): Promise<unknown> {
    const fields = call.projection && this.#fieldProjection?.fieldsFor(call.projection);
    const query = fields === undefined ? call.query : { ...call.query, fields };
    return this.#http.send(
      {
        method: call.method,
        path: call.path,
        searchParams: query === undefined ? undefined : toSearchParams(query),
        body: call.body,
        authorization: this.#authorization,
        what: call.what,
        ignoreBody,
      },
      this.#deadline ?? new RequestDeadline(DEFAULT_REQUEST_DEADLINE_MS),
      this.#log,
    );
  }

  // texts

  async findTexts(args: PageArgs & { filter?: TextFilter | null }): Promise<Page<Text>> {
    const filter = args.filter ?? {};
    const query = compact<Dto.FindTextsQuery>({
      id: filter.ids?.map((id) => toInt64(id, "ids")),
      campaignId: optionalInt64(filter.campaignId, "campaignId"),
      batchId: optionalInt64(filter.batchId, "batchId"),
      fromNumber: filter.fromNumber,
      toNumber: filter.toNumber,
      label: filter.label,
      states: toCsv(filter.states),
      results: toCsv(filter.results),
      inbound: filter.inbound,
      intervalBegin: toMs(filter.intervalBegin),
      intervalEnd: toMs(filter.intervalEnd),
      limit: args.limit,
      offset: args.offset,
    });
    const page = await this.#read<Dto.TextPage>(
      {
        what: "texts",
        method: "GET",
        path: "texts",
        query,
        projection: "TextPage",
      },
      "items",
    );
    return toPage(page, args, (text) => toText(text, this.#log));
  }

  /** GET /texts/{id}. The graph looks texts up with getTextsByIds (batched); this completes the endpoint set. */
  async getText(id: string): Promise<Text> {
    const path = `texts/${pathId(id)}`;
    const dto = await this.#read<Dto.Text>({ what: `text ${id}`, method: "GET", path, projection: "Text" });
    return toText(dto, this.#log);
  }

  /** GET /texts?id=…&id=… (at most 100 ids); returns the texts CallFire found, in any order. */
  async getTextsByIds(ids: readonly string[]): Promise<Text[]> {
    if (ids.length === 0) return [];
    if (ids.length > MAX_TEXT_IDS_PER_CALL) {
      throw new RangeError(`getTextsByIds takes at most ${MAX_TEXT_IDS_PER_CALL} ids; got ${ids.length}`);
    }
    // limit = the number of ids: the default page size is documented as 100 but specified as 10 in places.
    const query = compact<Dto.FindTextsQuery>({ id: ids.map((id) => toInt64(id, "id")), limit: ids.length });
    // Only the items are used: asked for as a ListHolder.
    const page = await this.#read<Dto.TextPage>(
      {
        what: "texts",
        method: "GET",
        path: "texts",
        query,
        projection: "TextList",
      },
      "items",
    );
    return (page.items ?? []).map((text) => toText(text, this.#log));
  }

  async sendTexts(args: {
    recipients: TextRecipientInput[];
    campaignId?: string | null;
    defaultMessage?: string | null;
    strictValidation?: boolean | null;
    /** Ask for whole texts, not just the operation's fields: they are stored for an idempotent repeat. */
    wholeTexts?: boolean;
  }): Promise<Text[]> {
    const query = compact<Dto.SendTextsQuery>({
      campaignId: optionalInt64(args.campaignId, "campaignId"),
      defaultMessage: args.defaultMessage,
      strictValidation: args.strictValidation,
    });
    const body: Dto.TextRecipient[] = args.recipients.map(toTextRecipient);
    const list = await this.#read<Dto.TextList>(
      {
        what: "texts",
        method: "POST",
        path: "texts",
        query,
        body,
        projection: args.wholeTexts ? undefined : "TextList",
      },
      "items",
    );
    return (list.items ?? []).map((text) => toText(text, this.#log));
  }

  // text broadcasts

  async findTextBroadcasts(
    args: PageArgs & { filter?: TextBroadcastFilter | null },
  ): Promise<Page<TextBroadcast>> {
    const filter = args.filter ?? {};
    const query = compact<Dto.FindTextBroadcastsQuery>({
      name: filter.name,
      label: filter.label,
      running: filter.running,
      scheduled: filter.scheduled,
      intervalBegin: toMs(filter.intervalBegin),
      intervalEnd: toMs(filter.intervalEnd),
      limit: args.limit,
      offset: args.offset,
    });
    const page = await this.#read<Dto.TextBroadcastPage>(
      {
        what: "text broadcasts",
        method: "GET",
        path: "texts/broadcasts",
        query,
        projection: "TextBroadcastPage",
      },
      "items",
    );
    return toPage(page, args, (broadcast) => toTextBroadcast(broadcast, this.#log));
  }

  async getTextBroadcast(id: string): Promise<TextBroadcast> {
    const path = `texts/broadcasts/${pathId(id)}`;
    const dto = await this.#read<Dto.TextBroadcast>({
      what: `text broadcast ${id}`,
      method: "GET",
      path,
      projection: "TextBroadcast",
    });
    return toTextBroadcast(dto, this.#log);
  }

  async createTextBroadcast(
    input: TextBroadcastInput,
    options: { start?: boolean | null; strictValidation?: boolean | null },
  ): Promise<string> {
    const query = compact<Dto.CreateTextBroadcastQuery>({
      start: options.start,
      strictValidation: options.strictValidation,
    });
    const created = await this.#read<Dto.ResourceId>({
      what: "a new text broadcast",
      method: "POST",
      path: "texts/broadcasts",
      query,
      body: toTextBroadcastBody(input),
    });
    return toResourceId(created);
  }

  async updateTextBroadcast(
    id: string,
    input: TextBroadcastUpdateInput,
    options: { strictValidation?: boolean | null },
  ): Promise<void> {
    await this.#send({
      what: `text broadcast ${id}`,
      method: "PUT",
      path: `texts/broadcasts/${pathId(id)}`,
      query: compact<Dto.UpdateTextBroadcastQuery>({ strictValidation: options.strictValidation }),
      body: toTextBroadcastUpdate(id, input),
    });
  }

  async archiveTextBroadcast(id: string): Promise<void> {
    await this.#broadcastAction(id, "archive");
  }

  async startTextBroadcast(id: string): Promise<void> {
    await this.#broadcastAction(id, "start");
  }

  async stopTextBroadcast(id: string): Promise<void> {
    await this.#broadcastAction(id, "stop");
  }

  async #broadcastAction(id: string, action: "archive" | "start" | "stop"): Promise<void> {
    const path = `texts/broadcasts/${pathId(id)}/${action}`;
    await this.#send({ what: `text broadcast ${id}`, method: "POST", path });
  }

  async getTextBroadcastBatches(broadcastId: string, page: PageArgs): Promise<Page<Batch>> {
    const dto = await this.#read<Dto.BatchPage>(
      {
        what: `text broadcast ${broadcastId}`,
        method: "GET",
        path: `texts/broadcasts/${pathId(broadcastId, "broadcastId")}/batches`,
        query: compact<Dto.GetTextBroadcastBatchesQuery>({ limit: page.limit, offset: page.offset }),
        projection: "BatchPage",
      },
      "items",
    );
    return toPage(dto, page, (batch) => toBatch(batch, this.#log));
  }

  async addTextBroadcastBatch(
    broadcastId: string,
    input: BatchInput,
    options: { strictValidation?: boolean | null },
  ): Promise<string> {
    const created = await this.#read<Dto.ResourceId>({
      what: `text broadcast ${broadcastId}`,
      method: "POST",
      path: `texts/broadcasts/${pathId(broadcastId, "broadcastId")}/batches`,
      query: compact<Dto.AddTextBroadcastBatchQuery>({ strictValidation: options.strictValidation }),
      body: toBatchRequest(input),
    });
    return toResourceId(created);
  }

  async addTextBroadcastRecipients(
    broadcastId: string,
    recipients: TextRecipientInput[],
    options: { strictValidation?: boolean | null; wholeTexts?: boolean },
  ): Promise<Text[]> {
    const body: Dto.TextRecipient[] = recipients.map(toTextRecipient);
    const list = await this.#read<Dto.TextList>(
      {
        what: `text broadcast ${broadcastId}`,
        method: "POST",
        path: `texts/broadcasts/${pathId(broadcastId, "broadcastId")}/recipients`,
        query: compact<Dto.AddTextBroadcastRecipientsQuery>({ strictValidation: options.strictValidation }),
        body,
        projection: options.wholeTexts ? undefined : "TextList",
      },
      "items",
    );
    return (list.items ?? []).map((text) => toText(text, this.#log));
  }

  async getTextBroadcastStats(broadcastId: string, window: StatsWindow): Promise<TextBroadcastStats> {
    const dto = await this.#read<Dto.TextBroadcastStatsDto>({
      what: `text broadcast ${broadcastId}`,
      method: "GET",
      path: `texts/broadcasts/${pathId(broadcastId, "broadcastId")}/stats`,
      query: compact<Dto.GetTextBroadcastStatsQuery>({ begin: toMs(window.begin), end: toMs(window.end) }),
      projection: "TextBroadcastStats",
    });
    return toTextBroadcastStats(dto);
  }

  async getTextBroadcastTexts(
    broadcastId: string,
    args: PageArgs & { batchId?: string | null },
  ): Promise<Page<Text>> {
    const dto = await this.#read<Dto.TextPage>(
      {
        what: `text broadcast ${broadcastId}`,
        method: "GET",
        path: `texts/broadcasts/${pathId(broadcastId, "broadcastId")}/texts`,
        query: compact<Dto.GetTextBroadcastTextsQuery>({
          batchId: optionalInt64(args.batchId, "batchId"),
          limit: args.limit,
          offset: args.offset,
        }),
        projection: "TextPage",
      },
      "items",
    );
    return toPage(dto, args, (text) => toText(text, this.#log));
  }

  async toggleTextBroadcastRecipientsStatus(
    broadcastId: string,
    recipients: RecipientInput[],
    enable: boolean,
  ): Promise<void> {
    const body: Dto.Recipient[] = recipients.map(toRecipient);
    await this.#send({
      what: `text broadcast ${broadcastId}`,
      method: "POST",
      path: `texts/broadcasts/${pathId(broadcastId, "broadcastId")}/toggleRecipientsStatus`,
      query: { enable } satisfies Dto.ToggleTextBroadcastRecipientsStatusQuery,
      body,
    });
  }

  // batches

  async getBatch(id: string): Promise<Batch> {
    const path = `campaigns/batches/${pathId(id)}`;
    const dto = await this.#read<Dto.Batch>({
      what: `batch ${id}`,
      method: "GET",
      path,
      projection: "Batch",
    });
    return toBatch(dto, this.#log);
  }

  async updateBatch(id: string, input: BatchUpdateInput): Promise<void> {
    await this.#send({
      what: `batch ${id}`,
      method: "PUT",
      path: `campaigns/batches/${pathId(id)}`,
      body: toBatchUpdate(id, input),
    });
  }

  // auto-replies

  async findTextAutoReplies(args: PageArgs & { number?: string | null }): Promise<Page<TextAutoReply>> {
    const page = await this.#read<Dto.TextAutoReplyPage>(
      {
        what: "auto-replies",
        method: "GET",
        path: "texts/auto-replys",
        query: compact<Dto.FindTextAutoReplysQuery>({
          number: args.number,
          limit: args.limit,
          offset: args.offset,
        }),
        projection: "TextAutoReplyPage",
      },
      "items",
    );
    return toPage(page, args, toTextAutoReply);
  }

  async getTextAutoReply(id: string): Promise<TextAutoReply> {
    const path = `texts/auto-replys/${pathId(id)}`;
    return toTextAutoReply(
      await this.#read<Dto.TextAutoReply>({
        what: `auto-reply ${id}`,
        method: "GET",
        path,
        projection: "TextAutoReply",
      }),
    );
  }

  async createTextAutoReply(input: TextAutoReplyInput): Promise<string> {
    const created = await this.#read<Dto.ResourceId>({
      what: "a new auto-reply",
      method: "POST",
      path: "texts/auto-replys",
      body: toTextAutoReplyBody(input),
    });
    return toResourceId(created);
  }

  async deleteTextAutoReply(id: string): Promise<void> {
    await this.#send({ what: `auto-reply ${id}`, method: "DELETE", path: `texts/auto-replys/${pathId(id)}` });
  }

  // webhooks

  async findWebhooks(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: ExistingWebhook[]; hasMore: boolean }> {
    const found = await this.#read<Dto.WebhookPage>({
      what: "webhooks",
      method: "GET",
      path: "webhooks",
      query: { limit: page.limit, offset: page.offset },
    });
    const items = (found.items ?? []).flatMap((webhook) =>
      webhook.id === undefined
        ? []
        : [
            {
              id: String(webhook.id),
              name: webhook.name,
              resource: webhook.resource,
              callback: webhook.callback,
            },
          ],
    );
    const total = found.totalCount ?? -1;
    return { items, hasMore: total >= 0 ? page.offset + items.length < total : items.length === page.limit };
  }

  async createWebhook(settings: WebhookSettings): Promise<string> {
    const created = await this.#read<Dto.ResourceId>({
      what: "a new webhook",
      method: "POST",
      path: "webhooks",
      body: toWebhookBody(settings),
    });
    return toResourceId(created);
  }

  /** Replaces the webhook's settings, secret included, and switches it on. */
  async updateWebhook(id: string, settings: WebhookSettings): Promise<void> {
    await this.#send({
      what: `webhook ${id}`,
      method: "PUT",
      path: `webhooks/${pathId(id)}`,
      body: { id: toInt64(id, "id"), ...toWebhookBody(settings) },
    });
  }

  async deleteWebhook(id: string): Promise<void> {
    await this.#send({ what: `webhook ${id}`, method: "DELETE", path: `webhooks/${pathId(id)}` });
  }
}

function toWebhookBody(settings: WebhookSettings): Dto.Webhook {
  return { ...settings, events: [...settings.events], enabled: true, singleUse: false };
}
