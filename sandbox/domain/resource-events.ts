// The changes that fire webhooks: a broadcast entering RUNNING, STOPPED or FINISHED, and a
// text reaching its final state. Each records its event in the store's outbox, released on commit.
import type { Campaign } from "../store/campaigns.repository.js";
import type { WebhookEventName } from "../store/event-outbox.js";
import type { Store } from "../store/store.js";
import type { BroadcastStatus, TextResult } from "./callfire.types.js";

const BROADCAST_EVENTS: Partial<Record<BroadcastStatus, WebhookEventName>> = {
  RUNNING: "Started",
  STOPPED: "Stopped",
  FINISHED: "Finished",
};

export function setBroadcastStatus(
  store: Store,
  campaign: Campaign,
  status: BroadcastStatus,
  now: number,
): void {
  store.campaigns.setStatus(campaign.id, status, now);
  const event = BROADCAST_EVENTS[status];
  if (event === undefined || status === campaign.status) return;
  store.events.record({
    accountId: campaign.accountId,
    resource: "TextBroadcast",
    event,
    id: campaign.id,
    timestamp: now,
  });
}

export function finishText(
  store: Store,
  text: { id: number; accountId: number; inbound: boolean },
  result: TextResult,
  now: number,
  attempt: { billed: number; message: string },
): void {
  store.texts.finish(text.id, result, now, attempt);
  store.events.record({
    accountId: text.accountId,
    resource: text.inbound ? "InboundText" : "OutboundText",
    event: "Finished",
    id: text.id,
    timestamp: now,
  });
}
