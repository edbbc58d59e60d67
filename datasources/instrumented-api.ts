// Wraps a request's CallFire API: every call is counted against the request's budget (so one deeply
// nested query cannot turn into thousands of CallFire calls), passes the process's circuit breaker (so a
// CallFire outage fails fast; only CallFire's own faults count, never our queueing, a request's deadline
// or a client that left), and is timed and recorded in the metrics.
import type { CallFireApi } from "./callfire-api.js";
import { apiError, errorCode, UpstreamFault } from "../src/core/errors.js";
import type { Logger } from "../src/core/logger.js";
import type { CallOutcome, CircuitBreaker } from "../src/state/circuit-breaker.js";
import type { Metrics } from "../src/core/metrics.js";

export interface InstrumentationOptions {
  maxCalls: number;
  breaker: CircuitBreaker;
  metrics: Metrics;
  log: Logger;
}

/** A fault counts against CallFire; any other answer from CallFire (it carries its status) proves it up. */
function healthOf(error: unknown): CallOutcome {
  if (error instanceof UpstreamFault) return "failed";
  const upstream = (error as { extensions?: { upstream?: unknown } } | null)?.extensions?.upstream;
  return upstream === undefined ? "unknown" : "answered";
}

export function instrumentApi(
  api: CallFireApi,
  { maxCalls, breaker, metrics, log }: InstrumentationOptions,
): CallFireApi {
  let calls = 0;
  return new Proxy(api, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== "function") return member;
      const method = String(property);
      return async (...args: unknown[]) => {
        calls += 1;
        if (calls > maxCalls) {
          metrics.callfireCalls.inc({ method, outcome: "OVER_BUDGET" });
          throw apiError(
            "BAD_USER_INPUT",
            `This operation needs more than ${maxCalls} CallFire calls. Ask for fewer items (a smaller limit) or fewer nested fields, or split it into several operations.`,
          );
        }
        try {
          breaker.beforeCall();
        } catch (error) {
          metrics.callfireCalls.inc({ method, outcome: "CIRCUIT_OPEN" });
          throw error;
        }
        const started = performance.now();
        let outcome = "OK";
        let health: CallOutcome = "answered";
        try {
          return await member.apply(target, args);
        } catch (error) {
          outcome = errorCode(error) ?? "UNEXPECTED";
          health = healthOf(error);
          throw error;
        } finally {
          breaker.afterCall(health);
          const seconds = (performance.now() - started) / 1000;
          metrics.callfireCalls.inc({ method, outcome });
          metrics.callfireDuration.observe({ method }, seconds);
          log.debug("callfire call", { method, outcome, durationMs: Math.round(seconds * 1000) });
        }
      };
    },
  });
}
