// The HTTP server: Apollo Server 5 at /graphql (from node:http, graphql-http.ts), and express 5 for an
// offline GraphiQL at /graphiql, the /health, /ready and /metrics endpoints, the webhooks, and JSON errors
// for everything else. What a request's context holds is decided by app.ts (the context factory); this
// file only serves, and drains on stop.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import express, { type RequestHandler } from "express";
import type { GraphQLSchema } from "graphql";
import type { Logger } from "../core/logger.js";
import type { Context } from "../../resolvers/context.js";
import type { createContextFactory } from "../graphql/context-factory.js";
import { depthLimitRule } from "../graphql/depth-limit.rule.js";
import { noSubscriptionOverHttpRule } from "../graphql/no-http-subscriptions.rule.js";
import { loadRefusalPlugin } from "../graphql/load-refusal.plugin.js";
import { fieldProjectionPlugin } from "../../datasources/projection/field-projection.plugin.js";
import { createFormatError } from "../graphql/format-error.js";
import { inlineTracePlugin } from "../graphql/inline-trace.plugin.js";
import { noStorePlugin } from "../graphql/no-store.plugin.js";
import { graphiqlHandler } from "./graphiql-page.js";
import { graphqlHttpHandler, isGraphQLPath } from "./graphql-http.js";
import { jsonErrorHandler, notFound } from "./http-errors.js";
import { landingPagePlugin } from "./landing-page.plugin.js";
import type { MetricsRegistry } from "./metrics.js";
import { requestLogPlugin } from "../graphql/request-log.plugin.js";
import type { StringCache } from "../state/redis-persisted-queries.js";
import type { ReadinessReport } from "./readiness.js";
import { responseStatusPlugin } from "../graphql/response-status.plugin.js";

/** Most tokens a GraphQL document may have. */
export const MAX_DOCUMENT_TOKENS = 10_000;
import { startWebSocketSubscriptions } from "../live/websocket-subscriptions.js";

/** Idle WebSocket connections are pinged this often; one that does not answer is closed. */
const KEEP_ALIVE_MS = 12_000;
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 20;

export interface ServerOptions {
  schema: GraphQLSchema;
  /** Builds each request's context. */
  context: ReturnType<typeof createContextFactory>;
  /** Where CallFire delivers webhooks (live updates). */
  webhooks: RequestHandler;
  /** Which dependencies answer, for /ready. */
  readiness: () => Promise<ReadinessReport>;
  /** Apollo's cache (persisted queries); unset: Apollo's in-memory one. */
  cache?: StringCache;
  /** On stop: how long /ready answers 503 while still serving, then how long in-flight requests get. */
  shutdown: { delayMs: number; graceMs: number };
  log: Logger;
  metrics: MetricsRegistry;
  port: number;
  host: string;
  production: boolean;
  introspection: boolean;
  corsOrigins: readonly string[];
  maxQueryDepth: number;
}

export interface RunningServer {
  url: string;
  origin: string;
  /** /ready answers 503 at once; after the delay no new connection is accepted and in-flight requests finish. */
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  // Requests are routed once Apollo has started (below); the server listens only after that.
  const httpServer = http.createServer();
  const formatError = createFormatError(options.log);
  const validationRules = [depthLimitRule(options.maxQueryDepth)];
  // Subscriptions: graphql-ws on the same port and path as queries.
  const subscriptions = startWebSocketSubscriptions({
    httpServer,
    path: "/graphql",
    schema: options.schema,
    context: options.context,
    validationRules,
    formatError,
    maxSubscriptionsPerConnection: MAX_SUBSCRIPTIONS_PER_CONNECTION,
    keepAliveMs: KEEP_ALIVE_MS,
    metrics: options.metrics,
    log: options.log,
  });

  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    cache: options.cache,
    introspection: options.introspection,
    // Our own rule instead (csrf-guard.ts): Apollo's also refuses GET queries without a custom header,
    // which urql sends by default and which carry no risk here.
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    // main.ts stops everything (server and sandbox) on SIGINT/SIGTERM; Apollo's own handler would stop
    // only itself and then re-raise the signal, killing the process mid-shutdown.
    stopOnTerminationSignals: false,
    formatError: createFormatError(options.log),
    validationRules: [depthLimitRule(options.maxQueryDepth), noSubscriptionOverHttpRule],
    // Refused while parsing, before validation: its recursion over a long chain of fragments would
    // overflow the stack (HTTP 500). The dashboard is ~100 tokens, GraphiQL's introspection ~1,000.
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdown.graceMs }),
      // Stopping closes every WebSocket (1001 Going away): upgraded sockets are not the HTTP server's.
      { serverWillStart: async () => ({ drainServer: () => subscriptions.close() }) },
      // Federation traces for a router that asks; Apollo's own always-on plugin is kept out.
      ApolloServerPluginInlineTraceDisabled(),
      inlineTracePlugin<Context>(),
      options.production ? ApolloServerPluginLandingPageDisabled() : landingPagePlugin(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      loadRefusalPlugin(),
      responseStatusPlugin(),
      requestLogPlugin(options.metrics),
      fieldProjectionPlugin(),
    ],
  });
  await apollo.start();
  const serveGraphQL = graphqlHttpHandler({
    apollo,
    context: options.context,
    corsOrigins: options.corsOrigins,
    log: options.log,
  });
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (isGraphQLPath(req.url)) serveGraphQL(req, res);
    else app(req, res);
  });

  app.get("/health", (_req, res) => {
    res.json({ status: "ok" });
  });
  let draining = false;
  app.get("/ready", async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: "draining" });
      return;
    }
    const report = await options.readiness();
    // Without Redis, reads still work and only keyed sends are refused: a replica stays in rotation
    // ("degraded"), or an outage of the shared Redis would pull every replica at once.
    const status =
      report.down.length === 0 ? "ready" : report.down.includes("callfire") ? "unavailable" : "degraded";
    res.status(status === "unavailable" ? 503 : 200).json({ status, ...report });
  });

  app.get("/metrics", async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.render());
  });

  // GraphiQL needs introspection; where that is off (production's default) the page is off too.
  if (options.introspection) app.get("/graphiql", graphiqlHandler());

  app.use(options.webhooks);

  app.use(notFound);
  app.use(jsonErrorHandler(options.log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const hostForUrl = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  const origin = `http://${hostForUrl}:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    draining = true;
    await new Promise((resolve) => setTimeout(resolve, options.shutdown.delayMs));
    await apollo.stop();
  };
  return { origin, url: `${origin}/graphql`, stop: () => (stopping ??= stop()) };
}
