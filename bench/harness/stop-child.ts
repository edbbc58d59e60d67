// Stops a child server: SIGTERM, then SIGKILL if it has not exited after a grace period.
import type { ChildProcess } from "node:child_process";

const STOP_TIMEOUT_MS = 5_000;

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
