// (e) The graph against its floors: `text(id)` with every Text field, at 32 concurrent clients, on a
// CallFire stand-in answering in 5 ms. The bare node:http forwarder is the floor for any Node layer;
// the plain stack (Apollo Server 5 + express + got, one resolver) the floor for this stack as commonly
// used. Ratios come from one run, the three servers measured in interleaved slices.
import { postGraphQL, operationBody } from "../harness/graphql.js";
import {
  startBareForwarder,
  startGraphOnStandIn,
  startPlainStack,
  startStandIn,
  stopAll,
  type ServerUnderTest,
  type StandIn,
} from "../harness/floor-servers.js";
import { runLoad } from "../harness/load.js";
import { textById } from "../harness/operations.js";
import type { Benchmark, BenchmarkResult } from "../harness/result.js";
import { percentile, round } from "../harness/stats.js";
import { times } from "../harness/table.js";
import { judge, targetTable } from "../harness/targets.js";

export const CONCURRENCY = 32;
export const UPSTREAM_LATENCY_MS = 5;
const SLICE_MS = 3_000;
const SLICES = 2;
/** Enough requests for the JIT to settle, or 5 s on a machine too busy to serve them. */
const WARMUP = { durationMs: 5_000, maxRequests: 3_000 };
/** Any id answers; 100 of them in turn, as clients asking for different texts would. */
export const TEXT_IDS = Array.from({ length: 100 }, (_, i) => String(1001 + i));
export const textByIdBodies = TEXT_IDS.map((id) => operationBody(textById(id)));

interface Measured {
  name: string;
  server: ServerUnderTest;
  requests: number;
  elapsedMs: number;
  latenciesMs: number[];
  cpuMs: number;
  standInCpuMs: number;
}

/** Every server must give the same answer, or the comparison is unfair. */
async function sameAnswers(servers: Measured[]): Promise<void> {
  const answers = await Promise.all(
    servers.map(async ({ name, server }) => ({
      name,
      data: JSON.stringify(await postGraphQL(server.ready.url, textById(TEXT_IDS[0]))),
    })),
  );
  const differing = answers.filter((answer) => answer.data !== answers[0].data);
  if (differing.length > 0 || !answers[0].data.includes(`"id":"${TEXT_IDS[0]}"`)) {
    throw new Error(`the servers answer text(id) differently: ${JSON.stringify(answers)}`);
  }
}

async function run(): Promise<BenchmarkResult> {
  let standIn: StandIn | undefined;
  const started: ServerUnderTest[] = [];
  try {
    standIn = await startStandIn(UPSTREAM_LATENCY_MS);
    const upstream = standIn;
    const start = async (
      name: string,
      starter: (s: StandIn) => Promise<ServerUnderTest>,
    ): Promise<Measured> => {
      const server = await starter(upstream);
      started.push(server);
      return { name, server, requests: 0, elapsedMs: 0, latenciesMs: [], cpuMs: 0, standInCpuMs: 0 };
    };
    const servers = [
      await start("bare node:http forwarder (floor)", startBareForwarder),
      await start("Apollo Server 5 + express + got, one resolver (plain stack)", startPlainStack),
      await start("callfire-graph (production build)", startGraphOnStandIn),
    ];
    await sameAnswers(servers);
    const body = (i: number) => textByIdBodies[i % textByIdBodies.length];
    for (const { server } of servers) {
      await runLoad({ url: server.ready.url, body, concurrency: CONCURRENCY, ...WARMUP });
    }
    for (let slice = 0; slice < SLICES; slice += 1) {
      for (const measured of servers) {
        const before = measured.server.usage().cpuMs;
        const standInBefore = upstream.usage().cpuMs;
        const result = await runLoad({
          url: measured.server.ready.url,
          body,
          concurrency: CONCURRENCY,
          durationMs: SLICE_MS,
          maxRequests: Number.MAX_SAFE_INTEGER,
        });
        if (result.failures > 0) {
          throw new Error(
            `${measured.name}: ${result.failures} failed requests, first: ${result.firstFailure}`,
          );
        }
        measured.cpuMs += measured.server.usage().cpuMs - before;
        measured.standInCpuMs += upstream.usage().cpuMs - standInBefore;
        measured.requests += result.requests;
        measured.elapsedMs += result.elapsedMs;
        measured.latenciesMs.push(...result.latenciesMs);
      }
    }

    const rows = servers.map((measured) => ({
      server: measured.name,
      requests: measured.requests,
      reqPerSec: round(measured.requests / (measured.elapsedMs / 1000)),
      p50: round(percentile(measured.latenciesMs, 50), 2),
      p99: round(percentile(measured.latenciesMs, 99), 2),
      cpuMsPerRequest: round(measured.cpuMs / measured.requests, 3),
      standInCpuMsPerRequest: round(measured.standInCpuMs / measured.requests, 3),
    }));
    const [forwarder, plain, graph] = rows;
    const targets = [
      judge({
        figure: "graph req/s ÷ bare forwarder req/s",
        measured: graph.reqPerSec / forwarder.reqPerSec,
        unit: "",
        bound: "at least",
        goal: 0.5,
      }),
      judge({
        figure: "graph p99 ÷ bare forwarder p99",
        measured: graph.p99 / forwarder.p99,
        unit: "",
        bound: "at most",
        goal: 2,
      }),
      judge({
        figure: "graph CPU per text(id)",
        measured: graph.cpuMsPerRequest,
        unit: " ms",
        bound: "at most",
        goal: 0.35,
      }),
    ];
    return {
      tables: [
        {
          caption: `text(id) with every Text field, ${CONCURRENCY} concurrent clients, stand-in upstream answering in ${UPSTREAM_LATENCY_MS} ms; per server ${SLICES} interleaved slices of ${SLICE_MS / 1000} s after ${WARMUP.maxRequests} requests (at most ${WARMUP.durationMs / 1000} s) of warm-up`,
          headers: [
            "server",
            "requests",
            "req/s",
            "p50 ms",
            "p99 ms",
            "server CPU ms/req",
            "stand-in CPU ms/req",
            "req/s ÷ forwarder",
            "p99 ÷ forwarder p99",
            "CPU ÷ forwarder CPU",
          ],
          rows: rows.map((row) => [
            row.server,
            row.requests,
            row.reqPerSec,
            row.p50,
            row.p99,
            row.cpuMsPerRequest,
            row.standInCpuMsPerRequest,
            times(row.reqPerSec / forwarder.reqPerSec),
            times(row.p99 / forwarder.p99),
            times(row.cpuMsPerRequest / forwarder.cpuMsPerRequest),
          ]),
        },
        targetTable("Targets (issue 12) measured here", targets),
      ],
      notes: [
        `The graph ÷ plain stack req/s is ${times(graph.reqPerSec / plain.reqPerSec)} and its CPU per request ${times(graph.cpuMsPerRequest / plain.cpuMsPerRequest)} the plain stack's: the share of the graph's cost that is its own work rather than the stack's.`,
        "CPU per request rises with contention on a busy shared machine (every process's alike), so CPU ÷ forwarder CPU is the figure to compare across runs; an absolute ms target holds for the machine it was set on.",
        "All servers, the stand-in and this load generator share the machine's cores; the load generator takes a large share at these rates, which caps the forwarder most. Compare ratios within this run.",
        "CPU ms/req is the server process's user+system CPU time (from /proc) over its measured slices, divided by its requests. The graph runs with its defaults (partial responses on, request log at info to /dev/null).",
        "Every answer is checked (HTTP 200, no GraphQL errors), and before timing the three servers' answers to the same text(id) are compared and must be identical.",
      ],
      data: {
        concurrency: CONCURRENCY,
        upstreamLatencyMs: UPSTREAM_LATENCY_MS,
        sliceMs: SLICE_MS,
        slices: SLICES,
        rows,
        targets,
      },
    };
  } finally {
    await stopAll([standIn, ...started]);
  }
}

export const floors: Benchmark = {
  id: "floors",
  title: "(e) text(id) against its floors: bare forwarder, plain stack, graph",
  run,
};
