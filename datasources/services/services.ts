// The per-request services, one per CallFire domain: the only way resolvers reach CallFire. Each method
// calls the API and keeps the request's loaders consistent with what it read (prime) or changed (forget),
// so no resolver touches a cache. Built by the context factory for every request, never shared.
import type { Logger } from "../../src/core/logger.js";
import type { RequestIdempotency } from "../../src/state/idempotency-store.js";
import type { CallFireApi } from "../callfire-api.js";
import { createLoaders } from "../loaders.js";
import { BatchesService } from "./batches.service.js";
import { TextAutoRepliesService } from "./text-auto-replies.service.js";
import { TextBroadcastsService } from "./text-broadcasts.service.js";
import { TextsService } from "./texts.service.js";

export interface Services {
  texts: TextsService;
  textBroadcasts: TextBroadcastsService;
  batches: BatchesService;
  textAutoReplies: TextAutoRepliesService;
}

export function createServices(api: CallFireApi, idempotency: RequestIdempotency, log: Logger): Services {
  const scope = { api, loaders: createLoaders(api), idempotency, log };
  return {
    texts: new TextsService(scope),
    textBroadcasts: new TextBroadcastsService(scope),
    batches: new BatchesService(scope),
    textAutoReplies: new TextAutoRepliesService(scope),
  };
}
