// One benchmark run as Markdown (printed, and saved as bench/results/latest.md) and as JSON.
import type { Machine } from "./machine.js";
import type { BenchmarkResult } from "./result.js";
import { markdownTable } from "./table.js";

export interface Outcome {
  id: string;
  title: string;
  seconds: number;
  result?: BenchmarkResult;
  error?: string;
}

export interface RunRecord {
  date: string;
  command: string;
  machine: Machine;
  seconds: number;
  /** Next to the one at the start (machine): how busy the shared machine was during the run. */
  loadAverage1mAtEnd: number;
  outcomes: Outcome[];
}

export function outcomeMarkdown(outcome: Outcome): string {
  const lines = [`## ${outcome.title}`, ""];
  if (outcome.error !== undefined) lines.push(`FAILED: ${outcome.error}`, "");
  if (outcome.result?.skipped !== undefined) lines.push(outcome.result.skipped, "");
  for (const table of outcome.result?.tables ?? [])
    lines.push(`${table.caption}:`, "", markdownTable(table), "");
  for (const note of outcome.result?.notes ?? []) lines.push(`- ${note}`);
  if (outcome.result?.notes.length) lines.push("");
  lines.push(`(${outcome.seconds} s)`, "");
  return lines.join("\n");
}

export function headerMarkdown(record: Pick<RunRecord, "date" | "command" | "machine">): string {
  const { machine } = record;
  return [
    "# callfire-graph benchmarks: latest run",
    "",
    `- date: ${record.date}`,
    `- command: \`${record.command}\``,
    `- machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}; load average at start ${machine.loadAverage1m} (shared machine: compare ratios within this run, not absolute numbers across runs)`,
    "",
  ].join("\n");
}
