// (c) Server overhead and throughput: bounded closed-loop load against the graph (production build, child process), for
// `{ __typename }` (no resolver, no CallFire: the server's own cost per request), the dashboard and a
// single text lookup. Absolute numbers belong to this machine; the ratios to the baseline travel.
import { startChildServers, type ChildServers } from "../harness/child-servers.js";
import { fillDashboardPage, sendTexts } from "../harness/fixture.js";
import { operationBody, postGraphQL } from "../harness/graphql.js";
import { runLoad } from "../harness/load.js";
import { DASHBOARD, DASHBOARD_LIMIT, TYPENAME, textById } from "../harness/operations.js";
import type { Benchmark, BenchmarkResult } from "../harness/result.js";
import { sandboxClient } from "../harness/sandbox-client.js";
import { percentile, round } from "../harness/stats.js";
import { times } from "../harness/table.js";
import { judge, targetTable } from "../harness/targets.js";

const CONCURRENCY = 8;
/** The full page's CallFire calls, 1 + 3·B: the exact count benchmark (a) checks. */
const DASHBOARD_CALLS = 1 + 3 * DASHBOARD_LIMIT;
const DURATION_MS = 5_000;
const MAX_REQUESTS = 2_000;
/** Untimed load first, so JIT warm-up and connection set-up are not measured. */
const WARMUP = { durationMs: 1_000, maxRequests: 1_000 };
/** The budget is measured in this many interleaved slices per scenario. */
const SLICES = 2;

interface Scenario {
  name: string;
  body: (i: number) => string;
}

interface Row {
  scenario: string;
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  graphCpuMs: number;
  sandboxCpuMs: number;
}

/** CPU milliseconds per request. */
function perRequest(cpuMs: number, requests: number): number {
  return round(cpuMs / requests, 3);
}

function cpuOf(servers: ChildServers): { graph: number; sandbox: number } {
  return { graph: servers.graph.usage().cpuMs, sandbox: servers.sandbox.usage().cpuMs };
}

interface Measured {
  requests: number;
  elapsedMs: number;
  latenciesMs: number[];
  /** CPU milliseconds each child used while measured. */
  graph: number;
  sandbox: number;
}

function rowOf(name: string, measured: Measured): Row {
  const ms = measured.latenciesMs;
  return {
    scenario: name,
    requests: measured.requests,
    seconds: round(measured.elapsedMs / 1000, 2),
    reqPerSec: round(measured.requests / (measured.elapsedMs / 1000)),
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    p99: round(percentile(ms, 99)),
    graphCpuMs: perRequest(measured.graph, measured.requests),
    sandboxCpuMs: perRequest(measured.sandbox, measured.requests),
  };
}

async function run(): Promise<BenchmarkResult> {
  const servers = await startChildServers();
  try {
    const call = sandboxClient(servers.sandbox.ready);
    await fillDashboardPage(call);
    const ids = await sendTexts(call, 100);
    const dashboard = operationBody(DASHBOARD);
    const typename = operationBody(TYPENAME);
    const lookups = ids.map((id) => operationBody(textById(id)));
    // Fail early on a broken operation rather than measure error answers.
    await postGraphQL(servers.graph.ready.url, DASHBOARD);

    const scenarios: Scenario[] = [
      { name: "{ __typename } (baseline)", body: () => typename },
      { name: "BroadcastDashboard (full page)", body: () => dashboard },
      { name: "text(id), 100 ids in turn", body: (i) => lookups[i % lookups.length] },
    ];
    // Warm every scenario first, then measure in interleaved slices, so a noisy moment on the shared
    // machine is spread over all scenarios instead of landing on one.
    for (const scenario of scenarios) {
      await runLoad({
        url: servers.graph.ready.url,
        body: scenario.body,
        concurrency: CONCURRENCY,
        ...WARMUP,
      });
    }
    const totals = scenarios.map((): Measured => ({
      requests: 0,
      elapsedMs: 0,
      latenciesMs: [],
      graph: 0,
      sandbox: 0,
    }));
    for (let slice = 0; slice < SLICES; slice += 1) {
      for (const [index, scenario] of scenarios.entries()) {
        const before = cpuOf(servers);
        const result = await runLoad({
          url: servers.graph.ready.url,
          body: scenario.body,
          concurrency: CONCURRENCY,
          durationMs: DURATION_MS / SLICES,
          maxRequests: MAX_REQUESTS / SLICES,
        });
        const after = cpuOf(servers);
        if (result.failures > 0) {
          throw new Error(
            `${scenario.name}: ${result.failures} failed requests, first: ${result.firstFailure}`,
          );
        }
        const total = totals[index];
        total.requests += result.requests;
        total.elapsedMs += result.elapsedMs;
        total.latenciesMs.push(...result.latenciesMs);
        total.graph += after.graph - before.graph;
        total.sandbox += after.sandbox - before.sandbox;
      }
    }
    const rows = scenarios.map((scenario, index) => rowOf(scenario.name, totals[index]));

    const [baseline, dashboardRow] = rows;
    const targets = [
      judge({
        figure: "graph CPU per full-page dashboard",
        measured: dashboardRow.graphCpuMs,
        unit: " ms",
        bound: "at most",
        goal: 6,
      }),
      judge({
        figure: `graph CPU per CallFire call (dashboard ÷ ${DASHBOARD_CALLS} calls)`,
        measured: dashboardRow.graphCpuMs / DASHBOARD_CALLS,
        unit: " ms",
        bound: "at most",
        goal: 0.2,
      }),
    ];
    return {
      tables: [
        {
          caption: `Closed loop, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s or ${MAX_REQUESTS} requests per scenario (whichever first) in ${SLICES} interleaved slices, after ${WARMUP.durationMs / 1000} s or ${WARMUP.maxRequests} requests of warm-up each; no injected latency`,
          headers: [
            "scenario",
            "requests",
            "s",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "graph CPU ms/req",
            "sandbox CPU ms/req",
            "baseline req/s ÷ req/s",
            "p50 ÷ baseline p50",
            "graph CPU ÷ baseline",
          ],
          rows: rows.map((row) => [
            row.scenario,
            row.requests,
            row.seconds,
            row.reqPerSec,
            row.p50,
            row.p95,
            row.p99,
            row.graphCpuMs,
            row.sandboxCpuMs,
            times(baseline.reqPerSec / row.reqPerSec),
            times(row.p50 / baseline.p50),
            times(row.graphCpuMs / baseline.graphCpuMs),
          ]),
        },
        targetTable("Targets (issue 12) measured here", targets),
      ],
      notes: [
        "Three processes share the machine's cores: the graph, the sandbox (SQLite, JSON) and this load generator, so req/s and latency of upstream-heavy scenarios include the sandbox's work. CPU ms/req is each child's own user+system CPU time over the measured load divided by its requests: the graph's cost per request, apart from the sandbox's and less sensitive to contention than req/s. Compare ratios within one run, not absolute numbers across runs.",
        "Every answer is checked (HTTP 200, no GraphQL errors); a scenario with any failure fails the benchmark.",
        "The dashboard runs on the full page (10 broadcasts): its CallFire calls per request are the 'full page' row of (a); text(id) makes one GET /texts?id=….",
      ],
      data: {
        slices: SLICES,
        concurrency: CONCURRENCY,
        durationMs: DURATION_MS,
        maxRequests: MAX_REQUESTS,
        warmup: WARMUP,
        rows,
        targets,
      },
    };
  } finally {
    await servers.stop();
  }
}

export const throughput: Benchmark = { id: "throughput", title: "(c) Server overhead and throughput", run };
