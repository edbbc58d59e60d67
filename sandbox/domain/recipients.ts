// Turning recipients into texts. Validated recipients (batches, broadcast create/update, POST /texts) get
// INVALID or DUP states; unvalidated ones (POST .../recipients) are all attempted (docs/callfire-api.md
// §Recipients and validation).
import type { Campaign } from "../store/campaigns.repository.js";
import type { StoredRecipient } from "../store/batches.repository.js";
import { badRequest } from "./api-error.js";
import type { RecipientInput, TextState } from "./callfire.types.js";
import { messageToSend, renderTemplate } from "./message-template.js";
import { parsePhoneNumber } from "./phone-numbers.js";
import type { ServiceContext } from "./service-context.js";

export const MAX_RECIPIENTS = 1000;

export interface PrepareOptions {
  /** Refuse the whole request when a number is invalid (strictValidation=true). */
  strict: boolean;
  scrubDuplicates?: boolean;
}

/** Resolves contacts and checks numbers; throws 400 for a recipient that cannot be used at all. */
export function prepareRecipients(
  ctx: ServiceContext,
  inputs: RecipientInput[],
  options: PrepareOptions,
): StoredRecipient[] {
  if (inputs.length > MAX_RECIPIENTS) {
    throw badRequest(`At most ${MAX_RECIPIENTS} recipients per request, got ${inputs.length}`);
  }
  const seen = new Set<string>();
  const prepared: StoredRecipient[] = [];
  inputs.forEach((input, index) => {
    let phoneNumber: string;
    let valid: boolean;
    if (input.contactId !== undefined) {
      const contact = ctx.store.contacts.get(ctx.accountId, input.contactId);
      if (contact === undefined)
        throw badRequest(`recipients[${index}]: contact ${input.contactId} not found`);
      ({ number: phoneNumber, valid } = parsePhoneNumber(contact.homePhone));
    } else if (input.phoneNumber !== undefined) {
      ({ number: phoneNumber, valid } = parsePhoneNumber(input.phoneNumber));
    } else {
      throw badRequest(`recipients[${index}]: give phoneNumber or contactId`);
    }
    if (!valid && options.strict) {
      throw badRequest(
        `Invalid phone number "${phoneNumber}" in recipients[${index}]`,
        "strictValidation=true",
      );
    }
    if (options.scrubDuplicates === true && seen.has(phoneNumber)) return;
    seen.add(phoneNumber);
    prepared.push({
      phoneNumber,
      valid,
      contactId: input.contactId,
      fromNumber: input.fromNumber,
      message: input.message,
      attributes: input.attributes ?? {},
      media: input.media ?? [],
    });
  });
  return prepared;
}

export interface TextCreation {
  campaign: Campaign;
  batchId: number;
  /** false: every recipient is attempted, even a malformed number (the carrier rejects it). */
  validated: boolean;
  /** Which earlier texts make a number a duplicate: the whole campaign's or only this request's. */
  duplicatesAcross: "campaign" | "request";
  immediate: boolean;
  defaultMessage?: string;
}

/** Creates one text per recipient, in order, and returns their ids. */
export function createTexts(
  ctx: ServiceContext,
  recipients: (StoredRecipient & { id?: number })[],
  creation: TextCreation,
): number[] {
  const { campaign } = creation;
  const seen =
    creation.duplicatesAcross === "campaign" ? ctx.store.texts.numbersInCampaign(campaign.id) : new Set();
  const now = ctx.now();
  return recipients.map((recipient, index) => {
    const template = recipient.message ?? creation.defaultMessage ?? campaign.message;
    if (template === undefined) {
      throw badRequest(
        `recipients[${index}] (${recipient.phoneNumber}) has no message and no default message is set`,
      );
    }
    let state: TextState = "READY";
    if (creation.validated && !recipient.valid) state = "INVALID";
    else if (creation.validated && seen.has(recipient.phoneNumber)) state = "DUP";
    seen.add(recipient.phoneNumber);
    const contact =
      recipient.contactId !== undefined
        ? { id: recipient.contactId }
        : ctx.store.contacts.findOrCreate(ctx.accountId, recipient.phoneNumber);
    const textId = ctx.store.texts.insert(ctx.accountId, {
      campaignId: campaign.id,
      batchId: creation.batchId,
      contactId: contact.id,
      fromNumber: recipient.fromNumber ?? campaign.fromNumber,
      toNumber: recipient.phoneNumber,
      numberValid: recipient.valid,
      inbound: false,
      state,
      message: messageToSend(
        renderTemplate(template, recipient.attributes),
        campaign.bigMessageStrategy ?? "SEND_MULTIPLE",
      ),
      labels: campaign.labels,
      attributes: recipient.attributes,
      media: recipient.media.length > 0 ? recipient.media : campaign.media,
      immediate: creation.immediate,
      created: now,
    });
    if (recipient.id !== undefined) ctx.store.batches.linkText(recipient.id, textId);
    return textId;
  });
}

/**
 * Recipients given through the API (with the broadcast, or to POST /texts) rather than as a batch of
 * their own: validated and kept in a batch named after the campaign, as CallFire does.
 */
export function insertApiRecipients(
  ctx: ServiceContext,
  campaign: Campaign,
  inputs: RecipientInput[],
  options: { strict: boolean },
): { batchId: number; recipients: StoredRecipient[] } {
  const prepared = prepareRecipients(ctx, inputs, options);
  const batchId = ctx.store.batches.insert(
    ctx.accountId,
    campaign.id,
    `API ${campaign.id}`,
    prepared,
    ctx.now(),
  );
  return { batchId, recipients: ctx.store.batches.pending(campaign.id, batchId) };
}
