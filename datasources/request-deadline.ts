// The time one GraphQL request may spend on CallFire, shared by all its calls, their retries and their
// waits for a connection (CALLFIRE_REQUEST_DEADLINE_MS), and the signal that abandons its calls: when the
// deadline passes, when the client goes away, once the answer is sent (a sibling of a failed non-null
// field may still be running then), or when the request is refused for load. Made per request by the
// context factory.
import { setMaxListeners } from "node:events";

/** Why a request's calls were abandoned. */
export type AbandonReason = "deadline" | "client-gone" | "answered" | "shed";

export class RequestDeadline {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #expiresAt: number;
  #reason: AbandonReason | undefined;

  constructor(readonly deadlineMs: number) {
    this.#expiresAt = performance.now() + deadlineMs;
    // Each of the request's waiting or in-flight calls listens; a request may make hundreds.
    setMaxListeners(0, this.#controller.signal);
    this.#timer = setTimeout(() => this.abandon("deadline"), deadlineMs);
    this.#timer.unref();
  }

  /** Aborts when the request's calls are abandoned; `reason` says why. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get reason(): AbandonReason | undefined {
    return this.#reason;
  }

  /** When the deadline passes (performance.now() time): the earlier, the sooner its calls are served. */
  get expiresAt(): number {
    return this.#expiresAt;
  }

  remainingMs(): number {
    return Math.max(0, this.#expiresAt - performance.now());
  }

  abandon(reason: AbandonReason): void {
    clearTimeout(this.#timer);
    if (this.#reason !== undefined) return;
    this.#reason = reason;
    // The reason, not a DOMException: building one (with its stack) cost more than the rest of abandoning.
    this.#controller.abort(reason);
  }
}

/** CALLFIRE_REQUEST_DEADLINE_MS's default: well under a router's usual 30 s subgraph timeout. */
export const DEFAULT_REQUEST_DEADLINE_MS = 20_000;
