// `npm run bench [-- <id>…]`: runs the benchmarks one after another (all, or those named), prints each
// table as it finishes, and writes bench/results/latest.json and latest.md. Everything listens on
// 127.0.0.1 only, every load is bounded, and a watchdog ends the run if it ever overstays.
import "reflect-metadata";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { floors } from "./benchmarks/floors.js";
import { memory } from "./benchmarks/memory.js";
import { partialResponseBytes } from "./benchmarks/partial-response-bytes.js";
import { screenWallTime } from "./benchmarks/screen-wall-time.js";
import { throughput } from "./benchmarks/throughput.js";
import { upstreamCost } from "./benchmarks/upstream-cost.js";
import { describeMachine } from "./harness/machine.js";
import { headerMarkdown, outcomeMarkdown, type Outcome, type RunRecord } from "./harness/report.js";
import type { RunOptions } from "./harness/result.js";
import { round } from "./harness/stats.js";
import { writeFormatted } from "./harness/write-results.js";

const BENCHMARKS = [upstreamCost, screenWallTime, throughput, partialResponseBytes, floors, memory];
/** Far over the minute or two a full run takes; child servers stop themselves when this process exits. */
const WATCHDOG_MS = 6 * 60_000;

const SOAK_FLAG = "--soak";
const options: RunOptions = { soak: process.argv.includes(SOAK_FLAG) };
const requested = process.argv.slice(2).filter((argument) => argument !== SOAK_FLAG);
const unknown = requested.filter((id) => !BENCHMARKS.some((benchmark) => benchmark.id === id));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(", ")}; choose from ${BENCHMARKS.map((b) => b.id).join(", ")}`,
  );
  process.exit(2);
}
setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  process.exit(1);
}, WATCHDOG_MS).unref();

const header = {
  date: new Date().toISOString(),
  command: ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "),
  machine: describeMachine(),
};
const markdown = [headerMarkdown(header)];
console.log(markdown[0]);

const started = performance.now();
const outcomes: Outcome[] = [];
for (const benchmark of BENCHMARKS.filter((b) => requested.length === 0 || requested.includes(b.id))) {
  const begun = performance.now();
  const outcome: Outcome = { id: benchmark.id, title: benchmark.title, seconds: 0 };
  try {
    outcome.result = await benchmark.run(options);
  } catch (error) {
    outcome.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  outcome.seconds = round((performance.now() - begun) / 1000);
  outcomes.push(outcome);
  markdown.push(outcomeMarkdown(outcome));
  console.log(markdown.at(-1));
}

const record: RunRecord = {
  ...header,
  seconds: round((performance.now() - started) / 1000),
  loadAverage1mAtEnd: round(os.loadavg()[0], 2),
  outcomes,
};
const resultsDir = new URL("./results/", import.meta.url);
await writeFormatted(new URL("latest.json", resultsDir), JSON.stringify(record));
await writeFormatted(
  new URL("latest.md", resultsDir),
  `${markdown.join("\n").trimEnd()}\n\nTotal: ${record.seconds} s; load average at end ${record.loadAverage1mAtEnd}\n`,
);
console.log(`Total: ${record.seconds} s; written to bench/results/latest.json and latest.md`);
// Keep-alive sockets of fetch would hold the process open for a few seconds more; all servers are stopped.
process.exit(outcomes.some((outcome) => outcome.error !== undefined) ? 1 : 0);
