// A small Prometheus registry (text exposition format 0.0.4): counters and histograms with labels.
// One registry per process, created at start-up and passed to whoever records.

type Labels = Record<string, string>;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function labelKey(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, value]) =>
        `${name}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`,
    )
    .join(",");
}

const braces = (key: string) => (key ? `{${key}}` : "");

class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} counter`,
      ...[...this.values].map(([key, value]) => `${this.name}${braces(key)} ${value}`),
    ];
  }
}

class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets = DURATION_BUCKETS,
  ) {}

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    const entry = this.series.get(key) ?? { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, index) => {
      if (value <= bound) entry.counts[index] += 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(key, entry);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [key, entry] of this.series) {
      const prefix = key ? `${key},` : "";
      this.buckets.forEach((bound, index) =>
        lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${entry.counts[index]}`),
      );
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${entry.count}`);
      lines.push(`${this.name}_sum${braces(key)} ${entry.sum}`);
      lines.push(`${this.name}_count${braces(key)} ${entry.count}`);
    }
    return lines;
  }
}

export interface Metrics {
  graphqlRequests: Counter;
  graphqlErrors: Counter;
  graphqlDuration: Histogram;
  callfireCalls: Counter;
  callfireDuration: Histogram;
  render(): string;
}

export function createMetrics(): Metrics {
  const metrics = {
    graphqlRequests: new Counter("graphql_requests_total", "GraphQL operations served, by type and outcome."),
    graphqlErrors: new Counter("graphql_errors_total", "Errors returned to clients, by extensions.code."),
    graphqlDuration: new Histogram("graphql_request_duration_seconds", "Time to answer a GraphQL operation."),
    callfireCalls: new Counter("callfire_calls_total", "CallFire calls, by API method and outcome."),
    callfireDuration: new Histogram(
      "callfire_call_duration_seconds",
      "Time of one CallFire call, retries included.",
    ),
  };
  return {
    ...metrics,
    render: () =>
      `${Object.values(metrics)
        .flatMap((metric) => metric.render())
        .join("\n")}\n`,
  };
}
