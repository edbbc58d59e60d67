// The text broadcast state machine: what CallFire pins down (docs/callfire-api.md §Broadcast states) and our
// choice for the rest. Each action either leads to a new status or is refused with a 400 that says why.
import { ApiError, INTERNAL_CODES } from "./api-error.js";
import type { BroadcastStatus } from "./callfire.types.js";

export type BroadcastAction = "start" | "stop" | "archive" | "update" | "addRecipients";

type Outcome = BroadcastStatus | "same" | string;

/** A status means the transition is allowed; "same" keeps the status; any other string is the refusal. */
const TRANSITIONS: Record<BroadcastStatus, Record<BroadcastAction, Outcome>> = {
  SETUP: {
    start: "RUNNING",
    stop: "the broadcast has not been started",
    archive: "ARCHIVED",
    update: "same",
    addRecipients: "same",
  },
  RUNNING: {
    start: "the broadcast is already running",
    stop: "STOPPED",
    archive: "a running broadcast cannot be archived; stop it first",
    update: "same",
    addRecipients: "same",
  },
  STOPPED: {
    start: "RUNNING",
    stop: "the broadcast is already stopped",
    archive: "ARCHIVED",
    update: "same",
    addRecipients: "same",
  },
  FINISHED: {
    start: "RUNNING",
    stop: "the broadcast has already finished",
    archive: "ARCHIVED",
    update: "same",
    addRecipients: "same",
  },
  ARCHIVED: {
    start: "an archived broadcast cannot be started",
    stop: "an archived broadcast cannot be stopped",
    archive: "same",
    update: "an archived broadcast cannot be changed",
    addRecipients: "an archived broadcast cannot take recipients",
  },
};

const STATUSES = new Set<string>(Object.keys(TRANSITIONS));

/** The status after `action`, or throws the 400 explaining why the broadcast refuses it. */
export function nextStatus(current: BroadcastStatus, action: BroadcastAction): BroadcastStatus {
  const outcome = TRANSITIONS[current][action];
  if (outcome === "same") return current;
  if (STATUSES.has(outcome)) return outcome as BroadcastStatus;
  throw new ApiError(
    400,
    INTERNAL_CODES.invalidTransition,
    `Cannot ${action} broadcast in status ${current}: ${outcome}`,
  );
}
