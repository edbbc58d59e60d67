// The one got instance of the process: base URL, JSON with exact int64s, per-attempt timeout, keep-alive
// sockets and the retry policy (ARCHITECTURE.md). It holds no credentials: each call sends its own.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import got, { type Got } from "got";
import { parseCallFireJson, stringifyCallFireJson } from "./callfire-json.js";

export interface CallFireHttpConfig {
  /** CallFire base URL, e.g. https://api.callfire.com/v2; it must not carry credentials. */
  baseUrl: string;
  /** How long one attempt may take. */
  timeoutMs?: number;
  /** How often a failed GET is tried again; writes are never retried. */
  retryLimit?: number;
  /** The first retry's delay; it doubles with each further attempt, up to maxRetryDelayMs. */
  retryBaseDelayMs?: number;
  /** The longest wait before a retry, also the longest Retry-After honoured (a longer one fails at once). */
  maxRetryDelayMs?: number;
  /** Most connections open to CallFire at once; further calls queue, so a burst cannot flood CallFire. */
  maxConnections?: number;
}

/** 408, 429 and every 5xx: the answers that say "try again later". */
const RETRY_STATUS_CODES = [408, 429, ...Array.from({ length: 100 }, (_, index) => 500 + index)];

export function createCallFireHttp(config: CallFireHttpConfig): Got {
  const {
    timeoutMs = 10_000,
    retryLimit = 2,
    retryBaseDelayMs = 500,
    maxRetryDelayMs = 5_000,
    maxConnections = 32,
  } = config;
  const url = new URL(config.baseUrl);
  if (url.username || url.password) {
    throw new Error("The CallFire base URL must not contain credentials; they are sent per request");
  }
  return got.extend({
    prefixUrl: url.toString(),
    responseType: "json",
    parseJson: parseCallFireJson,
    stringifyJson: stringifyCallFireJson,
    throwHttpErrors: true,
    timeout: { request: timeoutMs },
    agent: {
      http: new HttpAgent({ keepAlive: true, maxSockets: maxConnections }),
      https: new HttpsAgent({ keepAlive: true, maxSockets: maxConnections }),
    },
    headers: { accept: "application/json", "user-agent": "callfire-graph" },
    retry: {
      limit: retryLimit,
      // Only reads: a retried POST /texts would send the SMS twice.
      methods: ["GET"],
      statusCodes: RETRY_STATUS_CODES,
      maxRetryAfter: maxRetryDelayMs,
      // got applies limit, methods, codes and maxRetryAfter first; we only choose the delay.
      enforceRetryRules: true,
      calculateDelay: ({ attemptCount, retryAfter, computedValue }) =>
        retryAfter
          ? computedValue
          : Math.min(retryBaseDelayMs * 2 ** (attemptCount - 1), maxRetryDelayMs) *
            (0.75 + Math.random() / 2),
    },
  });
}
