// Each CallFire account gets its own callback path and webhook secret, both derived from the server's
// WEBHOOK_SECRET and the API login: every replica computes the same ones with no shared table, the path
// reveals nothing about the login, and a delivery signed for one account fails on another's path.
import { createHmac, randomBytes } from "node:crypto";

/** Callback paths live under this prefix: `${PUBLIC_URL}/webhooks/callfire/<account key>`. */
export const CALLBACK_PATH_PREFIX = "/webhooks/callfire/";
export const ACCOUNT_KEY = /^[A-Za-z0-9_-]{32}$/;

export interface WebhookKeys {
  /** The account's key: its callback path segment and the name of its event topics. */
  accountKey(login: string): string;
  /** The secret CallFire signs this account's deliveries with. */
  secretFor(accountKey: string): string;
}

export function createWebhookKeys(serverSecret: string = randomBytes(32).toString("base64url")): WebhookKeys {
  const derive = (purpose: string, value: string) =>
    createHmac("sha256", serverSecret).update(`${purpose}\u0000${value}`).digest("base64url");
  return {
    accountKey: (login) => derive("account", login).slice(0, 32),
    secretFor: (accountKey) => derive("webhook-secret", accountKey),
  };
}
