// (b) Wall time of one screen: the dashboard through the graph versus the same data fetched by a
// hand-written REST client from the sandbox, with latency injected at the sandbox so network round trips
// dominate, as they do between a browser and CallFire. Medians over interleaved rounds of one run.
import { performance } from "node:perf_hooks";
import { startChildServers } from "../harness/child-servers.js";
import { textsWithBatch, type DashboardData } from "../harness/dashboard-shape.js";
import { fillDashboardPage } from "../harness/fixture.js";
import { postGraphQL } from "../harness/graphql.js";
import { DASHBOARD } from "../harness/operations.js";
import { loadDashboardOverRest, type DashboardCounts } from "../harness/rest-dashboard.js";
import type { Benchmark, BenchmarkResult } from "../harness/result.js";
import { sandboxClient, setLatency } from "../harness/sandbox-client.js";
import { median, round } from "../harness/stats.js";
import { times } from "../harness/table.js";

const LATENCY_MS = 25;
const WARMUP_ROUNDS = 2;
const ROUNDS = 9;

interface Client {
  name: string;
  /** Requests the client itself sends for one screen. */
  requests: number;
  load(): Promise<DashboardCounts>;
}

function countsOf(data: DashboardData): DashboardCounts {
  const items = data.textBroadcasts.items;
  return {
    broadcasts: items.length,
    batches: items.reduce((sum, broadcast) => sum + broadcast.batches.items.length, 0),
    texts: items.reduce((sum, broadcast) => sum + broadcast.texts.items.length, 0),
    textsWithBatch: textsWithBatch(data),
  };
}

async function run(): Promise<BenchmarkResult> {
  const servers = await startChildServers();
  try {
    const call = sandboxClient(servers.sandbox.ready);
    await fillDashboardPage(call);

    const graphCounts = countsOf(await postGraphQL<DashboardData>(servers.graph.ready.url, DASHBOARD));
    const clients: Client[] = [
      {
        name: "graph: BroadcastDashboard, 1 request",
        requests: 1,
        load: async () => countsOf(await postGraphQL<DashboardData>(servers.graph.ready.url, DASHBOARD)),
      },
    ];
    for (const parallelism of [6, 1]) {
      const probe = await loadDashboardOverRest(call, parallelism);
      // The REST screen must show what the graph's screen shows, or the comparison is unfair.
      if (JSON.stringify(probe.counts) !== JSON.stringify(graphCounts)) {
        throw new Error(`REST and graph dashboards differ: ${JSON.stringify({ probe, graphCounts })}`);
      }
      clients.push({
        name:
          parallelism === 1
            ? "REST waterfall, sequential"
            : `REST, ${parallelism} in parallel (browser per-host limit)`,
        requests: probe.calls,
        load: async () => (await loadDashboardOverRest(call, parallelism)).counts,
      });
    }

    await setLatency(call, LATENCY_MS);
    const samples = new Map<Client, number[]>(clients.map((client) => [client, []]));
    for (let pass = 0; pass < WARMUP_ROUNDS + ROUNDS; pass += 1) {
      // Rotate the order each round so a noisy moment does not always hit the same client.
      for (let i = 0; i < clients.length; i += 1) {
        const client = clients[(pass + i) % clients.length];
        const started = performance.now();
        await client.load();
        if (pass >= WARMUP_ROUNDS) samples.get(client)!.push(performance.now() - started);
      }
    }

    const graphMedian = median(samples.get(clients[0])!);
    const rows = clients.map((client) => {
      const ms = samples.get(client)!;
      return {
        client: client.name,
        requests: client.requests,
        medianMs: round(median(ms)),
        minMs: round(Math.min(...ms)),
        maxMs: round(Math.max(...ms)),
        vsGraph: median(ms) / graphMedian,
      };
    });
    return {
      tables: [
        {
          caption: `Dashboard screen (${graphCounts.broadcasts} broadcasts, ${graphCounts.batches} batches, ${graphCounts.texts} texts), sandbox latency ${LATENCY_MS} ms per call, ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up`,
          headers: [
            "client",
            "HTTP requests it sends",
            "median ms",
            "min ms",
            "max ms",
            "median ÷ graph median",
          ],
          rows: rows.map((row) => [
            row.client,
            row.requests,
            row.medianMs,
            row.minMs,
            row.maxMs,
            times(row.vsGraph),
          ]),
        },
      ],
      notes: [
        `Latency is injected by the sandbox (PUT /sandbox/faults {"latencyMs": ${LATENCY_MS}}) before every /v2 answer; client to graph is plain loopback. It stands in for the browser↔CallFire round trip; the graph↔CallFire link (same region in production) gets the same latency here, which is unfavourable to the graph.`,
        "The graph issues the list call, then every per-broadcast call at once: about 2 latency periods. The REST waterfall pays one latency period per call; with 6 in parallel, about 1 + ⌈(requests − 1) / 6⌉.",
        "Both fetch the same data (counts of broadcasts, batches, texts and texts with a batch are compared before timing). Servers run as child processes; both clients run in the bench process.",
      ],
      data: {
        latencyMs: LATENCY_MS,
        rounds: ROUNDS,
        screen: graphCounts,
        clients: rows,
        samplesMs: Object.fromEntries(
          clients.map((client) => [client.name, samples.get(client)!.map((ms) => round(ms))]),
        ),
      },
    };
  } finally {
    await servers.stop();
  }
}

export const screenWallTime: Benchmark = {
  id: "screen-wall-time",
  title: "(b) Wall time of a screen: graph vs REST",
  run,
};
