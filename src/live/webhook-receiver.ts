// POST /webhooks/callfire/<account key>: where CallFire delivers this account's webhooks. The signature
// is checked over the raw bytes before anything is parsed; unsigned, forged, malformed or stale deliveries
// are refused with a 4xx and publish nothing. Each event is published once on the account's topic, however
// often CallFire delivers it.
import { createHash } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import { parseCallFireJson, stringifyCallFireJson } from "../../datasources/callfire-json.js";
import type { Logger } from "../core/logger.js";
import type { Metrics } from "../core/metrics.js";
import type { DeliveryDedupe } from "../state/delivery-dedupe.js";
import type { PubSub } from "../state/pubsub.js";
import { isLiveResource, LIVE_RESOURCES, type LiveEvent, liveTopic } from "../state/live-events.js";
import { ACCOUNT_KEY, CALLBACK_PATH_PREFIX, type WebhookKeys } from "./webhook-keys.js";
import { signatureMatches } from "./webhook-signature.js";

/** A delivery older than this is refused; events are remembered at least this long to drop redeliveries. */
export const MAX_DELIVERY_AGE_MS = 10 * 60_000;
/** How far ahead of our clock a delivery may be stamped (clock skew). */
const MAX_CLOCK_SKEW_MS = 60_000;
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookReceiverOptions {
  keys: WebhookKeys;
  pubsub: PubSub;
  dedupe: DeliveryDedupe;
  log: Logger;
  metrics: Metrics;
  now?: () => number;
}

interface CallFireEvent {
  timestamp?: unknown;
  resourceType?: unknown;
  eventType?: unknown;
  resource?: unknown;
}

class Refused extends Error {
  constructor(
    readonly status: number,
    /** The metrics outcome. */
    readonly outcome: "unknown_path" | "unsigned" | "forged" | "malformed" | "stale",
    message: string,
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isTime = (value: unknown) => typeof value === "number" || typeof value === "bigint";

/** CallFire's webhook envelope, checked enough to route it; anything else is a 400. */
function readEnvelope(body: Buffer): { timestamp: number; events: CallFireEvent[] } {
  let parsed: unknown;
  try {
    parsed = parseCallFireJson(body.toString("utf8"));
  } catch {
    throw new Refused(400, "malformed", "The body is not JSON");
  }
  if (!isObject(parsed) || !isTime(parsed.timestamp) || !Array.isArray(parsed.events)) {
    throw new Refused(400, "malformed", "The body is not a CallFire webhook envelope (timestamp, events[])");
  }
  if (!parsed.events.every(isObject))
    throw new Refused(400, "malformed", "Every entry of events must be an object");
  return { timestamp: Number(parsed.timestamp), events: parsed.events as CallFireEvent[] };
}

/** What identifies one event across redeliveries. */
function eventKey(accountKey: string, event: CallFireEvent, resource: Record<string, unknown>): string {
  const identity = [accountKey, event.resourceType, event.eventType, resource.id, event.timestamp].map(
    String,
  );
  return `webhook-event:${createHash("sha256").update(identity.join("\u0000")).digest("base64url")}`;
}

export function webhookReceiver(options: WebhookReceiverOptions): Router {
  const now = options.now ?? Date.now;
  const router = Router();

  async function receive(req: Request, res: Response): Promise<void> {
    const accountKey = String(req.params.accountKey);
    if (!ACCOUNT_KEY.test(accountKey)) throw new Refused(404, "unknown_path", "Unknown callback path");
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get("x-callfire-signature");
    if (signature === undefined)
      throw new Refused(401, "unsigned", "Unsigned delivery: X-CallFire-Signature is missing");
    if (!signatureMatches(options.keys.secretFor(accountKey), raw, signature)) {
      throw new Refused(401, "forged", "X-CallFire-Signature does not match the body");
    }
    const envelope = readEnvelope(raw);
    const age = now() - envelope.timestamp;
    if (age > MAX_DELIVERY_AGE_MS || age < -MAX_CLOCK_SKEW_MS) {
      throw new Refused(400, "stale", `Stale delivery: stamped ${Math.round(age / 1000)} s ago`);
    }
    let published = 0;
    let repeated = 0;
    for (const event of envelope.events) {
      const resourceType = String(event.resourceType);
      if (!isLiveResource(resourceType) || !isObject(event.resource)) continue;
      if (!(LIVE_RESOURCES[resourceType] as readonly string[]).includes(String(event.eventType))) continue;
      const key = eventKey(accountKey, event, event.resource);
      if (!(await options.dedupe.claim(key, MAX_DELIVERY_AGE_MS + MAX_CLOCK_SKEW_MS))) {
        repeated += 1;
        options.metrics.webhookEvents.inc({ outcome: "repeated" });
        continue;
      }
      const payload: LiveEvent = {
        eventType: String(event.eventType),
        resource: stringifyCallFireJson(event.resource),
      };
      try {
        await options.pubsub.publish(liveTopic(accountKey, resourceType), payload);
      } catch (error) {
        // Not acknowledged: CallFire delivers it again, and the event is not marked as seen.
        await options.dedupe.release(key);
        throw error;
      }
      published += 1;
      options.metrics.webhookEvents.inc({ outcome: "published" });
    }
    options.metrics.webhookDeliveries.inc({ outcome: "accepted" });
    res.status(200).json({ published, repeated });
  }

  router.post(
    `${CALLBACK_PATH_PREFIX}:accountKey`,
    express.raw({ type: () => true, limit: MAX_BODY_BYTES }),
    (req, res, next) => {
      receive(req, res).catch((error: unknown) => {
        if (!(error instanceof Refused)) return next(error);
        options.metrics.webhookDeliveries.inc({ outcome: error.outcome });
        options.log.warn("webhook refused", { status: error.status, reason: error.message });
        res.status(error.status).json({ error: error.message });
      });
    },
  );
  return router;
}
