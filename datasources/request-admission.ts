// Whole-request admission: a GraphQL request is admitted with its first CallFire call, or refused at once
// as a whole with OVERLOADED (nothing sent). Once admitted, its calls wait their turn however long the line
// (connection-queue.ts sheds it whole only if one of them could no longer finish in time), so under
// overload answers are whole data or fast refusals rather than data with holes. A request is admitted
// while fewer than CALLFIRE_MAX_REQUESTS admitted requests have calls open (waiting or in flight), and
// when the work already promised, plus its own, either finds connections at once or can be done within
// ADMISSION_SHARE of its deadline at the pace calls are finishing. That work counts the calls in flight
// and waiting, and the calls admitted requests are still expected to make: a dashboard's list call is
// followed by one call per broadcast field. What a request makes is learnt from the requests answered
// (smoothed); before the first answer, the most calls a busy request has made so far stands for it.
import type { RequestDeadline } from "./request-deadline.js";

/**
 * The share of its deadline a new request's work may be expected to take: the rest is the margin for a
 * call slower than usual and for a request whose calls depend on earlier ones (its phases).
 */
const ADMISSION_SHARE = 0.75;

/** What the connections are doing now. */
export interface ConnectionLoad {
  connections: number;
  inUse: number;
  waiting: number;
  /** How long a call holds a connection, smoothed (0 before any call finished). */
  averageHoldMs: number;
}

interface Admitted {
  /** Calls it has made so far (retries included), and how many of them are waiting or in flight. */
  made: number;
  open: number;
}

export class RequestAdmission {
  readonly #maxRequests: number;
  readonly #admitted = new Map<RequestDeadline, Admitted>();
  /** CallFire calls an answered request made, smoothed; 0 until one was answered. */
  #averageCalls = 0;

  constructor(options: { maxRequests: number }) {
    this.#maxRequests = options.maxRequests;
  }

  isAdmitted(deadline: RequestDeadline): boolean {
    return this.#admitted.has(deadline);
  }

  /** Admits the request (undefined), or says in how many seconds to try again. */
  admit(deadline: RequestDeadline, load: ConnectionLoad): number | undefined {
    const busy = [...this.#admitted.values()].filter((request) => request.open > 0);
    if (busy.length >= this.#maxRequests) return Math.max(1, Math.ceil(load.averageHoldMs / 1000));
    const perRequest = this.#averageCalls || Math.max(0, ...busy.map((request) => request.made));
    const ownCalls = Math.max(1, perRequest);
    const promisedCalls = busy.reduce((sum, request) => sum + Math.max(0, perRequest - request.made), 0);
    const calls = load.inUse + load.waiting + promisedCalls + ownCalls;
    // Its own calls run in at least two phases (a list, then its items' fields): one hold more.
    const expectedMs = (calls / load.connections) * load.averageHoldMs + load.averageHoldMs;
    const allowedMs = ADMISSION_SHARE * deadline.remainingMs();
    // Load is the reason to refuse, not a slow CallFire: calls that all find a connection at once are let go.
    if (calls > load.connections && expectedMs > allowedMs) {
      return Math.max(1, Math.ceil((expectedMs - allowedMs) / 1000));
    }
    this.#admitted.set(deadline, { made: 0, open: 0 });
    deadline.signal.addEventListener("abort", () => this.#forget(deadline), { once: true });
    return undefined;
  }

  /** One of an admitted request's calls starts waiting or is given a connection. */
  opened(deadline: RequestDeadline): void {
    const request = this.#admitted.get(deadline);
    if (!request) return;
    request.made += 1;
    request.open += 1;
  }

  /** One of its calls ended, or stopped waiting. */
  closed(deadline: RequestDeadline): void {
    const request = this.#admitted.get(deadline);
    if (request) request.open -= 1;
  }

  #forget(deadline: RequestDeadline): void {
    const request = this.#admitted.get(deadline);
    this.#admitted.delete(deadline);
    // Only a request that ran its course says how many calls such requests make.
    if (!request || deadline.reason !== "answered") return;
    this.#averageCalls =
      this.#averageCalls === 0 ? request.made : 0.8 * this.#averageCalls + 0.2 * request.made;
  }
}
