// The child side of child-servers.ts, over the IPC channel: announce readiness, and stop on SIGTERM,
// when the parent goes away (the channel disconnects), or after a hard lifetime cap, whichever comes
// first. CPU and memory are read from outside (process-usage.ts).

/** Longer than any benchmark; a child that outlives it was forgotten. */
export const MAX_LIFETIME_MS = 5 * 60_000;

export interface ReadyMessage {
  ready: unknown;
}

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
  process.send?.({ ready } satisfies ReadyMessage);
}

/**
 * The same guard for a process that runs no bench code (the production build): loaded with
 * `--import`, it only ends the process when the bench goes away or overstays.
 */
export const LIFETIME_GUARD_IMPORT = `data:text/javascript,${encodeURIComponent(
  `process.once("disconnect", () => process.exit(0)); setTimeout(() => process.exit(1), ${MAX_LIFETIME_MS}).unref();`,
)}`;
