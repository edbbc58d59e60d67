// Delivers webhooks for the events the store releases on commit: CallFire's envelope, one
// event per POST, signed with the webhook's secret as HMAC-SHA1 of the exact body bytes in
// X-CallFire-Signature. An account's deliveries go out one at a time, in the order the events
// happened; a failed one (network error or 5xx) is retried a few times, then dropped and logged.
import { createHmac } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { EventOutbox, ResourceEvent } from "../store/event-outbox.js";
import { toTextBroadcast } from "../store/campaigns.repository.js";
import type { Store } from "../store/store.js";
import type { StoredWebhook } from "../store/webhooks.repository.js";
import { applyFields, parseFields } from "./fields-filter.js";

/** How the signature's 20 bytes are written; CallFire's docs do not say, so both can be tried. */
export type SignatureEncoding = "hex" | "base64";

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 250;
const TIMEOUT_MS = 5000;
/** Deliveries waiting per account; beyond it new ones are dropped (a receiver that is down for long). */
const MAX_QUEUED_PER_ACCOUNT = 10_000;

interface Delivery {
  webhookId: number;
  callback: string;
  secret?: string;
  body: string;
}

export function signWebhookBody(secret: string, body: string, encoding: SignatureEncoding): string {
  return createHmac("sha1", secret).update(body, "utf8").digest(encoding);
}

export class WebhookDelivery {
  private readonly chains = new Map<number, { tail: Promise<void>; queued: number }>();
  private readonly stopped = new AbortController();

  constructor(
    private readonly store: Store,
    outbox: EventOutbox,
    private readonly encoding: SignatureEncoding,
    private readonly log: (line: string) => void,
  ) {
    outbox.onCommit((events) => {
      for (const event of events) this.dispatch(event);
    });
  }

  /** Resolves once every delivery queued so far has been sent or given up. */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()].map((chain) => chain.tail));
  }

  stop(): void {
    this.stopped.abort();
  }

  private dispatch(event: ResourceEvent): void {
    if (this.stopped.signal.aborted) return;
    const webhooks = this.store.webhooks.listening(event.accountId, event.resource, event.event);
    if (webhooks.length === 0) return;
    const resource = this.snapshot(event);
    if (resource === undefined) return;
    for (const webhook of webhooks) {
      // A single-use webhook is gone once it has fired.
      if (webhook.singleUse) this.store.webhooks.delete(webhook.accountId, webhook.id);
      this.enqueue(event.accountId, {
        webhookId: webhook.id,
        callback: webhook.callback,
        secret: webhook.secret,
        body: envelope(webhook, event, resource),
      });
    }
  }

  /** The resource as the REST API shows it right after the change. */
  private snapshot(event: ResourceEvent): object | undefined {
    if (event.resource === "TextBroadcast") {
      const campaign = this.store.campaigns.get(event.accountId, event.id);
      return campaign === undefined ? undefined : toTextBroadcast(campaign);
    }
    return this.store.texts.get(event.accountId, event.id);
  }

  private enqueue(accountId: number, delivery: Delivery): void {
    const chain = this.chains.get(accountId) ?? { tail: Promise.resolve(), queued: 0 };
    if (chain.queued >= MAX_QUEUED_PER_ACCOUNT) {
      this.log(
        `webhook ${delivery.webhookId}: dropped, ${MAX_QUEUED_PER_ACCOUNT} deliveries already waiting`,
      );
      return;
    }
    chain.queued += 1;
    chain.tail = chain.tail.then(async () => {
      await this.post(delivery);
      chain.queued -= 1;
      if (chain.queued === 0) this.chains.delete(accountId);
    });
    this.chains.set(accountId, chain);
  }

  private async post(delivery: Delivery): Promise<void> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (delivery.secret !== undefined) {
      headers["x-callfire-signature"] = signWebhookBody(delivery.secret, delivery.body, this.encoding);
    }
    for (let attempt = 1; attempt <= ATTEMPTS && !this.stopped.signal.aborted; attempt += 1) {
      let outcome: string;
      try {
        const response = await fetch(delivery.callback, {
          method: "POST",
          headers,
          body: delivery.body,
          signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(TIMEOUT_MS)]),
        });
        await response.arrayBuffer();
        if (response.status < 500) {
          if (!response.ok)
            this.log(`webhook ${delivery.webhookId}: the receiver answered ${response.status}`);
          return;
        }
        outcome = `status ${response.status}`;
      } catch (error) {
        if (this.stopped.signal.aborted) return;
        outcome = String(error);
      }
      this.log(`webhook ${delivery.webhookId}: delivery attempt ${attempt} failed (${outcome})`);
      await sleep(RETRY_DELAY_MS * 2 ** (attempt - 1), undefined, { signal: this.stopped.signal }).catch(
        () => {},
      );
    }
  }
}

function envelope(webhook: StoredWebhook, event: ResourceEvent, resource: object): string {
  const projected =
    webhook.fields === undefined ? resource : applyFields(resource, parseFields(webhook.fields));
  const body = {
    timestamp: Date.now(),
    webhookId: webhook.id,
    webhookName: webhook.name,
    resourceType: event.resource,
    events: [
      {
        timestamp: event.timestamp,
        webhookId: webhook.id,
        resourceType: event.resource,
        eventType: event.event,
        resource: projected,
      },
    ],
  };
  // CallFire leaves nulls out, as in its REST answers.
  return JSON.stringify(body, (_key, value: unknown) => (value === null ? undefined : value));
}
