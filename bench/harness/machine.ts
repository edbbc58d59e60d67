// What the numbers were measured on: ratios from one run are comparable, absolute numbers only here.
import os from "node:os";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average at the start: a busy shared machine shows up here. */
  loadAverage1m: number;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  };
}
