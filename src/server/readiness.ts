// /ready: every dependency this replica needs, and which of them is down. CallFire's check is reused
// for a few seconds (upstream-check.ts); Redis answers a PING.
import type { RedisStatus } from "../state/redis-connection.js";
import type { UpstreamStatus } from "./upstream-check.js";

export interface ReadinessReport {
  /** The dependencies that do not answer: "callfire", "redis". */
  down: string[];
  upstream: UpstreamStatus;
  redis?: RedisStatus;
}

export function createReadiness(checks: {
  upstream: () => Promise<UpstreamStatus>;
  redis?: () => Promise<RedisStatus>;
}): () => Promise<ReadinessReport> {
  return async () => {
    const [upstream, redis] = await Promise.all([checks.upstream(), checks.redis?.()]);
    const down = [
      ...(upstream.reachable ? [] : ["callfire"]),
      ...(redis && !redis.reachable ? ["redis"] : []),
    ];
    return { down, upstream, ...(redis ? { redis } : {}) };
  };
}
