// CallFire enumerations as GraphQL enums. The values are CallFire's wire strings, so mapping is the
// identity; values CallFire adds later are handled where DTOs are mapped (datasources/), never here.
import { registerEnumType } from "type-graphql";

export enum TextState {
  READY = "READY",
  SELECTED = "SELECTED",
  CALLBACK = "CALLBACK",
  FINISHED = "FINISHED",
  DISABLED = "DISABLED",
  DNC = "DNC",
  DUP = "DUP",
  INVALID = "INVALID",
  TIMEOUT = "TIMEOUT",
  PERIOD_LIMIT = "PERIOD_LIMIT",
}

registerEnumType(TextState, {
  name: "TextState",
  description: "Where a text stands in CallFire's processing.",
  valuesConfig: {
    READY: { description: "Queued, not yet attempted." },
    SELECTED: { description: "Being processed right now." },
    CALLBACK: { description: "Call-center callback; not used by API v2 texts." },
    FINISHED: { description: "Processing done; see finalTextResult." },
    DISABLED: { description: "Its batch is switched off or the recipient was toggled off." },
    DNC: { description: "The recipient is on a do-not-contact list." },
    DUP: { description: "The same number was already queued in this request or campaign." },
    INVALID: { description: "The number is malformed or impossible." },
    TIMEOUT: { description: "Attempted, but no result came back." },
    PERIOD_LIMIT: { description: "The recipient was contacted too often within the period." },
  },
});

export enum TextResult {
  SENT = "SENT",
  RECEIVED = "RECEIVED",
  DNT = "DNT",
  TOO_BIG = "TOO_BIG",
  INTERNAL_ERROR = "INTERNAL_ERROR",
  CARRIER_ERROR = "CARRIER_ERROR",
  CARRIER_TEMP_ERROR = "CARRIER_TEMP_ERROR",
  UNDIALED = "UNDIALED",
  INVALID_NUMBER = "INVALID_NUMBER",
  SKIPPED = "SKIPPED",
  RESTRICTED_NUMBER = "RESTRICTED_NUMBER",
}

registerEnumType(TextResult, {
  name: "TextResult",
  description: "The outcome of a text once CallFire has processed it.",
  valuesConfig: {
    SENT: { description: "Handed off to the carrier successfully." },
    RECEIVED: { description: "An inbound text (for example a reply)." },
    DNT: { description: "The recipient is on the do-not-text list." },
    TOO_BIG: { description: "The message was too long for the broadcast's bigMessageStrategy." },
    INTERNAL_ERROR: { description: "A failure inside CallFire." },
    CARRIER_ERROR: { description: "The carrier rejected it, or the number is disconnected." },
    CARRIER_TEMP_ERROR: { description: "A temporary, recoverable carrier error." },
    UNDIALED: { description: "Never attempted, for example because the broadcast stopped first." },
    INVALID_NUMBER: { description: "The number is not a valid destination." },
    SKIPPED: { description: "Skipped by CallFire." },
    RESTRICTED_NUMBER: { description: "The destination number is restricted." },
  },
});

export enum BroadcastStatus {
  TEST = "TEST",
  SETUP = "SETUP",
  START_PENDING = "START_PENDING",
  RUNNING = "RUNNING",
  SCHEDULED = "SCHEDULED",
  STOPPED = "STOPPED",
  SUSPENDED = "SUSPENDED",
  FINISHED = "FINISHED",
  ARCHIVED = "ARCHIVED",
  VALIDATING_EMAIL = "VALIDATING_EMAIL",
  VALIDATING_START = "VALIDATING_START",
  BLOCKED_SUSPICIOUS = "BLOCKED_SUSPICIOUS",
  DECLINED = "DECLINED",
  APPROVED = "APPROVED",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(BroadcastStatus, {
  name: "BroadcastStatus",
  description: "The life-cycle status of a text broadcast.",
  valuesConfig: {
    TEST: { description: "A test broadcast." },
    SETUP: { description: "Created, not started yet." },
    START_PENDING: { description: "Waiting for its contact batches to load before it can run." },
    RUNNING: { description: "Sending." },
    SCHEDULED: { description: "Waiting for a schedule window." },
    STOPPED: { description: "Stopped; can be started again or archived." },
    SUSPENDED: { description: "Suspended by CallFire." },
    FINISHED: { description: "Every text has been processed." },
    ARCHIVED: { description: "Archived and hidden from search." },
    VALIDATING_EMAIL: { description: "CallFire runs internal checks before sending." },
    VALIDATING_START: { description: "CallFire runs internal checks before sending." },
    BLOCKED_SUSPICIOUS: { description: "Held for review because the content looks suspicious." },
    DECLINED: { description: "Declined by review." },
    APPROVED: { description: "Approved by review." },
    UNKNOWN: { description: "A status this server does not know yet (CallFire added it later)." },
  },
});

export enum BatchStatus {
  NEW = "NEW",
  VALIDATING = "VALIDATING",
  ERRORS = "ERRORS",
  SOURCE_ERROR = "SOURCE_ERROR",
  ACTIVE = "ACTIVE",
}

registerEnumType(BatchStatus, {
  name: "BatchStatus",
  description: "Validation status of a contact batch.",
  valuesConfig: {
    NEW: { description: "Queued for validation." },
    VALIDATING: { description: "Being validated." },
    ERRORS: { description: "Processed, with some invalid entries." },
    SOURCE_ERROR: { description: "The source contact list is broken." },
    ACTIVE: { description: "Ready." },
  },
});

export enum BigMessageStrategy {
  SEND_MULTIPLE = "SEND_MULTIPLE",
  DO_NOT_SEND = "DO_NOT_SEND",
  TRIM = "TRIM",
  MMS = "MMS",
}

registerEnumType(BigMessageStrategy, {
  name: "BigMessageStrategy",
  description: "What a broadcast does with a message longer than one SMS (160 characters).",
  valuesConfig: {
    SEND_MULTIPLE: { description: "Split it into several SMS (CallFire's default)." },
    DO_NOT_SEND: { description: "Do not send it; the text ends with result TOO_BIG." },
    TRIM: { description: "Cut it at 160 characters." },
    MMS: { description: "Send it as one MMS." },
  },
});

/** java.time.DayOfWeek, which CallFire's schedules use. */
export enum DayOfWeek {
  MONDAY = "MONDAY",
  TUESDAY = "TUESDAY",
  WEDNESDAY = "WEDNESDAY",
  THURSDAY = "THURSDAY",
  FRIDAY = "FRIDAY",
  SATURDAY = "SATURDAY",
  SUNDAY = "SUNDAY",
}

registerEnumType(DayOfWeek, {
  name: "DayOfWeek",
  description: "A day of the week, for schedules.",
  valuesConfig: Object.fromEntries(
    Object.keys(DayOfWeek).map((day) => [day, { description: `${day[0]}${day.slice(1).toLowerCase()}.` }]),
  ),
});
