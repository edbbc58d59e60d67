// Individual texts: POST /texts, and inbound texts with the auto-replies they trigger.
import { badRequest, notFound } from "./api-error.js";
import { autoReplyMatches, renderReply } from "./auto-reply-matcher.js";
import { nextStatus } from "./broadcast-state.js";
import type { RecipientInput, Text } from "./callfire.types.js";
import { parsePhoneNumber } from "./phone-numbers.js";
import { createTexts, insertApiRecipients } from "./recipients.js";
import { finishText } from "./resource-events.js";
import type { ServiceContext } from "./service-context.js";

export interface SendOptions {
  /** Undefined or 0: the account's default campaign. */
  campaignId?: number;
  defaultMessage?: string;
  strict: boolean;
}

/** Sends at once: the texts are READY now and delivered whatever state their campaign is in. */
export function sendTexts(ctx: ServiceContext, inputs: RecipientInput[], options: SendOptions): Text[] {
  const ids = ctx.store.transaction(() => {
    const campaign =
      options.campaignId === undefined || options.campaignId === 0
        ? ctx.store.campaigns.defaultCampaign(ctx.accountId, ctx.now())
        : ctx.store.campaigns.get(ctx.accountId, options.campaignId);
    if (campaign === undefined) throw notFound("Campaign", options.campaignId ?? 0);
    if (!campaign.isDefault) nextStatus(campaign.status, "addRecipients");
    if (inputs.length === 0) throw badRequest("Give at least one recipient");
    const { batchId, recipients } = insertApiRecipients(ctx, campaign, inputs, { strict: options.strict });
    return createTexts(ctx, recipients, {
      campaign,
      batchId,
      validated: true,
      duplicatesAcross: "request",
      immediate: true,
      defaultMessage: options.defaultMessage,
    });
  });
  return ctx.store.texts.getMany(ids);
}

export interface InboundInput {
  fromNumber: string;
  toNumber: string;
  message: string;
}

export interface InboundResult {
  text: Text;
  replies: Text[];
}

/** A text arriving from a phone: stored as received, then every matching auto-reply is sent back. */
export function receiveText(ctx: ServiceContext, input: InboundInput): InboundResult {
  const from = parsePhoneNumber(input.fromNumber);
  const to = parsePhoneNumber(input.toNumber);
  if (!from.valid) throw badRequest(`Invalid fromNumber "${input.fromNumber}"`);
  if (!to.valid) throw badRequest(`Invalid toNumber "${input.toNumber}"`);
  const inbound = { toNumber: to.number, message: input.message };
  const [textId, replyIds] = ctx.store.transaction(() => {
    const now = ctx.now();
    const contact = ctx.store.contacts.findOrCreate(ctx.accountId, from.number);
    const id = ctx.store.texts.insert(ctx.accountId, {
      contactId: contact.id,
      fromNumber: from.number,
      toNumber: to.number,
      numberValid: true,
      inbound: true,
      state: "FINISHED",
      message: input.message,
      labels: [],
      attributes: {},
      media: [],
      immediate: false,
      created: now,
    });
    finishText(ctx.store, { id, accountId: ctx.accountId, inbound: true }, "RECEIVED", now, {
      billed: 0,
      message: input.message,
    });
    const replies = ctx.store.autoReplies
      .all(ctx.accountId)
      .filter((reply) => autoReplyMatches(reply, inbound));
    if (replies.length === 0) return [id, []] as const;
    const campaign = ctx.store.campaigns.defaultCampaign(ctx.accountId, now);
    const recipients = replies.map((reply) => ({
      phoneNumber: from.number,
      valid: true,
      fromNumber: to.number,
      message: renderReply(reply.message, inbound),
      attributes: {},
      media: [],
    }));
    const batchId = ctx.store.batches.insert(
      ctx.accountId,
      campaign.id,
      `Auto-replies ${id}`,
      recipients,
      now,
    );
    const ids = createTexts(ctx, ctx.store.batches.pending(campaign.id, batchId), {
      campaign,
      batchId,
      validated: false,
      duplicatesAcross: "request",
      immediate: true,
    });
    return [id, ids] as const;
  });
  return {
    text: ctx.store.texts.get(ctx.accountId, textId) as Text,
    replies: ctx.store.texts.getMany([...replyIds]),
  };
}
