// Server configuration, read once from the environment at start-up (every variable: README, "Configuration").
import { DEFAULT_REQUEST_DEADLINE_MS } from "../../datasources/request-deadline.js";

export interface ServerConfig {
  port: number;
  host: string;
  /** CallFire base URL; undefined means "start the embedded sandbox and use it". */
  callfireApiUrl?: string;
  /** The server's own CallFire API credentials; a request's Authorization header overrides them. */
  callfireLogin?: string;
  callfirePassword?: string;
  /** How long one CallFire call may take, per attempt. */
  upstreamTimeoutMs: number;
  /** How long one GraphQL request may spend on CallFire: all its calls, retries and waits together. */
  requestDeadlineMs: number;
  /** Most admitted requests with CallFire calls open at once; a new one beyond it is refused with OVERLOADED. */
  upstreamMaxRequests: number;
  /** Most bytes of one CallFire answer, as received and decompressed. */
  upstreamMaxResponseBytes: number;
  /** How often a failed GET is retried; writes are never retried. */
  upstreamRetryLimit: number;
  /** Ask CallFire for only the fields each operation reads (its `fields` parameter). */
  partialResponses: boolean;
  /** Consecutive CallFire failures that pause calls (0: never); how long they stay paused. */
  circuitBreakerFailures: number;
  circuitBreakerOpenMs: number;
  /** Most connections open to CallFire at once. */
  upstreamMaxConnections: number;
  /** Most CallFire calls one GraphQL request may make; beyond it fields fail with BAD_USER_INPUT. */
  maxUpstreamCallsPerRequest: number;
  /** Deepest field nesting an operation may have. */
  maxQueryDepth: number;
  production: boolean;
  /** Redis for state shared by replicas; undefined: kept in this process. */
  redisUrl?: string;
  /** Prepended to every Redis key and channel. */
  redisKeyPrefix: string;
  /** How long /ready answers 503 before the server stops accepting, on SIGTERM. */
  shutdownDelayMs: number;
  /** Whether clients may introspect the schema; a router composes through _service either way. */
  introspection: boolean;
  logLevel: LogLevel;
  /** Origins allowed by CORS besides Apollo Studio and localhost. */
  corsOrigins: string[];
  /** Where CallFire reaches this server for webhooks (live updates); unset: only with the embedded sandbox. */
  publicUrl?: string;
  /** Derives each account's webhook secret and callback path; the same on every replica. */
  webhookSecret?: string;
  /** Most events that may wait for one slow subscriber before its connection is closed. */
  subscriptionQueueLimit: number;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new Error(`${name} must be true or false; got "${env[name]}"`);
}

function url(
  env: NodeJS.ProcessEnv,
  name: string,
  example = "https://api.callfire.com/v2",
): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute URL such as ${example}; got "${raw}"`);
  }
  if (parsed.username || parsed.password) {
    throw new Error(`${name} must not contain credentials; use CALLFIRE_API_LOGIN and CALLFIRE_API_PASSWORD`);
  }
  return parsed.toString().replace(/\/+$/, "");
}

function redisUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return undefined;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below, without echoing a URL that may hold a password
  }
  if (protocol !== "redis:" && protocol !== "rediss:") {
    throw new Error("REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://redis:6379");
  }
  return raw;
}

/** A production server on the fake sandbox serves made-up data: only when asked for in so many words. */
function checkProductionUpstream(env: NodeJS.ProcessEnv, production: boolean, apiUrl: string | undefined) {
  if (production && !apiUrl && !boolean(env, "CALLFIRE_SANDBOX", false)) {
    throw new Error(
      "NODE_ENV=production needs CALLFIRE_API_URL (e.g. https://api.callfire.com/v2); without it the server would serve the embedded sandbox's fake data. Set CALLFIRE_SANDBOX=true to run on the sandbox on purpose.",
    );
  }
}

/** At least 32 characters: it is the key every account's webhook secret is derived from. */
function webhookSecret(env: NodeJS.ProcessEnv, publicUrl: string | undefined): string | undefined {
  const secret = env.WEBHOOK_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new Error(
      "WEBHOOK_SECRET must be at least 32 characters, e.g. the output of `openssl rand -hex 32`",
    );
  }
  if (publicUrl !== undefined && secret === undefined) {
    throw new Error(
      "PUBLIC_URL is set but WEBHOOK_SECRET is not: set WEBHOOK_SECRET (at least 32 characters, the same on every replica) so that CallFire's webhooks can be verified",
    );
  }
  return secret;
}

/** Settings no longer read: refused by name, since a deployment still setting one would silently lose it. */
const REPLACED_SETTINGS: Record<string, string> = {
  CALLFIRE_MAX_QUEUE:
    "CALLFIRE_MAX_QUEUE is no longer read: set CALLFIRE_MAX_REQUESTS instead (how many requests may have CallFire calls waiting or in flight)",
};

function refuseReplacedSettings(env: NodeJS.ProcessEnv): void {
  const name = Object.keys(REPLACED_SETTINGS).find((setting) => env[setting] !== undefined);
  if (name) throw new Error(REPLACED_SETTINGS[name]);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  refuseReplacedSettings(env);
  const logLevel = (env.LOG_LEVEL ?? "info") as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got "${env.LOG_LEVEL}"`);
  }
  const login = env.CALLFIRE_API_LOGIN || undefined;
  const password = env.CALLFIRE_API_PASSWORD || undefined;
  if (Boolean(login) !== Boolean(password)) {
    throw new Error("Set both CALLFIRE_API_LOGIN and CALLFIRE_API_PASSWORD, or neither");
  }
  const production = env.NODE_ENV === "production";
  const callfireApiUrl = url(env, "CALLFIRE_API_URL");
  checkProductionUpstream(env, production, callfireApiUrl);
  const publicUrl = url(env, "PUBLIC_URL", "https://graph.example.com");
  const upstreamMaxConnections = integer(env, "CALLFIRE_MAX_CONNECTIONS", 32, 1, 1000);
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || "127.0.0.1",
    callfireApiUrl,
    callfireLogin: login,
    callfirePassword: password,
    upstreamTimeoutMs: integer(env, "CALLFIRE_TIMEOUT_MS", 10_000, 100, 120_000),
    upstreamRetryLimit: integer(env, "CALLFIRE_RETRY_LIMIT", 4, 0, 5),
    requestDeadlineMs: integer(
      env,
      "CALLFIRE_REQUEST_DEADLINE_MS",
      DEFAULT_REQUEST_DEADLINE_MS,
      100,
      120_000,
    ),
    upstreamMaxResponseBytes: integer(env, "CALLFIRE_MAX_RESPONSE_BYTES", 10 * 1024 * 1024, 1024, 1024 ** 3),
    partialResponses: boolean(env, "CALLFIRE_PARTIAL_RESPONSES", true),
    upstreamMaxConnections,
    upstreamMaxRequests: integer(env, "CALLFIRE_MAX_REQUESTS", upstreamMaxConnections, 1, 100_000),
    circuitBreakerFailures: integer(env, "CALLFIRE_CIRCUIT_FAILURES", 10, 0, 10_000),
    circuitBreakerOpenMs: integer(env, "CALLFIRE_CIRCUIT_OPEN_MS", 5000, 100, 600_000),
    maxUpstreamCallsPerRequest: integer(env, "MAX_CALLFIRE_CALLS_PER_REQUEST", 500, 1, 100_000),
    maxQueryDepth: integer(env, "MAX_QUERY_DEPTH", 12, 2, 100),
    production,
    redisUrl: redisUrl(env),
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? "callfire-graph:",
    shutdownDelayMs: integer(env, "SHUTDOWN_DELAY_MS", 0, 0, 5000),
    introspection: boolean(env, "GRAPHQL_INTROSPECTION", !production),
    logLevel,
    publicUrl,
    webhookSecret: webhookSecret(env, publicUrl),
    subscriptionQueueLimit: integer(env, "SUBSCRIPTION_QUEUE_LIMIT", 100, 1, 10_000),
    corsOrigins: (env.CORS_ORIGINS ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
