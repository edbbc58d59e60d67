// The metrics port: what the graph records, by name and labels. src/server/metrics.ts implements it with
// prom-client and serves it on /metrics; tests may pass anything with the same shape.

export type MetricLabels = Record<string, string>;

export interface CounterMetric {
  inc(labels: MetricLabels, by?: number): void;
}

export interface HistogramMetric {
  observe(labels: MetricLabels, value: number): void;
}

export interface GaugeMetric {
  inc(): void;
  dec(): void;
}

export interface Metrics {
  /** graphql_requests_total{operation_type, outcome} */
  graphqlRequests: CounterMetric;
  /** graphql_errors_total{code}: the codes clients saw */
  graphqlErrors: CounterMetric;
  /** graphql_request_duration_seconds{operation_type} */
  graphqlDuration: HistogramMetric;
  /** callfire_calls_total{method, outcome} */
  callfireCalls: CounterMetric;
  /** callfire_call_duration_seconds{method} */
  callfireDuration: HistogramMetric;
  /** graphql_ws_connections: open WebSocket connections */
  wsConnections: GaugeMetric;
  /** graphql_subscriptions: subscriptions running */
  subscriptions: GaugeMetric;
  /** callfire_webhook_deliveries_total{outcome}: accepted, or why one was refused */
  webhookDeliveries: CounterMetric;
  /** callfire_webhook_events_total{outcome}: published, or repeated (a redelivery, dropped) */
  webhookEvents: CounterMetric;
}
