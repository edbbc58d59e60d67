// (f) Memory of the graph (production build): RSS once started and idle, then sampled through a
// text(id) load at 32 concurrent clients on the stand-in (as in (e)): its peak, and whether it keeps
// growing (mean of the first 10 s against the last 10 s). 20 s by default; `--soak` loads for 60 s.
import { setTimeout as sleep } from "node:timers/promises";
import {
  startGraphOnStandIn,
  startStandIn,
  stopAll,
  type ServerUnderTest,
  type StandIn,
} from "../harness/floor-servers.js";
import { runLoad } from "../harness/load.js";
import type { Benchmark, BenchmarkResult, RunOptions } from "../harness/result.js";
import { round } from "../harness/stats.js";
import { judge, targetTable } from "../harness/targets.js";
import { CONCURRENCY, UPSTREAM_LATENCY_MS, textByIdBodies } from "./floors.js";

const LOAD_MS = 20_000;
const SOAK_MS = 60_000;
/** Compared at both ends of the load. */
const WINDOW_MS = 10_000;
const SAMPLE_EVERY_MS = 500;
/** Idle time after /health answers, so start-up garbage is collected as it would be. */
const SETTLE_MS = 2_000;
/** "Flat": the last window's mean RSS at most this much above the first's (sampling noise). */
const FLAT_TOLERANCE = 0.05;

interface Sample {
  atMs: number;
  rssMiB: number;
}

function meanRss(samples: readonly Sample[]): number {
  return samples.reduce((sum, sample) => sum + sample.rssMiB, 0) / samples.length;
}

async function run(options: RunOptions): Promise<BenchmarkResult> {
  const loadMs = options.soak ? SOAK_MS : LOAD_MS;
  let standIn: StandIn | undefined;
  let graph: ServerUnderTest | undefined;
  try {
    standIn = await startStandIn(UPSTREAM_LATENCY_MS);
    graph = await startGraphOnStandIn(standIn);
    await sleep(SETTLE_MS);
    const afterStart = graph.usage().rssMiB;

    const server = graph;
    const samples: Sample[] = [];
    const began = performance.now();
    const sampler = setInterval(() => {
      samples.push({ atMs: performance.now() - began, rssMiB: server.usage().rssMiB });
    }, SAMPLE_EVERY_MS);
    let result;
    try {
      result = await runLoad({
        url: server.ready.url,
        body: (i) => textByIdBodies[i % textByIdBodies.length],
        concurrency: CONCURRENCY,
        durationMs: loadMs,
        maxRequests: Number.MAX_SAFE_INTEGER,
      });
    } finally {
      clearInterval(sampler);
    }
    if (result.failures > 0)
      throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
    const usage = server.usage();
    const first = meanRss(samples.filter((sample) => sample.atMs <= WINDOW_MS));
    const last = meanRss(samples.filter((sample) => sample.atMs > loadMs - WINDOW_MS));
    const peak = Math.max(usage.peakRssMiB, ...samples.map((sample) => sample.rssMiB));

    const targets = [
      judge({
        figure: "RSS after start (idle)",
        measured: afterStart,
        unit: " MiB",
        bound: "at most",
        goal: 100,
      }),
      judge({
        figure: `peak RSS over the ${loadMs / 1000} s load`,
        measured: peak,
        unit: " MiB",
        bound: "at most",
        goal: 200,
      }),
      judge({
        figure: `growth: mean RSS of the last ${WINDOW_MS / 1000} s ÷ the first ${WINDOW_MS / 1000} s`,
        measured: last / first,
        unit: "",
        bound: "at most",
        goal: 1 + FLAT_TOLERANCE,
      }),
    ];
    return {
      tables: [
        {
          caption: `Graph RSS (MiB, from /proc): idle ${SETTLE_MS / 1000} s after start, then text(id) at ${CONCURRENCY} concurrent clients for ${loadMs / 1000} s${options.soak ? " (soak)" : ""}, sampled every ${SAMPLE_EVERY_MS} ms`,
          headers: ["after start", "first 10 s mean", "last 10 s mean", "peak", "requests", "req/s"],
          rows: [
            [
              round(afterStart),
              round(first),
              round(last),
              round(peak),
              result.requests,
              round(result.requests / (result.elapsedMs / 1000)),
            ],
          ],
        },
        targetTable("Targets (issue 12) measured here", targets),
      ],
      notes: [
        `The target asks for peak RSS over a 60 s load; the default run loads for ${LOAD_MS / 1000} s to keep npm run bench short, and npm run bench -- memory --soak loads for 60 s.`,
        `Peak is the highest of the samples and the kernel's high-water mark (VmHWM). "Flat" allows ${FLAT_TOLERANCE * 100}% between the windows for sampling noise (a sample can land just before or after a collection).`,
      ],
      data: {
        loadMs,
        afterStartMiB: afterStart,
        firstWindowMiB: first,
        lastWindowMiB: last,
        peakMiB: peak,
        samples,
        targets,
      },
    };
  } finally {
    await stopAll([standIn, graph]);
  }
}

export const memory: Benchmark = {
  id: "memory",
  title: "(f) Memory of the graph: RSS at start and under load",
  run,
};
