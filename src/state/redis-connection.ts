// One Redis connection (ioredis) set up to fail fast: while Redis is unreachable a command fails at once
// instead of queueing, so a request never waits on Redis, and the connection keeps reconnecting in the
// background, so the service recovers by itself when Redis returns.
import { Redis } from "ioredis";
import type { Logger } from "../core/logger.js";

export interface RedisConnectionOptions {
  url: string;
  /** Names the connection in logs ("commands", "subscriber"). */
  role: string;
  log: Logger;
  /** Longest wait for one command's answer. */
  commandTimeoutMs?: number;
}

/** The reconnect delay: grows with each attempt, at most one second, never gives up. */
const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 1000);

export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    retryStrategy: reconnectDelay,
    lazyConnect: true,
  });
  const log = options.log.child({ component: "redis", role: options.role });
  // ioredis reports every failed reconnect attempt; one line when Redis goes away, one when it is back.
  let down = false;
  redis.on("ready", () => {
    log.info(down ? "redis reachable again" : "redis connected");
    down = false;
  });
  const wentDown = (reason: string) => {
    if (down) return;
    down = true;
    log.warn("redis unreachable; reconnecting in the background", { reason });
  };
  redis.on("error", (error: Error) => wentDown(error.message));
  redis.on("close", () => wentDown("connection closed"));
  return redis;
}

/** Connects, waiting at most `timeoutMs`: start-up goes on without Redis and it connects later. */
export async function connectRedis(redis: Redis, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const connected = redis.connect().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([connected, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ends the connection: QUIT when connected (pending replies arrive first), else at once. */
export async function closeRedis(redis: Redis): Promise<void> {
  redis.removeAllListeners("close"); // our own close is no outage
  if (redis.status === "ready") {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through: the connection is going away anyway
    }
  }
  redis.disconnect(false);
}

export interface RedisStatus {
  reachable: boolean;
  error?: string;
}

/** Whether Redis answers a PING now. */
export async function pingRedis(redis: Redis): Promise<RedisStatus> {
  try {
    await redis.ping();
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : "no answer" };
  }
}
