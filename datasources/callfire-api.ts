// The CallFire API as the services see it (the type CallFireApi, from CallFireRestApi) and the
// parameter shapes its methods share.
import type { CallFireRestApi } from "./callfire-rest-api.js";

export interface PageArgs {
  limit?: number | null;
  offset?: number | null;
}

export interface StatsWindow {
  begin?: Date | null;
  end?: Date | null;
}

/** A webhook as live updates register it (CallFire's Webhook, the fields we set). */
export interface WebhookSettings {
  name: string;
  resource: string;
  events: readonly string[];
  callback: string;
  secret: string;
}

/** A webhook CallFire already has (it never shows the secret). */
export interface ExistingWebhook {
  id: string;
  name?: string;
  resource?: string;
  callback?: string;
}

/**
 * What the services can ask of CallFire: the public methods of CallFireRestApi, one per REST endpoint,
 * taking GraphQL inputs and returning GraphQL models. Derived from the class, so an endpoint is written
 * once; wrappers (instrumented-api.ts) and stand-ins implement this type. Every method throws a
 * GraphQLError (src/core/errors.ts) on failure; a CallFire 404 is NOT_FOUND. Methods that create return
 * the new id; update/action methods resolve once CallFire accepted them.
 */
export type CallFireApi = Pick<CallFireRestApi, keyof CallFireRestApi>;
