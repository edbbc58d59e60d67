// Fails fast while CallFire is down. After `failureThreshold` calls in a row end UPSTREAM_UNAVAILABLE
// (5xx after retries, timeouts, refused connections) the circuit opens: for `openMs` every call fails at
// once, instead of each request waiting out timeouts and retries and piling up under load. Then one trial
// call goes through; its success closes the circuit, its failure opens it again. Answers below 500 prove
// CallFire is up, so they count as successes. A call that ended without CallFire's say (refused for load,
// cut by its request's deadline, abandoned for a client that left) proves nothing either way and changes
// no count. One breaker per process: it is about CallFire's health, not any account's data.
import { apiError } from "../core/errors.js";

export interface CircuitBreakerOptions {
  /** Consecutive upstream failures that open the circuit; 0 turns the breaker off. */
  failureThreshold: number;
  /** How long the circuit stays open before a trial call. */
  openMs: number;
  now?: () => number;
}

/** What a call says about CallFire: it answered, it failed (an UpstreamFault), or nothing (no answer, not its fault). */
export type CallOutcome = "answered" | "failed" | "unknown";

export interface CircuitBreaker {
  /** Throws UPSTREAM_UNAVAILABLE while the circuit is open; otherwise lets the call go. */
  beforeCall(): void;
  /** What the call that was let through ended with. */
  afterCall(outcome: CallOutcome): void;
}

export function createCircuitBreaker({
  failureThreshold,
  openMs,
  now = Date.now,
}: CircuitBreakerOptions): CircuitBreaker {
  let failures = 0;
  let openUntil = 0;
  let trialInFlight = false;

  return {
    beforeCall() {
      if (failureThreshold === 0 || failures < failureThreshold) return;
      const time = now();
      if (time >= openUntil && !trialInFlight) {
        trialInFlight = true; // half-open: this call is the trial
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((openUntil - time) / 1000));
      throw apiError(
        "UPSTREAM_UNAVAILABLE",
        `CallFire failed ${failures} times in a row; calls are paused. Try again in ${retryAfterSeconds} s.`,
        { retryAfterSeconds },
      );
    },
    afterCall(outcome) {
      trialInFlight = false;
      if (outcome === "unknown") return;
      if (outcome === "answered") {
        failures = 0;
        return;
      }
      failures += 1;
      if (failureThreshold > 0 && failures >= failureThreshold) openUntil = now() + openMs;
    },
  };
}
