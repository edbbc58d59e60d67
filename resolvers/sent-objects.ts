// What we know of an object we just created when CallFire cannot be asked for it: its new id and what was
// sent; everything CallFire decides itself (status, dates, counts) is null.
import type { BatchInput } from "../schema/batch.input.js";
import type { Batch } from "../schema/batch.type.js";
import type { TextAutoReplyInput } from "../schema/text-auto-reply.input.js";
import type { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type { TextBroadcastInput } from "../schema/text-broadcast.input.js";
import type { TextBroadcast } from "../schema/text-broadcast.type.js";

export function sentTextBroadcast(id: string, input: TextBroadcastInput): TextBroadcast {
  const restriction = input.localTimeRestriction;
  return {
    id,
    name: input.name,
    status: null,
    lastModified: null,
    fromNumber: input.fromNumber ?? null,
    message: input.message,
    bigMessageStrategy: input.bigMessageStrategy ?? null,
    labels: input.labels ?? [],
    maxActive: input.maxActive ?? null,
    resumeNextDay: input.resumeNextDay ?? null,
    localTimeRestriction: restriction
      ? {
          enabled: restriction.enabled,
          beginHour: restriction.beginHour ?? null,
          beginMinute: restriction.beginMinute ?? null,
          endHour: restriction.endHour ?? null,
          endMinute: restriction.endMinute ?? null,
        }
      : null,
    // Schedule ids are CallFire's to give, so the schedules sent cannot be shown as Schedules.
    schedules: [],
    media: [],
  };
}

export function sentBatch(id: string, broadcastId: string, input: BatchInput): Batch {
  return {
    id,
    name: input.name ?? null,
    status: null,
    created: null,
    size: null,
    remaining: null,
    enabled: null,
    broadcastId,
  };
}

export function sentTextAutoReply(id: string, input: TextAutoReplyInput): TextAutoReply {
  return {
    id,
    number: input.number ?? null,
    keyword: input.keyword ?? null,
    match: input.match ?? null,
    message: input.message,
  };
}
