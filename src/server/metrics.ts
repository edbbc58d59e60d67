// The Metrics of src/core/metrics.ts over prom-client, plus its default process metrics (memory, CPU,
// event-loop lag, GC, handles). One registry per app, made at start-up: never prom-client's global one,
// so two apps in one process (tests, the bench) keep their own counts.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Metrics } from "../core/metrics.js";

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricsRegistry extends Metrics {
  /** The Content-Type of the exposition (Prometheus text format 0.0.4). */
  readonly contentType: string;
  /** Everything recorded so far, in the Prometheus text format. */
  render(): Promise<string>;
}

export function createMetrics(): MetricsRegistry {
  const registers = [new Registry()];
  collectDefaultMetrics({ register: registers[0] });
  return {
    graphqlRequests: new Counter({
      name: "graphql_requests_total",
      help: "GraphQL operations served, by type and outcome.",
      labelNames: ["operation_type", "outcome"],
      registers,
    }),
    graphqlErrors: new Counter({
      name: "graphql_errors_total",
      help: "Errors returned to clients, by extensions.code.",
      labelNames: ["code"],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time to answer a GraphQL operation.",
      labelNames: ["operation_type"],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    callfireCalls: new Counter({
      name: "callfire_calls_total",
      help: "CallFire calls, by API method and outcome.",
      labelNames: ["method", "outcome"],
      registers,
    }),
    callfireDuration: new Histogram({
      name: "callfire_call_duration_seconds",
      help: "Time of one CallFire call, retries included.",
      labelNames: ["method"],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    wsConnections: new Gauge({
      name: "graphql_ws_connections",
      help: "Open GraphQL WebSocket (graphql-ws) connections.",
      registers,
    }),
    subscriptions: new Gauge({
      name: "graphql_subscriptions",
      help: "GraphQL subscriptions running.",
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "callfire_webhook_deliveries_total",
      help: "CallFire webhook deliveries received: accepted, or why they were refused.",
      labelNames: ["outcome"],
      registers,
    }),
    webhookEvents: new Counter({
      name: "callfire_webhook_events_total",
      help: "Events of accepted webhook deliveries: published, or repeated (a redelivery, not published again).",
      labelNames: ["outcome"],
      registers,
    }),
    contentType: registers[0].contentType,
    render: () => registers[0].metrics(),
  };
}
