// Entry point for `npm start` and `npm run start:prod`: read the environment, start everything, stop
// cleanly on a signal.
import "reflect-metadata";
import { startApp } from "./server/app.js";
import { loadConfig, type ServerConfig } from "./server/config.js";
import { createLogger } from "./server/logger.js";

/** A container runtime kills 10 s after SIGTERM; leave before that, saying so, if stopping hangs. */
const STOP_DEADLINE_MS = 9500;

let config: ServerConfig;
try {
  config = loadConfig();
} catch (error) {
  // A misconfigured deploy fails loudly, with the message that says which variable to set.
  createLogger("error").error("cannot start", { reason: (error as Error).message });
  process.exit(1);
}
const log = createLogger(config.logLevel);
const app = await startApp(config, log, { dbPath: process.env.SANDBOX_DB || undefined });

// Handlers before the start-up line: whoever reads that line may signal at once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    setTimeout(() => {
      log.error("stop did not finish in time; exiting", { deadlineMs: STOP_DEADLINE_MS });
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    app.stop().then(
      // No process.exit: the process ends once nothing is left open, which proves every connection closed.
      () => log.info("stopped"),
      (error: unknown) => {
        log.error("unclean stop", { error });
        process.exit(1);
      },
    );
  });
}

log.info("callfire-graph is up", {
  upstream:
    app.upstream.kind === "embedded-sandbox"
      ? `embedded CallFire sandbox at ${app.upstream.apiUrl}`
      : `CallFire at ${app.upstream.apiUrl}`,
  sharedState: config.redisUrl ? "redis" : "in memory (one replica)",
  graphql: app.url,
  apolloSandbox: config.production ? undefined : app.url,
  graphiql: `${app.origin}/graphiql`,
  health: `${app.origin}/health`,
  ready: `${app.origin}/ready`,
});
if (app.sandbox) {
  log.info(
    `No CALLFIRE_API_URL set: using the embedded sandbox (no real SMS is sent). Its login is "${app.sandbox.login}"; set CALLFIRE_API_URL, CALLFIRE_API_LOGIN and CALLFIRE_API_PASSWORD to use real CallFire.`,
  );
}
