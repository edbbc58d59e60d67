// CallFire DTOs → GraphQL models: ids become strings, epoch milliseconds become Dates, missing arrays
// become [], absent values null, and "recievedCount" is spelled right. An enum value CallFire added after
// this code was written never fails a response: it maps to UNKNOWN or null and is logged.
import type { Batch } from "../schema/batch.type.js";
import {
  BatchStatus,
  BigMessageStrategy,
  BroadcastStatus,
  DayOfWeek,
  TextResult,
  TextState,
} from "../schema/enums.js";
import type { Page } from "../schema/page.type.js";
import type { LocalDate, LocalTime, Schedule } from "../schema/schedule.type.js";
import type { TextAutoReply } from "../schema/text-auto-reply.type.js";
import type {
  LocalTimeRestriction,
  TextBroadcast,
  TextBroadcastStats,
} from "../schema/text-broadcast.type.js";
import type { Contact, Media, Text, TextRecord } from "../schema/text.type.js";
import type * as Dto from "./callfire.dto.js";
import type { PageArgs } from "./callfire-api.js";
import type { Int64 } from "./callfire-json.js";
import { isDateInRange } from "../schema/scalars.js";
import { isCallFireId } from "../src/core/callfire-id.js";
import { upstreamFault } from "../src/core/errors.js";
import type { Logger } from "../src/core/logger.js";

/** An int64 CallFire sent where an id belongs: a non-negative integer of at most 2^63 - 1, in decimal. */
function int64Id(value: unknown): string | undefined {
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof value === "bigint") return isCallFireId(String(value)) ? String(value) : undefined;
  return typeof text === "string" && isCallFireId(text) ? text : undefined;
}

function id(value: Int64 | undefined, what: string): string {
  const checked = int64Id(value);
  if (checked === undefined) {
    throw upstreamFault(
      value === undefined
        ? `CallFire returned ${what} without an id; try again later`
        : `CallFire returned ${what} whose id is not an int64; try again later`,
    );
  }
  return checked;
}

function optionalId(value: Int64 | undefined): string | null {
  return value === undefined || value === null ? null : id(value, "a reference");
}

/** CallFire's epoch milliseconds; one outside the graph's DateTime range is CallFire's fault, not the caller's. */
function date(ms: Int64 | undefined): Date | null {
  if (ms === undefined || ms === null) return null;
  const value = Number(ms);
  if (!isDateInRange(value))
    throw upstreamFault(
      `CallFire returned a date that is not a time (${String(ms).slice(0, 30)}); try again later`,
    );
  return new Date(value);
}

function known<E extends string>(values: Record<string, E>, value: string): E | undefined {
  return Object.values(values).includes(value as E) ? (value as E) : undefined;
}

/** A value this code does not know becomes `fallback` (UNKNOWN where the enum has it, else null). */
function tolerantEnum<E extends string>(
  values: Record<string, E>,
  value: string | undefined,
  field: string,
  log: Logger,
  fallback: E | null = null,
): E | null {
  if (value === undefined) return null;
  const match = known(values, value);
  if (match !== undefined) return match;
  log.warn("unknown CallFire enum value", { field, value });
  return fallback;
}

export function toContact(dto: Dto.Contact): Contact {
  return {
    id: id(dto.id, "a contact"),
    firstName: dto.firstName ?? null,
    lastName: dto.lastName ?? null,
    homePhone: dto.homePhone ?? null,
    workPhone: dto.workPhone ?? null,
    mobilePhone: dto.mobilePhone ?? null,
  };
}

export function toMedia(dto: Dto.Media): Media {
  return {
    id: id(dto.id, "a media file"),
    name: dto.name ?? null,
    mediaType: dto.mediaType ?? null,
    lengthInBytes: dto.lengthInBytes === undefined ? null : Number(dto.lengthInBytes),
    publicUrl: dto.publicUrl ?? null,
    created: date(dto.created),
  };
}

export function toTextRecord(dto: Dto.TextRecord, log: Logger): TextRecord {
  return {
    id: optionalId(dto.id),
    toNumber: dto.toNumber ?? null,
    message: dto.message ?? null,
    textResult: tolerantEnum(TextResult, dto.textResult, "TextRecord.textResult", log),
    billedAmount: dto.billedAmount ?? null,
    finishTime: date(dto.finishTime),
  };
}

export function toText(dto: Dto.Text, log: Logger): Text {
  return {
    id: id(dto.id, "a text"),
    fromNumber: dto.fromNumber ?? null,
    toNumber: dto.toNumber ?? null,
    inbound: dto.inbound ?? null,
    state: tolerantEnum(TextState, dto.state, "Text.state", log),
    finalTextResult: tolerantEnum(TextResult, dto.finalTextResult, "Text.finalTextResult", log),
    message: dto.message ?? null,
    created: date(dto.created),
    modified: date(dto.modified),
    labels: dto.labels ?? [],
    attributes: dto.attributes ?? null,
    records: (dto.records ?? []).map((record) => toTextRecord(record, log)),
    media: (dto.media ?? []).map(toMedia),
    contact: dto.contact === undefined ? null : toContact(dto.contact),
    campaignId: optionalId(dto.campaignId),
    batchId: optionalId(dto.batchId),
  };
}

function toLocalTimeRestriction(dto: Dto.LocalTimeRestriction): LocalTimeRestriction {
  return {
    enabled: dto.enabled ?? null,
    beginHour: dto.beginHour ?? null,
    beginMinute: dto.beginMinute ?? null,
    endHour: dto.endHour ?? null,
    endMinute: dto.endMinute ?? null,
  };
}

function toLocalDate(dto: Dto.LocalDate): LocalDate {
  return { year: dto.year ?? null, month: dto.month ?? null, day: dto.day ?? null };
}

function toLocalTime(dto: Dto.LocalTime): LocalTime {
  return { hour: dto.hour ?? null, minute: dto.minute ?? null, second: dto.second ?? null };
}

function toSchedule(dto: Dto.Schedule, log: Logger): Schedule {
  return {
    id: id(dto.id, "a schedule"),
    campaignId: optionalId(dto.campaignId),
    startDate: dto.startDate === undefined ? null : toLocalDate(dto.startDate),
    stopDate: dto.stopDate === undefined ? null : toLocalDate(dto.stopDate),
    startTimeOfDay: dto.startTimeOfDay === undefined ? null : toLocalTime(dto.startTimeOfDay),
    stopTimeOfDay: dto.stopTimeOfDay === undefined ? null : toLocalTime(dto.stopTimeOfDay),
    daysOfWeek: (dto.daysOfWeek ?? []).flatMap((day) => {
      const known = tolerantEnum(DayOfWeek, day, "Schedule.daysOfWeek", log);
      return known === null ? [] : [known];
    }),
    timeZone: dto.timeZone ?? null,
  };
}

export function toTextBroadcast(dto: Dto.TextBroadcast, log: Logger): TextBroadcast {
  return {
    id: id(dto.id, "a text broadcast"),
    name: dto.name ?? null,
    status: tolerantEnum(BroadcastStatus, dto.status, "TextBroadcast.status", log, BroadcastStatus.UNKNOWN),
    lastModified: date(dto.lastModified),
    fromNumber: dto.fromNumber ?? null,
    message: dto.message ?? null,
    bigMessageStrategy: tolerantEnum(
      BigMessageStrategy,
      dto.bigMessageStrategy,
      "TextBroadcast.bigMessageStrategy",
      log,
    ),
    labels: dto.labels ?? [],
    maxActive: dto.maxActive ?? null,
    resumeNextDay: dto.resumeNextDay ?? null,
    localTimeRestriction:
      dto.localTimeRestriction === undefined ? null : toLocalTimeRestriction(dto.localTimeRestriction),
    schedules: (dto.schedules ?? []).map((schedule) => toSchedule(schedule, log)),
    media: (dto.media ?? []).map(toMedia),
  };
}

export function toTextBroadcastStats(dto: Dto.TextBroadcastStatsDto): TextBroadcastStats {
  return {
    totalOutboundCount: dto.totalOutboundCount ?? null,
    remainingOutboundCount: dto.remainingOutboundCount ?? null,
    billedAmount: dto.billedAmount ?? null,
    sentCount: dto.sentCount ?? null,
    unsentCount: dto.unsentCount ?? null,
    receivedCount: dto.recievedCount ?? null,
    doNotTextCount: dto.doNotTextCount ?? null,
    tooBigCount: dto.tooBigCount ?? null,
    errorCount: dto.errorCount ?? null,
  };
}

export function toBatch(dto: Dto.Batch, log: Logger): Batch {
  return {
    id: id(dto.id, "a batch"),
    name: dto.name ?? null,
    status: tolerantEnum(BatchStatus, dto.status, "Batch.status", log),
    created: date(dto.created),
    size: dto.size ?? null,
    remaining: dto.remaining ?? null,
    enabled: dto.enabled ?? null,
    broadcastId: optionalId(dto.broadcastId),
  };
}

export function toTextAutoReply(dto: Dto.TextAutoReply): TextAutoReply {
  return {
    id: id(dto.id, "an auto-reply"),
    number: dto.number ?? null,
    keyword: dto.keyword ?? null,
    match: dto.match ?? null,
    message: dto.message ?? null,
  };
}

/** The id CallFire returns for a resource it created. */
export function toResourceId(dto: Dto.ResourceId): string {
  return id(dto.id, "a created resource");
}

/**
 * CallFire's Page → ours. limit/offset fall back to what was asked for (one CallFire answer has only
 * totalCount). hasMore trusts totalCount when CallFire knows it (≥ 0); otherwise a full page means more.
 */
export function toPage<D, M>(
  dto: { items?: D[]; limit?: number; offset?: number; totalCount?: number },
  requested: PageArgs,
  toItem: (item: D) => M,
): Page<M> {
  const items = (dto.items ?? []).map(toItem);
  const limit = dto.limit ?? requested.limit ?? null;
  const offset = dto.offset ?? requested.offset ?? null;
  const totalCount = dto.totalCount ?? null;
  const hasMore =
    totalCount !== null && totalCount >= 0
      ? (offset ?? 0) + items.length < totalCount
      : limit !== null && limit > 0 && items.length === limit;
  return { items, limit, offset, totalCount, hasMore };
}
