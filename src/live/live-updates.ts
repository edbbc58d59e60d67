// What a subscription resolver asks for: the events of its caller's account. The caller's credentials
// are proven first (registering the account's webhooks is a CallFire call made with them), so nobody
// reaches an account's topic with a login alone.
import type { CallFireApi } from "../../datasources/callfire-api.js";
import type { Credentials } from "../core/credentials.js";
import type { PubSub } from "../state/pubsub.js";
import {
  type AccountLiveUpdates,
  type LiveConnection,
  type LiveEvent,
  liveTopic,
} from "../state/live-events.js";
import type { WebhookRegistrar } from "./webhook-registration.js";

export interface LiveUpdatesService {
  pubsub: PubSub;
  registrar: WebhookRegistrar;
  /** Most events that may wait for one subscription before its connection is closed. */
  maxQueued: number;
}

export function bindLiveUpdates(
  service: LiveUpdatesService,
  /** The caller's credentials, or why it has none (raised only when it subscribes). */
  caller: Credentials | { error: unknown },
  api: CallFireApi,
  connection: LiveConnection | undefined,
): AccountLiveUpdates {
  return {
    async events(resource) {
      if ("error" in caller) throw caller.error;
      const accountKey = await service.registrar.register(caller, api);
      const subscription = await service.pubsub.subscribe(liveTopic(accountKey, resource), {
        maxQueued: service.maxQueued,
        onOverflow: (error) => connection?.overflowed(error),
      });
      return subscription as AsyncIterableIterator<LiveEvent>;
    },
  };
}
