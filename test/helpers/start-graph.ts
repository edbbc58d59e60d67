// Starts the whole graph for a test: a sandbox (in-memory), a recording proxy in front of it (so tests
// see every CallFire call), and the server pointed at the proxy, all on 127.0.0.1 and free ports.
import type { RunningSandbox, SandboxOptions } from "../../sandbox/index.js";
import type { RunningApp } from "../../src/server/app.js";
import { startGraphOn, startSandboxBehindProxy } from "../../testing/graph-on-sandbox.js";
import type { RecordingProxy } from "../../testing/recording-proxy.js";

export interface TestGraph {
  app: RunningApp;
  sandbox: RunningSandbox;
  upstream: RecordingProxy;
  /** Every log line the server wrote (level debug), to check what reaches the logs. */
  logs: string[];
  stop(): Promise<void>;
}

export async function startTestGraph(
  options: { sandbox?: SandboxOptions; env?: Record<string, string> } = {},
): Promise<TestGraph> {
  const upstream = await startSandboxBehindProxy({ dbPath: ":memory:", ...options.sandbox });
  const logs: string[] = [];
  const app = await startGraphOn(
    upstream,
    { CALLFIRE_RETRY_LIMIT: "1", CALLFIRE_TIMEOUT_MS: "2000", LOG_LEVEL: "debug", ...options.env },
    (line) => logs.push(line),
  );
  return {
    app,
    sandbox: upstream.sandbox,
    upstream: upstream.proxy,
    logs,
    stop: async () => {
      await app.stop();
      await upstream.stop();
    },
  };
}
