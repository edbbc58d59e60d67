// Fault injection for /v2 (never /sandbox/*): added latency, random 5xx, 429 with Retry-After, requests
// that never get an answer, and a deterministic "fail the next N requests".
import type { RequestHandler } from "express";
import { ApiError, INTERNAL_CODES, badRequest } from "../domain/api-error.js";
import { sendError } from "./errors.js";

export interface FaultSettings {
  /** Added before every /v2 response. */
  latencyMs: number;
  /** Share of requests (0..1) answered with `errorStatus`. */
  errorRate: number;
  errorStatus: number;
  /** Share of requests (0..1) answered 429 with a Retry-After of `retryAfterSeconds`. */
  rateLimitRate: number;
  retryAfterSeconds: number;
  /** Share of requests (0..1) that are never answered (until the client gives up or the sandbox stops). */
  hangRate: number;
  /** The next `count` requests fail with `status`, whatever the rates say. */
  failNext: { count: number; status: number } | null;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 500,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  hangRate: 0,
  failNext: null,
};

export const FAULT_ENV = {
  latencyMs: "SANDBOX_LATENCY_MS",
  errorRate: "SANDBOX_ERROR_RATE",
  errorStatus: "SANDBOX_ERROR_STATUS",
  rateLimitRate: "SANDBOX_RATE_LIMIT_RATE",
  retryAfterSeconds: "SANDBOX_RETRY_AFTER",
  hangRate: "SANDBOX_HANG_RATE",
} as const satisfies Record<Exclude<keyof FaultSettings, "failNext">, string>;

const RATES = ["errorRate", "rateLimitRate", "hangRate"] as const;

/** Checks a partial update (from the admin endpoint or the environment); throws 400 on a bad value. */
export function validateFaults(raw: unknown): Partial<FaultSettings> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    throw badRequest("faults must be an object");
  const input = raw as Record<string, unknown>;
  const out: Partial<FaultSettings> = {};
  const number = (key: keyof FaultSettings, min: number, max: number, integer: boolean) => {
    const value = input[key];
    if (value === undefined) return;
    if (typeof value !== "number" || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw badRequest(`${key} must be ${integer ? "an integer" : "a number"} in [${min}, ${max}]`);
    }
    (out as Record<string, number>)[key] = value;
  };
  number("latencyMs", 0, 600_000, true);
  for (const rate of RATES) number(rate, 0, 1, false);
  number("errorStatus", 500, 599, true);
  number("retryAfterSeconds", 0, 86_400, true);
  if (input.failNext !== undefined) {
    const failNext = input.failNext as { count?: unknown; status?: unknown } | null;
    if (failNext !== null) {
      const { count, status } = failNext;
      if (!Number.isInteger(count) || (count as number) < 0)
        throw badRequest("failNext.count must be an integer >= 0");
      if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
        throw badRequest("failNext.status must be an HTTP status in [400, 599]");
      }
    }
    out.failNext =
      failNext === null ? null : { count: failNext.count as number, status: failNext.status as number };
  }
  const unknown = Object.keys(input).filter((key) => !(key in NO_FAULTS));
  if (unknown.length > 0) throw badRequest(`Unknown fault settings: ${unknown.join(", ")}`);
  return out;
}

/** Fault settings from SANDBOX_* environment variables (see FAULT_ENV). */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<FaultSettings> {
  const raw: Record<string, number> = {};
  for (const [key, variable] of Object.entries(FAULT_ENV)) {
    const text = env[variable];
    if (text === undefined || text === "") continue;
    const value = Number(text);
    if (Number.isNaN(value)) throw new Error(`${variable} must be a number, got "${text}"`);
    raw[key] = value;
  }
  try {
    return validateFaults(raw);
  } catch (error) {
    throw new Error(`Invalid fault environment: ${(error as Error).message}`);
  }
}

function injected(status: number, retryAfterSeconds: number): ApiError {
  if (status === 429) {
    return new ApiError(
      429,
      INTERNAL_CODES.rateLimited,
      "Rate limit reached",
      `Retry after ${retryAfterSeconds} s`,
    );
  }
  return new ApiError(
    status,
    INTERNAL_CODES.injected,
    "Injected fault",
    `Sandbox fault injection: HTTP ${status}`,
  );
}

export class FaultController {
  private current: FaultSettings;

  constructor(
    initial: Partial<FaultSettings> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.current = { ...NO_FAULTS, ...validateFaults(initial) };
  }

  get settings(): FaultSettings {
    return { ...this.current };
  }

  update(changes: Partial<FaultSettings>): FaultSettings {
    this.current = { ...this.current, ...changes };
    return this.settings;
  }

  reset(): FaultSettings {
    this.current = { ...NO_FAULTS };
    return this.settings;
  }

  middleware(): RequestHandler {
    return (_req, res, next) => {
      const settings = this.current;
      if (settings.hangRate > 0 && this.random() < settings.hangRate) return;
      let failure: number | undefined;
      if (settings.failNext !== null && settings.failNext.count > 0) {
        failure = settings.failNext.status;
        const count = settings.failNext.count - 1;
        this.current = { ...settings, failNext: count > 0 ? { count, status: failure } : null };
      } else if (settings.rateLimitRate > 0 && this.random() < settings.rateLimitRate) {
        failure = 429;
      } else if (settings.errorRate > 0 && this.random() < settings.errorRate) {
        failure = settings.errorStatus;
      }
      const answer = () => {
        if (failure === undefined) return next();
        if (failure === 429) res.setHeader("Retry-After", String(settings.retryAfterSeconds));
        sendError(res, injected(failure, settings.retryAfterSeconds));
      };
      if (settings.latencyMs > 0) setTimeout(answer, settings.latencyMs).unref();
      else answer();
    };
  }
}
