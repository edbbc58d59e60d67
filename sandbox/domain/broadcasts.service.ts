// Text broadcast operations: create, update, the state machine actions, batches, recipients and stats.
import type { Campaign, CampaignSettings } from "../store/campaigns.repository.js";
import { ApiError, INTERNAL_CODES, notFound } from "./api-error.js";
import { nextStatus } from "./broadcast-state.js";
import type { RecipientInput, Text, TextBroadcastStats } from "./callfire.types.js";
import { parsePhoneNumber } from "./phone-numbers.js";
import { createTexts, insertApiRecipients, prepareRecipients } from "./recipients.js";
import { setBroadcastStatus } from "./resource-events.js";
import type { ServiceContext } from "./service-context.js";

export interface BroadcastInput {
  settings: CampaignSettings;
  recipients?: RecipientInput[];
}

export interface BatchInput {
  name?: string;
  recipients?: RecipientInput[];
  contactListId?: number;
  scrubDuplicates: boolean;
}

export function getBroadcast(ctx: ServiceContext, id: number): Campaign {
  const campaign = ctx.store.campaigns.get(ctx.accountId, id);
  if (campaign === undefined || campaign.isDefault) throw notFound("TextBroadcast", id);
  return campaign;
}

/** Creates texts for the recipients of enabled batches that have none yet (when the broadcast runs). */
function createPendingTexts(ctx: ServiceContext, campaign: Campaign, batchId?: number): void {
  const pending = ctx.store.batches.pending(campaign.id, batchId);
  if (pending.length === 0) return;
  const batchIds = [...new Set(pending.map((recipient) => recipient.batchId))];
  for (const id of batchIds) {
    const recipients = pending.filter((recipient) => recipient.batchId === id);
    createTexts(ctx, recipients, {
      campaign,
      batchId: id,
      validated: true,
      duplicatesAcross: "campaign",
      immediate: false,
    });
  }
}

/** Recipients given with the broadcast itself: validated, and their texts exist at once (READY). */
function addDirectRecipients(
  ctx: ServiceContext,
  campaign: Campaign,
  inputs: RecipientInput[],
  options: { strict: boolean; validated: boolean },
): number[] {
  const { batchId, recipients } = insertApiRecipients(ctx, campaign, inputs, { strict: options.strict });
  return createTexts(ctx, recipients, {
    campaign,
    batchId,
    validated: options.validated,
    duplicatesAcross: options.validated ? "campaign" : "request",
    immediate: false,
  });
}

export function createBroadcast(
  ctx: ServiceContext,
  input: BroadcastInput,
  options: { start: boolean; strict: boolean },
) {
  return ctx.store.transaction(() => {
    const id = ctx.store.campaigns.insert(ctx.accountId, false, input.settings, ctx.now());
    if (input.recipients !== undefined && input.recipients.length > 0) {
      addDirectRecipients(ctx, getBroadcast(ctx, id), input.recipients, {
        strict: options.strict,
        validated: true,
      });
    }
    if (options.start) startBroadcast(ctx, id);
    return id;
  });
}

export function updateBroadcast(
  ctx: ServiceContext,
  id: number,
  input: BroadcastInput,
  strict: boolean,
): void {
  ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    nextStatus(campaign.status, "update");
    ctx.store.campaigns.update(id, input.settings, ctx.now());
    if (input.recipients !== undefined && input.recipients.length > 0) {
      addDirectRecipients(ctx, getBroadcast(ctx, id), input.recipients, { strict, validated: true });
    }
  });
}

export function startBroadcast(ctx: ServiceContext, id: number): void {
  ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    const status = nextStatus(campaign.status, "start");
    if (
      campaign.status === "FINISHED" &&
      !ctx.store.texts.hasReady(id) &&
      !ctx.store.batches.hasPending(id)
    ) {
      throw new ApiError(
        400,
        INTERNAL_CODES.invalidTransition,
        "Cannot start broadcast in status FINISHED: every recipient has been texted; add recipients first",
      );
    }
    createPendingTexts(ctx, campaign);
    setBroadcastStatus(ctx.store, campaign, status, ctx.now());
  });
}

export function stopBroadcast(ctx: ServiceContext, id: number): void {
  ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    setBroadcastStatus(ctx.store, campaign, nextStatus(campaign.status, "stop"), ctx.now());
  });
}

/** Archiving ends the broadcast for good: texts still waiting are finished as UNDIALED. */
export function archiveBroadcast(ctx: ServiceContext, id: number): void {
  ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    const status = nextStatus(campaign.status, "archive");
    if (status === campaign.status) return;
    ctx.store.texts.markUndialed(id, ctx.now());
    setBroadcastStatus(ctx.store, campaign, status, ctx.now());
  });
}

export function addBatch(ctx: ServiceContext, id: number, input: BatchInput, strict: boolean): number {
  return ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    nextStatus(campaign.status, "addRecipients");
    if (input.contactListId !== undefined) throw notFound("ContactList", input.contactListId);
    const prepared = prepareRecipients(ctx, input.recipients ?? [], {
      strict,
      scrubDuplicates: input.scrubDuplicates,
    });
    const batchId = ctx.store.batches.insert(
      ctx.accountId,
      id,
      input.name ?? `API ${id}`,
      prepared,
      ctx.now(),
    );
    if (campaign.status === "RUNNING") createPendingTexts(ctx, campaign, batchId);
    return batchId;
  });
}

export function addRecipients(
  ctx: ServiceContext,
  id: number,
  inputs: RecipientInput[],
  strict: boolean,
): Text[] {
  const ids = ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    nextStatus(campaign.status, "addRecipients");
    return addDirectRecipients(ctx, campaign, inputs, { strict, validated: false });
  });
  return ctx.store.texts.getMany(ids);
}

/** Texts not sent yet for these recipients go READY → DISABLED (or back); texted ones are skipped. */
export function toggleRecipients(
  ctx: ServiceContext,
  id: number,
  inputs: RecipientInput[],
  enable: boolean,
): void {
  ctx.store.transaction(() => {
    const campaign = getBroadcast(ctx, id);
    nextStatus(campaign.status, "addRecipients");
    const numbers = inputs.flatMap((r) =>
      r.phoneNumber === undefined ? [] : [parsePhoneNumber(r.phoneNumber).number],
    );
    const contactIds = inputs.flatMap((r) => (r.contactId === undefined ? [] : [r.contactId]));
    const [from, to] = enable ? (["DISABLED", "READY"] as const) : (["READY", "DISABLED"] as const);
    ctx.store.texts.toggle(id, numbers, contactIds, from, to, ctx.now());
  });
}

/** Switching a batch off disables its waiting texts; switching it on brings them (and new ones) back. */
export function setBatchEnabled(ctx: ServiceContext, batchId: number, enabled: boolean): void {
  ctx.store.transaction(() => {
    const batch = ctx.store.batches.record(ctx.accountId, batchId);
    if (batch === undefined) throw notFound("Batch", batchId);
    const campaign = ctx.store.campaigns.get(ctx.accountId, batch.campaignId) as Campaign;
    if (!campaign.isDefault) nextStatus(campaign.status, "update");
    if (batch.enabled === enabled) return;
    ctx.store.batches.setEnabled(batchId, enabled);
    const [from, to] = enabled ? (["DISABLED", "READY"] as const) : (["READY", "DISABLED"] as const);
    ctx.store.texts.setBatchState(batchId, from, to, ctx.now());
    if (enabled && campaign.status === "RUNNING") createPendingTexts(ctx, campaign, batchId);
  });
}

const ERROR_RESULTS = new Set(["INTERNAL_ERROR", "CARRIER_ERROR", "CARRIER_TEMP_ERROR"]);

/**
 * Counts from the broadcast's outbound texts created in [begin, end]. Every text lands in exactly one of
 * remaining, sent, received, doNotText, tooBig, error or unsent, so they add up to totalOutboundCount.
 */
export function broadcastStats(
  ctx: ServiceContext,
  id: number,
  begin?: number,
  end?: number,
): TextBroadcastStats {
  getBroadcast(ctx, id);
  const stats: TextBroadcastStats = {
    totalOutboundCount: 0,
    remainingOutboundCount: 0,
    billedAmount: 0,
    sentCount: 0,
    unsentCount: 0,
    recievedCount: 0,
    doNotTextCount: 0,
    tooBigCount: 0,
    errorCount: 0,
  };
  for (const row of ctx.store.texts.stats(id, begin, end)) {
    stats.totalOutboundCount += row.count;
    stats.billedAmount += row.billed;
    if (row.state === "READY" || row.state === "SELECTED") stats.remainingOutboundCount += row.count;
    else if (row.result === "SENT") stats.sentCount += row.count;
    else if (row.result === "RECEIVED") stats.recievedCount += row.count;
    else if (row.result === "DNT") stats.doNotTextCount += row.count;
    else if (row.result === "TOO_BIG") stats.tooBigCount += row.count;
    else if (row.result !== null && ERROR_RESULTS.has(row.result)) stats.errorCount += row.count;
    else stats.unsentCount += row.count;
  }
  return stats;
}
