// The connections to CallFire (CALLFIRE_MAX_CONNECTIONS) and the line of calls waiting for one. Waiting is
// the request's time, not CallFire's: it counts against the request's deadline and never against
// CallFire's health. A request's first call asks RequestAdmission; refused, the request is shed as a whole
// with OVERLOADED (nothing sent, safe to retry after retryAfterSeconds). Admitted requests' calls wait
// earliest deadline first, so the requests that started first finish first. Should a call's turn still
// come too late for it to finish before its deadline, its request is shed as a whole at once: its waiting
// calls are refused and its reads in flight abandoned, so the client gets a fast refusal, not a late
// answer with holes.
import { apiError } from "../src/core/errors.js";
import { RequestAdmission } from "./request-admission.js";
import type { RequestDeadline } from "./request-deadline.js";

export interface ConnectionQueueOptions {
  /** Calls in flight to CallFire at once. */
  connections: number;
  /** Admitted requests with calls open at once; one more is refused. */
  maxRequests: number;
}

interface Waiter {
  deadline: RequestDeadline;
  grant: () => void;
}

/** Gives back the connection; call it once the attempt has ended, whatever its outcome. */
export type Release = () => void;

function overloaded(message: string, retryAfterSeconds: number) {
  return apiError("OVERLOADED", message, { retryAfterSeconds });
}

export function abandonedError(deadline: RequestDeadline) {
  switch (deadline.reason) {
    case "deadline":
      return overloaded(
        `The request's deadline of ${deadline.deadlineMs / 1000} s passed before CallFire could be called; nothing was sent. Try again, or ask for less in one operation.`,
        1,
      );
    case "shed":
      return overloaded(
        "The server refused this request for load before this CallFire call; it was not sent. Try again in 1 s.",
        1,
      );
    default:
      return apiError(
        "CANCELLED",
        "The request was answered or its client went away; the CallFire call was not made.",
      );
  }
}

export class ConnectionQueue {
  readonly #connections: number;
  readonly #admission: RequestAdmission;
  #inUse = 0;
  /** Admitted requests' calls, earliest deadline first. */
  readonly #line: Waiter[] = [];
  /** How long a call holds a connection, smoothed: the pace at which the line moves. */
  #averageHoldMs = 0;

  constructor(options: ConnectionQueueOptions) {
    this.#connections = options.connections;
    this.#admission = new RequestAdmission({ maxRequests: options.maxRequests });
  }

  get waiting(): number {
    return this.#line.length;
  }

  /** Waits for a connection within the request's deadline; throws OVERLOADED or CANCELLED instead. */
  acquire(deadline: RequestDeadline): Promise<Release> {
    if (deadline.reason !== undefined) return Promise.reject(abandonedError(deadline));
    if (!this.#admission.isAdmitted(deadline)) {
      const retryAfterSeconds = this.#admission.admit(deadline, {
        connections: this.#connections,
        inUse: this.#inUse,
        waiting: this.waiting,
        averageHoldMs: this.#averageHoldMs,
      });
      if (retryAfterSeconds !== undefined) return Promise.reject(this.#shed(deadline, retryAfterSeconds));
    }
    this.#admission.opened(deadline);
    if (this.#inUse < this.#connections) return Promise.resolve(this.#take(deadline));
    const place = this.#placeOf(deadline);
    const expectedWaitMs = Math.ceil((place + 1) / this.#connections) * this.#averageHoldMs;
    if (!this.#inTime(deadline, expectedWaitMs)) {
      this.#admission.closed(deadline);
      return Promise.reject(this.#shed(deadline, Math.max(1, Math.ceil(expectedWaitMs / 1000))));
    }
    return new Promise<Release>((resolve, reject) => {
      const onAbandon = () => {
        this.#line.splice(this.#line.indexOf(waiter), 1);
        this.#admission.closed(deadline);
        reject(abandonedError(deadline));
      };
      const waiter: Waiter = {
        deadline,
        grant: () => {
          deadline.signal.removeEventListener("abort", onAbandon);
          if (this.#inTime(deadline, 0)) return resolve(this.#take(deadline));
          this.#admission.closed(deadline);
          reject(this.#shed(deadline, 1));
        },
      };
      deadline.signal.addEventListener("abort", onAbandon, { once: true });
      this.#line.splice(place, 0, waiter);
    });
  }

  /**
   * Whether a call that waits this long still has time to finish before its deadline, with a margin for
   * one slower than usual: better not sent than cut off midway.
   */
  #inTime(deadline: RequestDeadline, waitMs: number): boolean {
    return waitMs + 2 * this.#averageHoldMs <= deadline.remainingMs();
  }

  /** Where a call of this request joins the line: after every call whose deadline is not later. */
  #placeOf(deadline: RequestDeadline): number {
    let low = 0;
    let high = this.#line.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#line[middle].deadline.expiresAt <= deadline.expiresAt) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #take(deadline: RequestDeadline): Release {
    this.#inUse += 1;
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inUse -= 1;
      this.#admission.closed(deadline);
      const heldMs = performance.now() - started;
      this.#averageHoldMs = this.#averageHoldMs === 0 ? heldMs : 0.8 * this.#averageHoldMs + 0.2 * heldMs;
      this.#grantNext();
    };
  }

  /** Hands free connections to the calls first in line (one refused for lack of time passes it on). */
  #grantNext(): void {
    while (this.#inUse < this.#connections) {
      const next = this.#line.shift();
      if (!next) return;
      next.grant();
    }
  }

  /** Refuses the request as a whole: its waiting calls are refused and its reads in flight abandoned. */
  #shed(deadline: RequestDeadline, retryAfterSeconds: number) {
    deadline.abandon("shed");
    return overloaded(
      `The server has more CallFire calls to make than it can make in time; this request was refused and the call was not sent. Try again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  }
}
