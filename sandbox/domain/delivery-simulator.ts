// The simulated carrier. Each tick finishes the texts in flight (SELECTED → FINISHED with a result and a
// record), then picks the next READY texts (→ SELECTED), then finishes running broadcasts with nothing left.
// A text is therefore delivered two ticks after it can go out.
import type { Store } from "../store/store.js";
import type { TextResult } from "./callfire.types.js";
import { carrierResult } from "./magic-numbers.js";
import { planDelivery } from "./message-template.js";
import { finishText, setBroadcastStatus } from "./resource-events.js";

export interface TickSummary {
  selected: number;
  finished: number;
  broadcastsFinished: number;
}

export function deliveryTick(store: Store, now: number, accountId?: number): TickSummary {
  return store.transaction(() => {
    const inFlight = store.texts.inFlight(accountId);
    for (const text of inFlight) {
      const carrier = carrierResult(text.toNumber, text.numberValid);
      const plan = planDelivery(text.message, text.bigMessageStrategy);
      // The do-not-text list is checked before anything is sent; then the length rule; then the carrier.
      const result: TextResult = carrier === "DNT" ? "DNT" : plan.send ? carrier : "TOO_BIG";
      const billed = result === "SENT" && plan.send ? plan.credits : 0;
      finishText(store, { ...text, inbound: false }, result, now, { billed, message: text.message });
    }

    const selectedPerCampaign = new Map<number, number>();
    let selected = 0;
    for (const text of store.texts.readyToSend(accountId)) {
      const count = selectedPerCampaign.get(text.campaignId) ?? 0;
      if (text.maxActive !== undefined && count >= text.maxActive) continue;
      selectedPerCampaign.set(text.campaignId, count + 1);
      store.texts.setState(text.id, "SELECTED", now);
      selected += 1;
    }

    let broadcastsFinished = 0;
    for (const campaign of store.campaigns.running(accountId)) {
      if (store.texts.hasUnfinished(campaign.id) || store.batches.hasPending(campaign.id)) continue;
      setBroadcastStatus(store, campaign, "FINISHED", now);
      broadcastsFinished += 1;
    }
    return { selected, finished: inFlight.length, broadcastsFinished };
  });
}

/** Runs deliveryTick every `intervalMs` (0 = only on demand); never keeps the process alive. */
export class DeliverySimulator {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly intervalMs: number,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (error) {
        this.log(`delivery simulator: ${String(error)}`);
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  tick(accountId?: number): TickSummary {
    return deliveryTick(this.store, Date.now(), accountId);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
