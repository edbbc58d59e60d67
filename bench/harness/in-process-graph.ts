// The graph and a seeded in-memory sandbox in this process, with the recording proxy between them so
// every CallFire call (and its response bytes) is counted. For exact counts only: timing benchmarks run
// the servers as child processes instead (child-servers.ts).
import type { RunningApp } from "../../src/server/app.js";
import {
  startGraphOn,
  startSandboxBehindProxy,
  type SandboxBehindProxy,
} from "../../testing/graph-on-sandbox.js";

export function startCountedUpstream(): Promise<SandboxBehindProxy> {
  // No delivery timer: the data stays the same for the whole benchmark.
  return startSandboxBehindProxy({ dbPath: ":memory:", deliveryIntervalMs: 0 });
}

/** A graph whose CallFire is the proxy; `env` adds configuration such as feature flags. */
export function startCountedGraph(
  upstream: SandboxBehindProxy,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  // A retry would count twice; there are no faults here, so a failure should surface at once.
  return startGraphOn(upstream, { CALLFIRE_RETRY_LIMIT: "0", ...env });
}
