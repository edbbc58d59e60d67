// Request bodies turned into domain inputs, once request-validation.ts has checked them against the
// operation's CallFire model (docs/callfire-api.md §Models). Read-only properties (ids, status, lastModified)
// are ignored, as CallFire ignores them; the rules the document cannot express (phone numbers, required
// fields) are here.
import { badRequest } from "../domain/api-error.js";
import type { BatchInput, BroadcastInput } from "../domain/broadcasts.service.js";
import type {
  BigMessageStrategy,
  LocalTimeRestriction,
  Media,
  RecipientInput,
  ScheduleInput,
  TextAutoReply,
} from "../domain/callfire.types.js";
import { parsePhoneNumber } from "../domain/phone-numbers.js";
import type { CampaignSettings } from "../store/campaigns.repository.js";
import { DEFAULT_FROM_NUMBER } from "../store/campaigns.repository.js";
import { checkedBody } from "./request-validation.js";

type Fields = Record<string, unknown>;

function phoneNumber(raw: string | undefined, path: string): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = parsePhoneNumber(raw);
  if (!parsed.valid) throw badRequest(`${path} is not a valid phone number or short code: "${raw}"`);
  return parsed.number;
}

function recipient(body: Fields, path: string): RecipientInput {
  const attributes = body.attributes as Record<string, string | number | boolean> | undefined;
  return {
    phoneNumber: body.phoneNumber as string | undefined,
    contactId: body.contactId as number | undefined,
    fromNumber: phoneNumber(body.fromNumber as string | undefined, `${path}.fromNumber`),
    attributes:
      attributes &&
      Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, String(value)])),
    message: body.message as string | undefined,
    media: body.media as Media[] | undefined,
  };
}

type RecipientsOperation = "sendTexts" | "addTextBroadcastRecipients" | "toggleTextBroadcastRecipientsStatus";

/** A bare JSON array of TextRecipient (or of plain Recipient for the toggle). */
export function readRecipientArray(operationId: RecipientsOperation, raw: unknown): RecipientInput[] {
  const body = checkedBody(operationId, raw) as Fields[];
  return body.map((item, index) => recipient(item, `body[${index}]`));
}

export function readBroadcast(
  operationId: "createTextBroadcast" | "updateTextBroadcast",
  raw: unknown,
): BroadcastInput {
  const body = checkedBody(operationId, raw ?? {}) as Fields;
  const maxActive = body.maxActive as number | undefined;
  if (maxActive !== undefined && maxActive < 1) throw badRequest("body.maxActive must be at least 1");
  const settings: CampaignSettings = {
    name: body.name as string | undefined,
    fromNumber: phoneNumber(body.fromNumber as string | undefined, "body.fromNumber"),
    message: body.message as string | undefined,
    bigMessageStrategy: body.bigMessageStrategy as BigMessageStrategy | undefined,
    labels: body.labels as string[] | undefined,
    localTimeRestriction:
      body.localTimeRestriction === undefined
        ? undefined
        : { enabled: false, ...(body.localTimeRestriction as LocalTimeRestriction) },
    schedules: body.schedules as ScheduleInput[] | undefined,
    maxActive,
    resumeNextDay: body.resumeNextDay as boolean | undefined,
    media: body.media as Media[] | undefined,
  };
  const recipients = body.recipients as Fields[] | undefined;
  return {
    settings,
    recipients: recipients?.map((item, i) => recipient(item, `body.recipients[${i}]`)),
  };
}

export function readBatchRequest(raw: unknown): BatchInput {
  const body = checkedBody("addTextBroadcastBatch", raw) as Fields;
  const recipients = body.recipients as Fields[] | undefined;
  const input: BatchInput = {
    name: body.name as string | undefined,
    contactListId: body.contactListId as number | undefined,
    recipients: recipients?.map((item, i) => recipient(item, `body.recipients[${i}]`)),
    scrubDuplicates: (body.scrubDuplicates as boolean | undefined) ?? false,
  };
  if (input.contactListId === undefined && input.recipients === undefined) {
    throw badRequest("Give body.recipients or body.contactListId");
  }
  return input;
}

export function readAutoReply(raw: unknown): Omit<TextAutoReply, "id"> {
  const body = checkedBody("createTextAutoReply", raw) as Fields;
  const message = body.message as string | undefined;
  if (message === undefined || message === "") throw badRequest("body.message is required");
  return {
    number: phoneNumber(body.number as string | undefined, "body.number"),
    keyword: (body.keyword as string | undefined)?.trim() || undefined,
    match: body.match as string | undefined,
    message,
  };
}

/** Only `enabled` of a Batch can change (docs/callfire-api.md §Endpoints, 22). */
export function readBatchUpdate(raw: unknown): boolean | undefined {
  return (checkedBody("updateCampaignBatch", raw) as Fields).enabled as boolean | undefined;
}

/** The sandbox's own POST /sandbox/inbound (no CallFire model). */
export function readInbound(raw: unknown): { fromNumber: string; toNumber: string; message: string } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw badRequest("body must be an object");
  const { fromNumber, toNumber, message } = raw as Fields;
  for (const [name, value] of Object.entries({ fromNumber, toNumber, message })) {
    if (value !== undefined && value !== null && typeof value !== "string")
      throw badRequest(`body.${name} must be a string`);
  }
  if (typeof fromNumber !== "string") throw badRequest("body.fromNumber is required");
  if (typeof message !== "string") throw badRequest("body.message is required");
  return { fromNumber, toNumber: (toNumber as string | undefined | null) ?? DEFAULT_FROM_NUMBER, message };
}
