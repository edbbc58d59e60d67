// Starts the whole graph for a test: a sandbox (in-memory), a recording proxy in front of it (so tests
// see every CallFire call), and the server pointed at the proxy, all on 127.0.0.1 and free ports.
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/index.js";
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { startRecordingProxy, type RecordingProxy } from "./recording-proxy.js";

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
  const sandbox = await startSandbox({ dbPath: ":memory:", ...options.sandbox });
  const upstream = await startRecordingProxy(sandbox.origin);
  const logs: string[] = [];
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CALLFIRE_API_URL: `${upstream.origin}/v2`,
    CALLFIRE_API_LOGIN: sandbox.login,
    CALLFIRE_API_PASSWORD: sandbox.password,
    CALLFIRE_RETRY_LIMIT: "1",
    CALLFIRE_TIMEOUT_MS: "2000",
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const app = await startApp(
    config,
    createLogger(config.logLevel, (line) => logs.push(line)),
  );
  return {
    app,
    sandbox,
    upstream,
    logs,
    stop: async () => {
      await app.stop();
      await upstream.stop();
      await sandbox.stop();
    },
  };
}
