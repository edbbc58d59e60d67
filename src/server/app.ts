// Wires the whole service together: the upstream (real CallFire, or the embedded sandbox when no
// CALLFIRE_API_URL is set), the shared HTTP client, the subgraph schema and the HTTP server.
import { createCallFireHttp } from "../../datasources/callfire-http.js";
import type { Credentials } from "../core/credentials.js";
import type { Logger } from "../core/logger.js";
import type { RunningSandbox, SandboxOptions } from "../../sandbox/index.js";
import { createCircuitBreaker } from "../state/circuit-breaker.js";
import { createContextFactory } from "../graphql/context-factory.js";
import type { ServerConfig } from "./config.js";
import { createIdempotencyStore } from "../state/idempotency-store.js";
import { createMetrics } from "./metrics.js";
import { buildSubgraph } from "../graphql/schema.js";
import { startServer } from "./server.js";
import { createReadinessCheck } from "./upstream-check.js";

export interface RunningApp {
  url: string;
  origin: string;
  upstream: { kind: "callfire" | "embedded-sandbox"; apiUrl: string };
  sandbox?: RunningSandbox;
  stop(): Promise<void>;
}

export async function startApp(
  config: ServerConfig,
  log: Logger,
  sandboxOptions: SandboxOptions = {},
): Promise<RunningApp> {
  let sandbox: RunningSandbox | undefined;
  let apiUrl = config.callfireApiUrl;
  let serverCredentials: Credentials | undefined =
    config.callfireLogin && config.callfirePassword
      ? { login: config.callfireLogin, password: config.callfirePassword }
      : undefined;

  if (!apiUrl) {
    // Loaded only when it runs: a server in front of real CallFire never holds the sandbox's code.
    const { startSandbox } = await import("../../sandbox/index.js");
    const sandboxLog = log.child({ component: "sandbox" });
    // One line per sandbox request is noise next to our own request log: keep it for LOG_LEVEL=debug.
    sandbox = await startSandbox({ log: (line) => sandboxLog.debug(line), ...sandboxOptions });
    apiUrl = sandbox.apiUrl;
    serverCredentials ??= { login: sandbox.login, password: sandbox.password };
  }

  try {
    const http = createCallFireHttp({
      baseUrl: apiUrl,
      timeoutMs: config.upstreamTimeoutMs,
      retryLimit: config.upstreamRetryLimit,
      maxConnections: config.upstreamMaxConnections,
    });
    const metrics = createMetrics();
    const server = await startServer({
      schema: await buildSubgraph(),
      context: createContextFactory({
        http,
        log,
        serverCredentials,
        metrics,
        maxUpstreamCalls: config.maxUpstreamCallsPerRequest,
        partialResponses: config.partialResponses,
        // Process-wide state that every request shares, made here rather than at module scope.
        idempotencyStore: createIdempotencyStore(),
        breaker: createCircuitBreaker({
          failureThreshold: config.circuitBreakerFailures,
          openMs: config.circuitBreakerOpenMs,
        }),
      }),
      readiness: createReadinessCheck(http, serverCredentials),
      log,
      metrics,
      port: config.port,
      host: config.host,
      production: config.production,
      introspection: config.introspection,
      corsOrigins: config.corsOrigins,
      maxQueryDepth: config.maxQueryDepth,
    });
    return {
      url: server.url,
      origin: server.origin,
      upstream: { kind: sandbox ? "embedded-sandbox" : "callfire", apiUrl },
      sandbox,
      stop: async () => {
        await server.stop();
        await sandbox?.stop();
      },
    };
  } catch (error) {
    await sandbox?.stop();
    throw error;
  }
}
