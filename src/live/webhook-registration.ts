// Creates the CallFire webhooks live updates need for an account (server credentials at start, a client's
// own on its first subscription), all pointing at the account's callback path under the public base URL.
// Webhooks this server made before (same name, callback under the same base URL) are updated in place,
// never duplicated: a restart, another replica or a changed WEBHOOK_SECRET reuses them.
import { createHash } from "node:crypto";
import type { CallFireApi, ExistingWebhook } from "../../datasources/callfire-api.js";
import type { Credentials } from "../core/credentials.js";
import { apiError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { LIVE_RESOURCES, type LiveResource } from "../state/live-events.js";
import { CALLBACK_PATH_PREFIX, type WebhookKeys } from "./webhook-keys.js";

/** Our webhooks are named "callfire-graph TextBroadcast" and so on (see the README on cleaning up). */
export const WEBHOOK_NAME_PREFIX = "callfire-graph ";
const PAGE = 1000;
const MAX_PAGES = 10;
/** Credentials remembered as registered; past this the oldest are registered again when next seen. */
const MAX_REMEMBERED = 10_000;

export interface WebhookRegistrar {
  /** Makes sure the account has our webhooks; resolves to its account key. */
  register(credentials: Credentials, api: CallFireApi): Promise<string>;
}

export interface WebhookRegistrarOptions {
  keys: WebhookKeys;
  /** Where CallFire reaches this server (PUBLIC_URL, or the app's own address with the embedded sandbox). */
  baseUrl: () => string | undefined;
  log: Logger;
}

async function existingWebhooks(api: CallFireApi): Promise<ExistingWebhook[]> {
  const all: ExistingWebhook[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { items, hasMore } = await api.findWebhooks({ limit: PAGE, offset: page * PAGE });
    all.push(...items);
    if (!hasMore) break;
  }
  return all;
}

export function createWebhookRegistrar(options: WebhookRegistrarOptions): WebhookRegistrar {
  // Keyed by the whole credential: a wrong password must not ride on another caller's registration.
  const registered = new Map<string, Promise<string>>();

  async function registerNow(credentials: Credentials, api: CallFireApi, base: string): Promise<string> {
    const accountKey = options.keys.accountKey(credentials.login);
    const callback = `${base}${CALLBACK_PATH_PREFIX}${accountKey}`;
    const ours = (await existingWebhooks(api)).filter(
      (webhook) =>
        webhook.name?.startsWith(WEBHOOK_NAME_PREFIX) &&
        webhook.callback?.startsWith(`${base}${CALLBACK_PATH_PREFIX}`),
    );
    for (const resource of Object.keys(LIVE_RESOURCES) as LiveResource[]) {
      const settings = {
        name: `${WEBHOOK_NAME_PREFIX}${resource}`,
        resource,
        events: LIVE_RESOURCES[resource],
        callback,
        secret: options.keys.secretFor(accountKey),
      };
      const [keep, ...duplicates] = ours.filter((webhook) => webhook.name === settings.name);
      if (keep === undefined) await api.createWebhook(settings);
      else await api.updateWebhook(keep.id, settings);
      for (const duplicate of duplicates) await api.deleteWebhook(duplicate.id);
    }
    options.log.info("live updates: webhooks registered", { callback: `${base}${CALLBACK_PATH_PREFIX}…` });
    return accountKey;
  }

  return {
    register(credentials, api) {
      const base = options.baseUrl();
      if (base === undefined) {
        return Promise.reject(
          apiError(
            "SUBSCRIPTIONS_UNAVAILABLE",
            "Subscriptions need CallFire to reach this server: set PUBLIC_URL to the server's public https address (and WEBHOOK_SECRET), then restart it.",
          ),
        );
      }
      const fingerprint = createHash("sha256")
        .update(`${credentials.login}\u0000${credentials.password}`)
        .digest("hex");
      let pending = registered.get(fingerprint);
      if (pending === undefined) {
        pending = registerNow(credentials, api, base);
        registered.set(fingerprint, pending);
        if (registered.size > MAX_REMEMBERED) registered.delete(registered.keys().next().value as string);
        // A failed registration (wrong password, CallFire down) is tried again by the next subscription.
        pending.catch(() => registered.delete(fingerprint));
      }
      return pending;
    },
  };
}
