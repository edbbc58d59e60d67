// Request bodies checked against the CallFire models (API.md §5) and turned into domain inputs. Unknown
// and read-only properties are ignored, as CallFire ignores them; a wrong type is a 400 naming the field.
import { badRequest } from "../domain/api-error.js";
import type { BatchInput, BroadcastInput } from "../domain/broadcasts.service.js";
import {
  BIG_MESSAGE_STRATEGIES,
  type LocalTimeRestriction,
  type Media,
  type RecipientInput,
  type Schedule,
  type TextAutoReply,
} from "../domain/callfire.types.js";
import { parsePhoneNumber } from "../domain/phone-numbers.js";
import type { CampaignSettings } from "../store/campaigns.repository.js";
import { DEFAULT_FROM_NUMBER } from "../store/campaigns.repository.js";

type Fields = Record<string, unknown>;

function object(value: unknown, path: string): Fields {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw badRequest(`${path} must be an object`);
  return value as Fields;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw badRequest(`${path} must be an array`);
  return value;
}

function field<T>(body: Fields, key: string, path: string, check: (value: unknown) => boolean, kind: string) {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw badRequest(`${path}.${key} must be ${kind}`);
  return value as T;
}

const string = (body: Fields, key: string, path: string) =>
  field<string>(body, key, path, (v) => typeof v === "string", "a string");
const integer = (body: Fields, key: string, path: string) =>
  field<number>(body, key, path, (v) => Number.isSafeInteger(v), "an integer");
const boolean = (body: Fields, key: string, path: string) =>
  field<boolean>(body, key, path, (v) => typeof v === "boolean", "a boolean");

function phoneNumber(body: Fields, key: string, path: string): string | undefined {
  const raw = string(body, key, path);
  if (raw === undefined) return undefined;
  const parsed = parsePhoneNumber(raw);
  if (!parsed.valid) throw badRequest(`${path}.${key} is not a valid phone number or short code: "${raw}"`);
  return parsed.number;
}

function stringList(body: Fields, key: string, path: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  const items = array(value, `${path}.${key}`);
  if (!items.every((item) => typeof item === "string")) throw badRequest(`${path}.${key} must hold strings`);
  return [...new Set(items as string[])];
}

/** Attribute maps are map<string,string>; numbers and booleans are accepted and stored as strings. */
function attributes(body: Fields, key: string, path: string): Record<string, string> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  const entries = Object.entries(object(value, `${path}.${key}`)).map(([name, v]) => {
    if (!["string", "number", "boolean"].includes(typeof v))
      throw badRequest(`${path}.${key}.${name} must be a string`);
    return [name, String(v)] as const;
  });
  return Object.fromEntries(entries);
}

function media(body: Fields, key: string, path: string): Media[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  return array(value, `${path}.${key}`).map((item, index) => {
    const where = `${path}.${key}[${index}]`;
    const fields = object(item, where);
    return {
      id: integer(fields, "id", where),
      name: string(fields, "name", where),
      mediaType: string(fields, "mediaType", where),
      publicUrl: string(fields, "publicUrl", where),
    };
  });
}

function recipient(value: unknown, path: string, withText: boolean): RecipientInput {
  const body = object(value, path);
  const input: RecipientInput = {
    phoneNumber: string(body, "phoneNumber", path),
    contactId: integer(body, "contactId", path),
    fromNumber: phoneNumber(body, "fromNumber", path),
    attributes: attributes(body, "attributes", path),
  };
  if (withText) {
    input.message = string(body, "message", path);
    input.media = media(body, "media", path);
  }
  return input;
}

/** A bare JSON array of TextRecipient (or of plain Recipient when `withText` is false). */
export function readRecipientArray(body: unknown, withText: boolean): RecipientInput[] {
  return array(body, "body").map((item, index) => recipient(item, `recipients[${index}]`, withText));
}

function localTimeRestriction(body: Fields, path: string): LocalTimeRestriction | undefined {
  const value = body.localTimeRestriction;
  if (value === undefined || value === null) return undefined;
  const where = `${path}.localTimeRestriction`;
  const fields = object(value, where);
  return {
    enabled: boolean(fields, "enabled", where) ?? false,
    beginHour: integer(fields, "beginHour", where),
    beginMinute: integer(fields, "beginMinute", where),
    endHour: integer(fields, "endHour", where),
    endMinute: integer(fields, "endMinute", where),
  };
}

export function readBroadcast(raw: unknown): BroadcastInput {
  const body = object(raw ?? {}, "body");
  const strategy = string(body, "bigMessageStrategy", "body");
  if (strategy !== undefined && !(BIG_MESSAGE_STRATEGIES as readonly string[]).includes(strategy)) {
    throw badRequest(`body.bigMessageStrategy must be one of ${BIG_MESSAGE_STRATEGIES.join(", ")}`);
  }
  const maxActive = integer(body, "maxActive", "body");
  if (maxActive !== undefined && maxActive < 1) throw badRequest("body.maxActive must be at least 1");
  const schedules = body.schedules ?? undefined;
  const settings: CampaignSettings = {
    name: string(body, "name", "body"),
    fromNumber: phoneNumber(body, "fromNumber", "body"),
    message: string(body, "message", "body"),
    bigMessageStrategy: strategy as CampaignSettings["bigMessageStrategy"],
    labels: stringList(body, "labels", "body"),
    localTimeRestriction: localTimeRestriction(body, "body"),
    schedules:
      schedules === null || schedules === undefined
        ? undefined
        : array(schedules, "body.schedules").map(
            (item, i) => object(item, `body.schedules[${i}]`) as Schedule,
          ),
    maxActive,
    resumeNextDay: boolean(body, "resumeNextDay", "body"),
    media: media(body, "media", "body"),
  };
  const recipients = body.recipients ?? undefined;
  return {
    settings,
    recipients:
      recipients === null || recipients === undefined
        ? undefined
        : array(recipients, "body.recipients").map((item, i) =>
            recipient(item, `body.recipients[${i}]`, true),
          ),
  };
}

export function readBatchRequest(raw: unknown): BatchInput {
  const body = object(raw, "body");
  const recipients = body.recipients ?? undefined;
  const input: BatchInput = {
    name: string(body, "name", "body"),
    contactListId: integer(body, "contactListId", "body"),
    recipients:
      recipients === null || recipients === undefined
        ? undefined
        : array(recipients, "body.recipients").map((item, i) =>
            recipient(item, `body.recipients[${i}]`, false),
          ),
    scrubDuplicates: boolean(body, "scrubDuplicates", "body") ?? false,
  };
  if (input.contactListId === undefined && input.recipients === undefined) {
    throw badRequest("Give body.recipients or body.contactListId");
  }
  return input;
}

export function readAutoReply(raw: unknown): Omit<TextAutoReply, "id"> {
  const body = object(raw, "body");
  const message = string(body, "message", "body");
  if (message === undefined || message === "") throw badRequest("body.message is required");
  return {
    number: phoneNumber(body, "number", "body"),
    keyword: string(body, "keyword", "body")?.trim() || undefined,
    match: string(body, "match", "body"),
    message,
  };
}

/** Only `enabled` of a Batch can change (API.md §4.22). */
export function readBatchUpdate(raw: unknown): boolean | undefined {
  return boolean(object(raw, "body"), "enabled", "body");
}

export function readInbound(raw: unknown): { fromNumber: string; toNumber: string; message: string } {
  const body = object(raw, "body");
  const fromNumber = string(body, "fromNumber", "body");
  const message = string(body, "message", "body");
  if (fromNumber === undefined) throw badRequest("body.fromNumber is required");
  if (message === undefined) throw badRequest("body.message is required");
  return { fromNumber, toNumber: string(body, "toNumber", "body") ?? DEFAULT_FROM_NUMBER, message };
}
