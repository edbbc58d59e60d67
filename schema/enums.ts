// CallFire enumerations as GraphQL enums. The values are CallFire's wire strings, so mapping is the
// identity; values CallFire adds later are handled where DTOs are mapped (datasources/), never here.
// Each is written once, as its values with their descriptions: callfireEnum makes the enum object (each
// value maps to itself, as a string enum would) and registers it with type-graphql.
import { registerEnumType } from "type-graphql";

function callfireEnum<const Value extends string>(
  name: string,
  description: string,
  descriptions: Record<Value, string>,
): Readonly<Record<Value, Value>> {
  const values = Object.keys(descriptions) as Value[];
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as Record<Value, Value>;
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      values.map((value) => [value, { description: descriptions[value] }]),
    ) as Record<Value, { description: string }>,
  });
  return enumObject;
}

export const TextState = callfireEnum("TextState", "Where a text stands in CallFire's processing.", {
  READY: "Queued, not yet attempted.",
  SELECTED: "Being processed right now.",
  CALLBACK: "Call-center callback; not used by API v2 texts.",
  FINISHED: "Processing done; see finalTextResult.",
  DISABLED: "Its batch is switched off or the recipient was toggled off.",
  DNC: "The recipient is on a do-not-contact list.",
  DUP: "The same number was already queued in this request or campaign.",
  INVALID: "The number is malformed or impossible.",
  TIMEOUT: "Attempted, but no result came back.",
  PERIOD_LIMIT: "The recipient was contacted too often within the period.",
});
export type TextState = (typeof TextState)[keyof typeof TextState];

export const TextResult = callfireEnum(
  "TextResult",
  "The outcome of a text once CallFire has processed it.",
  {
    SENT: "Handed off to the carrier successfully.",
    RECEIVED: "An inbound text (for example a reply).",
    DNT: "The recipient is on the do-not-text list.",
    TOO_BIG: "The message was too long for the broadcast's bigMessageStrategy.",
    INTERNAL_ERROR: "A failure inside CallFire.",
    CARRIER_ERROR: "The carrier rejected it, or the number is disconnected.",
    CARRIER_TEMP_ERROR: "A temporary, recoverable carrier error.",
    UNDIALED: "Never attempted, for example because the broadcast stopped first.",
    INVALID_NUMBER: "The number is not a valid destination.",
    SKIPPED: "Skipped by CallFire.",
    RESTRICTED_NUMBER: "The destination number is restricted.",
  },
);
export type TextResult = (typeof TextResult)[keyof typeof TextResult];

export const BroadcastStatus = callfireEnum("BroadcastStatus", "The life-cycle status of a text broadcast.", {
  TEST: "A test broadcast.",
  SETUP: "Created, not started yet.",
  START_PENDING: "Waiting for its contact batches to load before it can run.",
  RUNNING: "Sending.",
  SCHEDULED: "Waiting for a schedule window.",
  STOPPED: "Stopped; can be started again or archived.",
  SUSPENDED: "Suspended by CallFire.",
  FINISHED: "Every text has been processed.",
  ARCHIVED: "Archived and hidden from search.",
  VALIDATING_EMAIL: "CallFire runs internal checks before sending.",
  VALIDATING_START: "CallFire runs internal checks before sending.",
  BLOCKED_SUSPICIOUS: "Held for review because the content looks suspicious.",
  DECLINED: "Declined by review.",
  APPROVED: "Approved by review.",
  UNKNOWN: "A status this server does not know yet (CallFire added it later).",
});
export type BroadcastStatus = (typeof BroadcastStatus)[keyof typeof BroadcastStatus];

export const BatchStatus = callfireEnum("BatchStatus", "Validation status of a contact batch.", {
  NEW: "Queued for validation.",
  VALIDATING: "Being validated.",
  ERRORS: "Processed, with some invalid entries.",
  SOURCE_ERROR: "The source contact list is broken.",
  ACTIVE: "Ready.",
});
export type BatchStatus = (typeof BatchStatus)[keyof typeof BatchStatus];

export const BigMessageStrategy = callfireEnum(
  "BigMessageStrategy",
  "What a broadcast does with a message longer than one SMS (160 characters).",
  {
    SEND_MULTIPLE: "Split it into several SMS (CallFire's default).",
    DO_NOT_SEND: "Do not send it; the text ends with result TOO_BIG.",
    TRIM: "Cut it at 160 characters.",
    MMS: "Send it as one MMS.",
  },
);
export type BigMessageStrategy = (typeof BigMessageStrategy)[keyof typeof BigMessageStrategy];

/** java.time.DayOfWeek, which CallFire's schedules use. */
export const DayOfWeek = callfireEnum("DayOfWeek", "A day of the week, for schedules.", {
  MONDAY: "Monday.",
  TUESDAY: "Tuesday.",
  WEDNESDAY: "Wednesday.",
  THURSDAY: "Thursday.",
  FRIDAY: "Friday.",
  SATURDAY: "Saturday.",
  SUNDAY: "Sunday.",
});
export type DayOfWeek = (typeof DayOfWeek)[keyof typeof DayOfWeek];
