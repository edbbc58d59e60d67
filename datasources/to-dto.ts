// GraphQL inputs → CallFire request bodies and query parameters. Ids go back to int64 (a bigint beyond 2^53,
// written as an exact JSON number by callfire-json.ts), Dates to epoch milliseconds, mediaIds to media: [{id}].
// Null and undefined are left out, as CallFire's own clients do; empty arrays are kept (labels: [] clears).
import type { BatchInput, BatchUpdateInput } from "../schema/batch.input.js";
import type { RecipientInput, TextRecipientInput } from "../schema/recipient.input.js";
import type { LocalDateInput, LocalTimeInput, ScheduleInput } from "../schema/schedule.input.js";
import type { TextAutoReplyInput } from "../schema/text-auto-reply.input.js";
import type {
  LocalTimeRestrictionInput,
  TextBroadcastInput,
  TextBroadcastUpdateInput,
} from "../schema/text-broadcast.input.js";
import type * as Dto from "./callfire.dto.js";
import type { Int64 } from "./callfire-json.js";
import { callFireIdProblem } from "../src/core/callfire-id.js";
import { apiError } from "../src/core/errors.js";

/**
 * A GraphQL ID → CallFire int64. Ids are checked where they enter the graph (@IsCallFireId, entity
 * representations); this refuses anything else too, so no caller of the API can put a non-id in a URL.
 */
export function toInt64(id: string, field: string): Int64 {
  const problem = callFireIdProblem(field, id);
  if (problem) throw apiError("BAD_USER_INPUT", problem);
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : BigInt(id);
}

/** An id for a URL path, in canonical form ("007" → "7"), validated so it cannot change the path. */
export function pathId(id: string, field = "id"): string {
  return String(toInt64(id, field));
}

export function optionalInt64(id: string | null | undefined, field: string): Int64 | undefined {
  return id === null || id === undefined ? undefined : toInt64(id, field);
}

export function toMs(date: Date | null | undefined): number | undefined {
  return date === null || date === undefined ? undefined : date.getTime();
}

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/** Drops null and undefined entries, so they never reach a request. */
export function compact<T extends object>(fields: Nullable<T>): T {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

/** GET /texts takes at most this many ids in one call: one page of CallFire's default size. */
export const MAX_TEXT_IDS_PER_CALL = 100;

/** Query parameters: arrays repeat the name (?id=1&id=2); null, undefined and empty arrays are left out. */
export function toSearchParams(query: object): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined) params.append(name, String(item));
    }
  }
  return params;
}

/** states/results travel as one comma-separated parameter (docs/callfire-api.md §Query encoding). */
export function toCsv(values: readonly string[] | null | undefined): string | undefined {
  return values && values.length > 0 ? values.join(",") : undefined;
}

export function toRecipient(input: RecipientInput): Dto.Recipient {
  return compact<Dto.Recipient>({
    phoneNumber: input.phoneNumber,
    contactId: optionalInt64(input.contactId, "contactId"),
    fromNumber: input.fromNumber,
    attributes: input.attributes,
  });
}

export function toTextRecipient(input: TextRecipientInput): Dto.TextRecipient {
  return compact<Dto.TextRecipient>({
    ...toRecipient(input),
    message: input.message,
    media: input.mediaIds?.map((mediaId) => ({ id: toInt64(mediaId, "mediaIds") })),
  });
}

function toLocalTimeRestriction(input: LocalTimeRestrictionInput): Dto.LocalTimeRestriction {
  return compact<Dto.LocalTimeRestriction>({
    enabled: input.enabled,
    beginHour: input.beginHour,
    beginMinute: input.beginMinute,
    endHour: input.endHour,
    endMinute: input.endMinute,
  });
}

function toLocalDate(input: LocalDateInput): Dto.LocalDate {
  return { year: input.year, month: input.month, day: input.day };
}

function toLocalTime(input: LocalTimeInput): Dto.LocalTime {
  return { hour: input.hour, minute: input.minute, second: input.second ?? 0 };
}

/** Days are a set in CallFire (a repeated day is refused), so repeats are dropped here. */
function toSchedule(input: ScheduleInput, index: number): Dto.Schedule {
  return compact<Dto.Schedule>({
    id: optionalInt64(input.id, `schedules[${index}].id`),
    startDate: input.startDate && toLocalDate(input.startDate),
    stopDate: input.stopDate && toLocalDate(input.stopDate),
    startTimeOfDay: input.startTimeOfDay && toLocalTime(input.startTimeOfDay),
    stopTimeOfDay: input.stopTimeOfDay && toLocalTime(input.stopTimeOfDay),
    daysOfWeek: input.daysOfWeek && [...new Set(input.daysOfWeek)],
    timeZone: input.timeZone,
  });
}

export function toTextBroadcastBody(input: TextBroadcastInput | TextBroadcastUpdateInput): Dto.TextBroadcast {
  return compact<Dto.TextBroadcast>({
    name: input.name,
    message: input.message,
    fromNumber: input.fromNumber,
    bigMessageStrategy: input.bigMessageStrategy,
    // Labels are a set in CallFire (a repeated label is refused).
    labels: input.labels && [...new Set(input.labels)],
    maxActive: input.maxActive,
    resumeNextDay: input.resumeNextDay,
    localTimeRestriction: input.localTimeRestriction && toLocalTimeRestriction(input.localTimeRestriction),
    schedules: input.schedules?.map(toSchedule),
    recipients: "recipients" in input ? input.recipients?.map(toTextRecipient) : undefined,
  });
}

/** PUT body: CallFire's own clients put the id in the body as well as in the path. */
export function toTextBroadcastUpdate(id: string, input: TextBroadcastUpdateInput): Dto.TextBroadcast {
  return { id: toInt64(id, "id"), ...toTextBroadcastBody(input) };
}

export function toBatchRequest(input: BatchInput): Dto.BatchRequest {
  return compact<Dto.BatchRequest>({
    name: input.name,
    contactListId: optionalInt64(input.contactListId, "contactListId"),
    scrubDuplicates: input.scrubDuplicates,
    recipients: input.recipients?.map(toRecipient),
  });
}

/** PUT body of a batch (only enabled is honoured by CallFire); the id goes in the body too. */
export function toBatchUpdate(id: string, input: BatchUpdateInput): Dto.Batch {
  return compact<Dto.Batch>({ id: toInt64(id, "id"), name: input.name, enabled: input.enabled });
}

export function toTextAutoReplyBody(input: TextAutoReplyInput): Dto.TextAutoReply {
  return compact<Dto.TextAutoReply>({
    number: input.number,
    keyword: input.keyword,
    match: input.match,
    message: input.message,
  });
}
