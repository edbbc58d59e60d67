// The graph on the sandbox with the recording proxy between them, all on 127.0.0.1 and free ports: every
// CallFire call (and its response bytes) the graph makes is recorded. Shared by the tests and the
// benchmarks, which differ only in settings (log level, retries, the sandbox's delivery timer).
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../sandbox/index.js";
import { startApp, type RunningApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { createLogger, type LogSink } from "../src/server/logger.js";
import { startRecordingProxy, type RecordingProxy } from "./recording-proxy.js";

export interface SandboxBehindProxy {
  sandbox: RunningSandbox;
  proxy: RecordingProxy;
  stop(): Promise<void>;
}

export async function startSandboxBehindProxy(options: SandboxOptions): Promise<SandboxBehindProxy> {
  const sandbox = await startSandbox(options);
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

/**
 * A graph whose CallFire is the proxy, signed in as the sandbox's account; `env` adds or overrides
 * configuration (logs are silent unless it sets LOG_LEVEL), `sink` receives each log line.
 */
export function startGraphOn(
  upstream: SandboxBehindProxy,
  env: Record<string, string> = {},
  sink?: LogSink,
): Promise<RunningApp> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CALLFIRE_API_URL: `${upstream.proxy.origin}/v2`,
    CALLFIRE_API_LOGIN: upstream.sandbox.login,
    CALLFIRE_API_PASSWORD: upstream.sandbox.password,
    LOG_LEVEL: "silent",
    ...env,
  });
  return startApp(config, createLogger(config.logLevel, sink));
}
