// The graph and a seeded in-memory sandbox in this process, with the recording proxy between them so
// every CallFire call (and its response bytes) is counted. For exact counts only: timing benchmarks run
// the servers as child processes instead (child-servers.ts).
import { startSandbox, type RunningSandbox } from "../../sandbox/index.js";
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { startRecordingProxy, type RecordingProxy } from "../../test/helpers/recording-proxy.js";

export interface CountedUpstream {
  sandbox: RunningSandbox;
  proxy: RecordingProxy;
  stop(): Promise<void>;
}

export async function startCountedUpstream(): Promise<CountedUpstream> {
  // No delivery timer: the data stays the same for the whole benchmark.
  const sandbox = await startSandbox({ dbPath: ":memory:", deliveryIntervalMs: 0 });
  const proxy = await startRecordingProxy(sandbox.origin);
  return {
    sandbox,
    proxy,
    stop: async () => {
      await proxy.stop();
      await sandbox.stop();
    },
  };
}

/** A graph whose CallFire is the proxy; `env` adds configuration such as feature flags. */
export function startGraphOn(
  upstream: CountedUpstream,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CALLFIRE_API_URL: `${upstream.proxy.origin}/v2`,
    CALLFIRE_API_LOGIN: upstream.sandbox.login,
    CALLFIRE_API_PASSWORD: upstream.sandbox.password,
    // A retry would count twice; there are no faults here, so a failure should surface at once.
    CALLFIRE_RETRY_LIMIT: "0",
    LOG_LEVEL: "silent",
    ...env,
  });
  return startApp(config, createLogger(config.logLevel));
}
