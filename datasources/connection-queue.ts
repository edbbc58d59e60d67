// The connections to CallFire (CALLFIRE_MAX_CONNECTIONS) and the bounded line of calls waiting for one
// (CALLFIRE_MAX_QUEUE). Waiting is the request's time, not CallFire's: it counts against the request's
// deadline and never against CallFire's health. A call is refused at once with OVERLOADED (nothing sent,
// safe to retry after retryAfterSeconds) when the line is full or when, at the pace calls are finishing,
// its turn would come after its request's deadline. Calls of requests already under way go ahead of new
// requests' first calls, so under overload the requests that started finish with whole answers and new
// ones are refused fast rather than every answer coming back with holes.
import { apiError } from "../src/core/errors.js";
import type { RequestDeadline } from "./request-deadline.js";

export interface ConnectionQueueOptions {
  /** Calls in flight to CallFire at once. */
  connections: number;
  /** Calls that may wait for a connection; one more is refused. */
  maxWaiting: number;
}

interface Waiter {
  deadline: RequestDeadline;
  grant: () => void;
  refuse: () => void;
  onAbandon: () => void;
}

/** Gives back the connection; call it once the attempt has ended, whatever its outcome. */
export type Release = () => void;

export function abandonedError(deadline: RequestDeadline) {
  return deadline.reason === "deadline"
    ? apiError(
        "OVERLOADED",
        `The request's deadline of ${deadline.deadlineMs / 1000} s passed before CallFire could be called; nothing was sent. Try again, or ask for less in one operation.`,
        { retryAfterSeconds: 1 },
      )
    : apiError(
        "CANCELLED",
        "The request was answered or its client went away; the CallFire call was not made.",
      );
}

export class ConnectionQueue {
  readonly #connections: number;
  readonly #maxWaiting: number;
  #inUse = 0;
  /** Calls of requests that already had a connection, and first calls of new requests. */
  readonly #continuing: Waiter[] = [];
  readonly #fresh: Waiter[] = [];
  /** How long a call holds a connection, smoothed: the pace at which the line moves. */
  #averageHoldMs = 0;

  constructor(options: ConnectionQueueOptions) {
    this.#connections = options.connections;
    this.#maxWaiting = options.maxWaiting;
  }

  get waiting(): number {
    return this.#continuing.length + this.#fresh.length;
  }

  /** Waits for a connection within the request's deadline; throws OVERLOADED or CANCELLED instead. */
  acquire(deadline: RequestDeadline): Promise<Release> {
    if (deadline.reason !== undefined) return Promise.reject(abandonedError(deadline));
    if (deadline.shed) return Promise.reject(this.#overloaded(deadline, 0));
    if (this.#inUse < this.#connections) return Promise.resolve(this.#take(deadline));
    const ahead = deadline.admitted ? this.#continuing.length : this.waiting;
    const expectedWaitMs = Math.ceil((ahead + 1) / this.#connections) * this.#averageHoldMs;
    if (this.waiting >= this.#maxWaiting || expectedWaitMs >= deadline.remainingMs()) {
      return Promise.reject(this.#overloaded(deadline, expectedWaitMs));
    }
    const line = deadline.admitted ? this.#continuing : this.#fresh;
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        deadline,
        grant: () => {
          deadline.signal.removeEventListener("abort", waiter.onAbandon);
          // Its turn came too late for a call to finish in time (with a margin for a slower one than
          // usual): better not sent than cut off midway.
          if (deadline.remainingMs() < 2 * this.#averageHoldMs) return reject(this.#overloaded(deadline, 0));
          resolve(this.#take(deadline));
        },
        refuse: () => {
          deadline.signal.removeEventListener("abort", waiter.onAbandon);
          line.splice(line.indexOf(waiter), 1);
          reject(this.#refusal(0));
        },
        onAbandon: () => {
          line.splice(line.indexOf(waiter), 1);
          reject(abandonedError(deadline));
        },
      };
      deadline.signal.addEventListener("abort", waiter.onAbandon, { once: true });
      line.push(waiter);
    });
  }

  #take(deadline: RequestDeadline): Release {
    this.#inUse += 1;
    deadline.admitted = true;
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inUse -= 1;
      const heldMs = performance.now() - started;
      this.#averageHoldMs = this.#averageHoldMs === 0 ? heldMs : 0.8 * this.#averageHoldMs + 0.2 * heldMs;
      this.#grantNext();
    };
  }

  /** Hands free connections to the calls first in line (one refused for lack of time passes it on). */
  #grantNext(): void {
    while (this.#inUse < this.#connections) {
      const next = this.#continuing.shift() ?? this.#fresh.shift();
      if (!next) return;
      next.grant();
    }
  }

  #overloaded(deadline: RequestDeadline, expectedWaitMs: number) {
    deadline.shed = true;
    // Its calls already waiting make way too: the request's answer will have a hole anyway.
    for (const line of [this.#continuing, this.#fresh]) {
      for (const waiter of line.filter((candidate) => candidate.deadline === deadline)) waiter.refuse();
    }
    return this.#refusal(expectedWaitMs);
  }

  #refusal(expectedWaitMs: number) {
    const retryAfterSeconds = Math.max(1, Math.ceil(expectedWaitMs / 1000));
    return apiError(
      "OVERLOADED",
      `The server has more CallFire calls waiting than it can make in time; nothing was sent. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
}
