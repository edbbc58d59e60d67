// The child side of child-servers.ts, over the IPC channel: announce readiness, report CPU time used
// on request, and stop on SIGTERM, when the parent goes away (the channel disconnects), or after a
// hard lifetime cap, whichever comes first.

/** Carries the graph child's configuration variables as JSON (serve-graph.ts). */
export const GRAPH_ENV_VARIABLE = "BENCH_GRAPH_ENV";
/** Longer than any benchmark; a child that outlives it was forgotten. */
const MAX_LIFETIME_MS = 5 * 60_000;

export type ChildMessage = { ready: unknown } | { cpuMicros: number };
export const CPU_REQUEST = "cpu";

export function serveUntilStopped(ready: object, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown(0));
  process.once("SIGINT", () => shutdown(0));
  process.once("disconnect", () => shutdown(0));
  setTimeout(() => {
    console.error(`bench child ${process.pid}: lifetime cap reached, stopping`);
    shutdown(1);
  }, MAX_LIFETIME_MS).unref();

  const send = (message: ChildMessage) => process.send?.(message);
  process.on("message", (message) => {
    if (message !== CPU_REQUEST) return;
    const { user, system } = process.cpuUsage();
    send({ cpuMicros: user + system });
  });
  send({ ready });
}
