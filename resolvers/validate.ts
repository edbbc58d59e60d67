// Argument checks that run before any CallFire call, each failing with BAD_USER_INPUT and a message that
// says what to fix. Rules on one field (ids, phone formats, lengths, list sizes) are class-validator
// decorators on the argument and input classes (@IsCallFireId for ids); the rules here span several
// fields or arguments.
import { validate, type ValidationError } from "class-validator";
import type { GraphQLError } from "graphql";
import type { ValidatorFn } from "type-graphql";
import { apiError, shown } from "../src/core/errors.js";
import type { BatchInput } from "../schema/batch.input.js";
import type { RecipientInput, TextRecipientInput } from "../schema/recipient.input.js";
import type { LocalDateInput, ScheduleInput } from "../schema/schedule.input.js";
import type { TextAutoReplyInput } from "../schema/text-auto-reply.input.js";
import type { TextFilter } from "../schema/text.input.js";

/** CallFire documents no page-size maximum for v2; v1.1 capped it at 1000. */
export const MAX_LIMIT = 1000;
/** POST /texts takes at most 1000 recipients; we hold every recipient list to the same bound. */
const MAX_RECIPIENTS = 1000;
/** GET /texts?id=… is one page, and the text loader asks for at most 100 ids at a time. */
const MAX_FILTER_IDS = 100;

function badInput(message: string): GraphQLError {
  return apiError("BAD_USER_INPUT", message);
}

export function checkPage(page: { limit?: number | null; offset?: number | null }): void {
  if (page.limit != null && (page.limit < 1 || page.limit > MAX_LIMIT)) {
    throw badInput(`limit must be between 1 and ${MAX_LIMIT}; got ${page.limit}`);
  }
  if (page.offset != null && page.offset < 0) {
    throw badInput(`offset must be 0 or more; got ${page.offset}`);
  }
}

export function checkWindow(
  beginName: string,
  begin: Date | null | undefined,
  endName: string,
  end: Date | null | undefined,
): void {
  if (begin && end && begin.getTime() > end.getTime()) {
    throw badInput(`${beginName} must not be after ${endName}`);
  }
}

/**
 * CallFire ignores every other filter when ids are given, so a filter mixing both would silently return
 * texts that do not match it: we refuse the mix instead.
 */
export function checkTextFilter(filter: TextFilter | null | undefined): void {
  if (!filter) return;
  const { ids, ...others } = filter;
  if (ids != null) {
    if (ids.length < 1 || ids.length > MAX_FILTER_IDS) {
      throw badInput(
        `filter.ids must list 1 to ${MAX_FILTER_IDS} ids (leave it out to search all texts); got ${ids.length}`,
      );
    }
    const mixed = Object.entries(others)
      .filter(([, value]) => value != null)
      .map(([key]) => key);
    if (mixed.length > 0) {
      throw badInput(
        `filter.ids cannot be combined with other filters (CallFire ignores them when ids are given); remove ${mixed.join(", ")} or ids`,
      );
    }
  }
  checkWindow("filter.intervalBegin", filter.intervalBegin, "filter.intervalEnd", filter.intervalEnd);
}

/** Every recipient names a phone number or a contact. */
export function checkRecipients(
  name: string,
  recipients: readonly (RecipientInput | TextRecipientInput)[],
  min: number,
): void {
  if (recipients.length < min || recipients.length > MAX_RECIPIENTS) {
    throw badInput(`${name} must hold ${min} to ${MAX_RECIPIENTS} recipients; got ${recipients.length}`);
  }
  recipients.forEach((recipient, index) => {
    const at = `${name}[${index}]`;
    if (!recipient.phoneNumber && recipient.contactId == null) {
      throw badInput(`${at} needs a phoneNumber or a contactId`);
    }
  });
}

function isCalendarDate({ year, month, day }: LocalDateInput): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Dates a month has (no February 30), and a start not after the stop. */
export function checkSchedules(name: string, schedules: readonly ScheduleInput[] | null | undefined): void {
  schedules?.forEach((schedule, index) => {
    const at = `${name}[${index}]`;
    for (const key of ["startDate", "stopDate"] as const) {
      const date = schedule[key];
      if (date && !isCalendarDate(date)) {
        throw badInput(`${at}.${key} is not a date in the calendar; got ${shown(date)}`);
      }
    }
    const { startDate: start, stopDate: stop } = schedule;
    if (start && stop) {
      const ordinal = (d: LocalDateInput) => (d.year * 100 + d.month) * 100 + d.day;
      if (ordinal(start) > ordinal(stop)) throw badInput(`${at}.startDate must not be after ${at}.stopDate`);
    }
  });
}

/**
 * sendTexts: each recipient needs a message of its own or defaultMessage, unless it carries media (an MMS
 * may be an image alone) or the texts go through a broadcast (campaignId), whose message then applies.
 */
export function checkSendTexts(args: {
  recipients: readonly TextRecipientInput[];
  campaignId?: string | null;
  defaultMessage?: string | null;
}): void {
  checkRecipients("recipients", args.recipients, 1);
  if (args.defaultMessage || args.campaignId != null) return;
  const index = args.recipients.findIndex((r) => !r.message && !r.mediaIds?.length);
  if (index >= 0) {
    throw badInput(
      `recipients[${index}] has no message: give recipients[${index}].message or defaultMessage`,
    );
  }
}

/** A batch comes from a contact list or from recipients, never both (CallFire's BatchRequest). */
export function checkBatchInput(input: BatchInput): void {
  const fromList = input.contactListId != null;
  const fromRecipients = input.recipients != null;
  if (fromList === fromRecipients) {
    throw badInput("input needs exactly one of contactListId or recipients");
  }
  if (input.recipients) checkRecipients("input.recipients", input.recipients, 1);
}

export function checkAutoReplyInput(input: TextAutoReplyInput): void {
  if (!input.number && !input.keyword) {
    throw badInput("input needs a number or a keyword (or both) to listen on");
  }
}

/** An update that changes nothing is almost certainly a client mistake (a misspelt variable). */
export function checkSomeField(name: string, input: object): void {
  if (!Object.values(input).some((value) => value != null)) {
    throw badInput(`${name} changes nothing: give at least one field`);
  }
}

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Constraint messages already start with the property name, so only the parent path is prefixed. */
function describe(errors: readonly ValidationError[], parent: string): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((message) => (parent ? `${parent}: ${message}` : message)),
    ...describe(error.children ?? [], childPath(parent, error.property)),
  ]);
}

/**
 * For buildSchema's validateFn. type-graphql's own class-validator run (validate: true) fails with
 * ArgumentValidationError: code BAD_USER_INPUT, but the message is "Argument Validation Error" and the
 * details sit in extensions.validationErrors (with the whole input as `target`). This runs the same rules
 * with the same options and raises one BAD_USER_INPUT error whose message says what to fix, e.g.
 * "input.recipients[0]: phoneNumber must be digits only, …". Our arguments are @ArgsType instances, so
 * the paths start at the argument names.
 */
export const validateArgs: ValidatorFn = (argValue: unknown) => checkRules(argValue);

/** The class-validator rules of an @ArgsType instance; BAD_USER_INPUT naming each failure. */
export async function checkRules(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== "object") return;
  const errors = await validate(argValue, {
    skipMissingProperties: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
  });
  const messages = describe(errors, "");
  if (messages.length > 0) throw badInput(messages.join("; "));
}
