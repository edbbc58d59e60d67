// Wires the whole service together: the upstream (real CallFire, or the embedded sandbox when no
// CALLFIRE_API_URL is set), the shared HTTP client, the state shared across requests (in memory or
// Redis), the subgraph schema and the HTTP server; and stops them in order.
import { createCallFireHttp } from "../../datasources/callfire-http.js";
import type { Credentials } from "../core/credentials.js";
import type { Logger } from "../core/logger.js";
import type { RunningSandbox, SandboxOptions } from "../../sandbox/index.js";
import { createCircuitBreaker } from "../state/circuit-breaker.js";
import { createContextFactory } from "../graphql/context-factory.js";
import type { ServerConfig } from "./config.js";
import { createSharedState } from "../state/shared-state.js";
import { createMetrics } from "./metrics.js";
import { buildSubgraph } from "../graphql/schema.js";
import { startServer } from "./server.js";
import { createReadiness } from "./readiness.js";
import { createReadinessCheck } from "./upstream-check.js";
import { bindLiveUpdates, type LiveUpdatesService } from "../live/live-updates.js";
import { createWebhookKeys } from "../live/webhook-keys.js";
import { webhookReceiver } from "../live/webhook-receiver.js";
import { createWebhookRegistrar } from "../live/webhook-registration.js";

export interface RunningApp {
  url: string;
  origin: string;
  upstream: { kind: "callfire" | "embedded-sandbox"; apiUrl: string };
  sandbox?: RunningSandbox;
  /** Drains the server, then closes Redis, CallFire connections and the embedded sandbox. */
  stop(): Promise<void>;
}

/** All of stop() stays under the 10 s a container runtime waits after SIGTERM before it kills. */
const STOP_BUDGET_MS = 9000;

export async function startApp(
  config: ServerConfig,
  log: Logger,
  sandboxOptions: SandboxOptions = {},
): Promise<RunningApp> {
  // Process-wide state that every request shares, made here rather than at module scope.
  const state = await createSharedState(config, log);
  let sandbox: RunningSandbox | undefined;
  let apiUrl = config.callfireApiUrl;
  let serverCredentials: Credentials | undefined =
    config.callfireLogin && config.callfirePassword
      ? { login: config.callfireLogin, password: config.callfirePassword }
      : undefined;

  try {
    if (!apiUrl) {
      // Loaded only when it runs: a server in front of real CallFire never holds the sandbox's code.
      const { startSandbox } = await import("../../sandbox/index.js");
      const sandboxLog = log.child({ component: "sandbox" });
      // One line per sandbox request is noise next to our own request log: keep it for LOG_LEVEL=debug.
      sandbox = await startSandbox({ log: (line) => sandboxLog.debug(line), ...sandboxOptions });
      apiUrl = sandbox.apiUrl;
      serverCredentials ??= { login: sandbox.login, password: sandbox.password };
    }

    const http = createCallFireHttp({
      baseUrl: apiUrl,
      timeoutMs: config.upstreamTimeoutMs,
      retryLimit: config.upstreamRetryLimit,
      maxConnections: config.upstreamMaxConnections,
      maxRequests: config.upstreamMaxRequests,
      maxResponseBytes: config.upstreamMaxResponseBytes,
    });
    const metrics = createMetrics();
    // Live updates: CallFire reaches us at PUBLIC_URL; the embedded sandbox at our own address.
    // Known once the server listens, before any subscription can arrive.
    const ownAddress: { origin?: string } = {};
    const keys = createWebhookKeys(config.webhookSecret);
    const { pubsub } = state;
    const live: LiveUpdatesService = {
      pubsub,
      registrar: createWebhookRegistrar({
        keys,
        baseUrl: () => config.publicUrl ?? (sandbox ? ownAddress.origin : undefined),
        log,
      }),
      maxQueued: config.subscriptionQueueLimit,
    };
    const context = createContextFactory({
      http,
      requestDeadlineMs: config.requestDeadlineMs,
      log,
      serverCredentials,
      metrics,
      maxUpstreamCalls: config.maxUpstreamCallsPerRequest,
      partialResponses: config.partialResponses,
      idempotencyStore: state.idempotency,
      breaker: createCircuitBreaker({
        failureThreshold: config.circuitBreakerFailures,
        openMs: config.circuitBreakerOpenMs,
      }),
      live: (caller, api, connection) => bindLiveUpdates(live, caller, api, connection),
    });
    const server = await startServer({
      schema: await buildSubgraph(),
      context,
      webhooks: webhookReceiver({ keys, pubsub, dedupe: state.deliveries, log, metrics }),
      readiness: createReadiness({
        upstream: createReadinessCheck(http, serverCredentials, log),
        redis: state.redisStatus,
      }),
      cache: state.cache,
      shutdown: { delayMs: config.shutdownDelayMs, graceMs: STOP_BUDGET_MS - config.shutdownDelayMs },
      log,
      metrics,
      port: config.port,
      host: config.host,
      production: config.production,
      introspection: config.introspection,
      corsOrigins: config.corsOrigins,
      maxQueryDepth: config.maxQueryDepth,
    });
    ownAddress.origin = server.origin;
    if (serverCredentials && (config.publicUrl || sandbox)) {
      // The server's own account gets its webhooks now; a client's on its first subscription.
      const { api } = await context({ req: { headers: {} } });
      live.registrar.register(serverCredentials, api).catch((error: unknown) => {
        log.warn(
          "live updates: could not register the server account's webhooks; the first subscription will retry",
          { error },
        );
      });
    }
    return {
      url: server.url,
      origin: server.origin,
      upstream: { kind: sandbox ? "embedded-sandbox" : "callfire", apiUrl },
      sandbox,
      stop: async () => {
        await server.stop();
        await state.close();
        http.close();
        await sandbox?.stop();
      },
    };
  } catch (error) {
    await state.close();
    await sandbox?.stop();
    throw error;
  }
}
