// The Webhook request body (POST and PUT /webhooks): checked field by field, a wrong type is a 400 naming
// the field. Read-only properties (id, createdAt, updatedAt) are ignored, as CallFire ignores them.
import { badRequest } from "../domain/api-error.js";
import { webhookEvent, webhookResource } from "../domain/webhook-resources.js";
import type { WebhookSettings } from "../store/webhooks.repository.js";
import { parseFields } from "./fields-filter.js";

type Fields = Record<string, unknown>;

function optional<T>(
  body: Fields,
  key: string,
  kind: string,
  check: (value: unknown) => boolean,
): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw badRequest(`Webhook.${key} must be ${kind}`);
  return value as T;
}

const text = (body: Fields, key: string) =>
  optional<string>(body, key, "a string", (v) => typeof v === "string");
const flag = (body: Fields, key: string) =>
  optional<boolean>(body, key, "a boolean", (v) => typeof v === "boolean");

function callbackUrl(value: string | undefined): string {
  if (value === undefined || value.trim() === "") throw badRequest("Webhook.callback is required");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`Webhook.callback must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw badRequest(`Webhook.callback must be an absolute http(s) URL, got "${value}"`);
  }
  return value;
}

export function readWebhook(body: unknown): WebhookSettings {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw badRequest("The request body must be a Webhook object");
  }
  const fields = body as Fields;
  const resourceName = text(fields, "resource");
  if (resourceName === undefined) throw badRequest("Webhook.resource is required");
  const resource = webhookResource(resourceName);
  const projection = text(fields, "fields");
  if (projection !== undefined) parseFields(projection);
  const events = optional<unknown[]>(fields, "events", "an array of event names", Array.isArray) ?? [];
  if (events.length === 0) throw badRequest("Webhook.events must name at least one event");
  if (!events.every((event) => typeof event === "string"))
    throw badRequest("Webhook.events must hold strings");
  return {
    name: text(fields, "name"),
    resource,
    events: [...new Set((events as string[]).map((event) => webhookEvent(resource, event)))],
    callback: callbackUrl(text(fields, "callback")),
    secret: text(fields, "secret"),
    fields: projection,
    // CallFire's own clients leave `enabled` out when creating; a new webhook is on.
    enabled: flag(fields, "enabled") ?? true,
    nonStrictSsl: flag(fields, "nonStrictSsl") ?? false,
    singleUse: flag(fields, "singleUse") ?? false,
    expiresAt: optional<number>(fields, "expiresAt", "an integer", (v) => Number.isSafeInteger(v)),
  };
}
