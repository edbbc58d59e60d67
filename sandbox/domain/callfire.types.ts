// The CallFire v2 JSON shapes the sandbox sends (docs/callfire-api.md §Models). Optional fields are left out
// of the JSON when they have no value, as CallFire does.

export const TEXT_STATES = [
  "READY",
  "SELECTED",
  "CALLBACK",
  "FINISHED",
  "DISABLED",
  "DNC",
  "DUP",
  "INVALID",
  "TIMEOUT",
  "PERIOD_LIMIT",
] as const;
export type TextState = (typeof TEXT_STATES)[number];

export const TEXT_RESULTS = [
  "SENT",
  "RECEIVED",
  "DNT",
  "TOO_BIG",
  "INTERNAL_ERROR",
  "CARRIER_ERROR",
  "CARRIER_TEMP_ERROR",
  "UNDIALED",
] as const;
export type TextResult = (typeof TEXT_RESULTS)[number];

export type BroadcastStatus = "SETUP" | "RUNNING" | "STOPPED" | "FINISHED" | "ARCHIVED";

export const BIG_MESSAGE_STRATEGIES = ["SEND_MULTIPLE", "DO_NOT_SEND", "TRIM", "MMS"] as const;
export type BigMessageStrategy = (typeof BIG_MESSAGE_STRATEGIES)[number];

export type BatchStatus = "NEW" | "VALIDATING" | "ERRORS" | "SOURCE_ERROR" | "ACTIVE";

export interface Media {
  id?: number;
  accountId?: number;
  name?: string;
  created?: number;
  lengthInBytes?: number;
  mediaType?: string;
  publicUrl?: string;
}

export interface LocalTimeRestriction {
  enabled?: boolean;
  beginHour?: number;
  beginMinute?: number;
  endHour?: number;
  endMinute?: number;
}

export interface LocalDate {
  year?: number;
  month?: number;
  day?: number;
}

export interface LocalTime {
  hour?: number;
  minute?: number;
  second?: number;
  nano?: number;
}

/** Stored and returned; the sandbox does not run schedules (see README). */
export interface Schedule {
  id: number;
  campaignId: number;
  startDate?: LocalDate;
  stopDate?: LocalDate;
  startTimeOfDay?: LocalTime;
  stopTimeOfDay?: LocalTime;
  daysOfWeek?: string[];
  timeZone?: string;
}

/** A schedule as a request gives it: `campaignId` is the server's; a known `id` keeps that schedule's id. */
export type ScheduleInput = Omit<Schedule, "id" | "campaignId"> & { id?: number; campaignId?: number };

export interface ContactRef {
  id: number;
  homePhone?: string;
}

export interface TextRecord {
  id: number;
  billedAmount: number;
  finishTime: number;
  message?: string;
  textResult: TextResult;
}

export interface Text {
  id: number;
  fromNumber: string;
  toNumber: string;
  campaignId?: number;
  batchId?: number;
  contact: ContactRef;
  inbound: boolean;
  created: number;
  modified: number;
  state: TextState;
  labels?: string[];
  attributes?: Record<string, string>;
  records?: TextRecord[];
  message?: string;
  finalTextResult?: TextResult;
  media?: Media[];
}

export interface TextBroadcast {
  id: number;
  name?: string;
  status: BroadcastStatus;
  lastModified: number;
  fromNumber: string;
  localTimeRestriction: LocalTimeRestriction;
  schedules?: Schedule[];
  maxActive?: number;
  labels?: string[];
  message?: string;
  bigMessageStrategy?: BigMessageStrategy;
  media?: Media[];
  resumeNextDay: boolean;
}

export interface Batch {
  id: number;
  name?: string;
  status: BatchStatus;
  broadcastId: number;
  created: number;
  size: number;
  remaining: number;
  enabled: boolean;
}

export interface TextAutoReply {
  id: number;
  number?: string;
  keyword?: string;
  match?: string;
  message: string;
}

export interface TextBroadcastStats {
  totalOutboundCount: number;
  remainingOutboundCount: number;
  billedAmount: number;
  sentCount: number;
  unsentCount: number;
  /** CallFire's spelling on the wire. */
  recievedCount: number;
  doNotTextCount: number;
  tooBigCount: number;
  errorCount: number;
}

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  totalCount: number;
}

export interface ErrorResponse {
  httpStatusCode: number;
  internalCode: number;
  message: string;
  developerMessage: string;
  helpLink: string;
}

/** A recipient as the API receives it (TextRecipient; plain Recipient has no message or media). */
export interface RecipientInput {
  phoneNumber?: string;
  contactId?: number;
  fromNumber?: string;
  attributes?: Record<string, string>;
  message?: string;
  media?: Media[];
}
