// CPU time and memory of a server process, read from outside it (/proc, Linux), so the measured
// process runs no bench code: what an operator's `ps` or cgroup would see.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ProcessUsage {
  /** User + system CPU time used since the process started, in milliseconds. */
  cpuMs: number;
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** The highest resident set size since the process started (VmHWM), in MiB. */
  peakRssMiB: number;
}

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticksPerSecond;
}

function statusKiB(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match) throw new Error(`/proc status has no ${field}`);
  return Number(match[1]);
}

export function processUsage(pid: number): ProcessUsage {
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return {
    cpuMs: (ticks * 1000) / clockTicksPerSecond(),
    rssMiB: statusKiB(status, "VmRSS") / 1024,
    peakRssMiB: statusKiB(status, "VmHWM") / 1024,
  };
}
