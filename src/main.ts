// Entry point for `npm start`: read the environment, start everything, stop cleanly on a signal.
import "reflect-metadata";
import { startApp } from "./server/app.js";
import { loadConfig } from "./server/config.js";
import { createLogger } from "./server/logger.js";

const config = loadConfig();
const log = createLogger(config.logLevel);
const app = await startApp(config, log, { dbPath: process.env.SANDBOX_DB || undefined });

log.info("callfire-graph is up", {
  upstream:
    app.upstream.kind === "embedded-sandbox"
      ? `embedded CallFire sandbox at ${app.upstream.apiUrl}`
      : `CallFire at ${app.upstream.apiUrl}`,
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

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("unclean stop", { error });
        process.exit(1);
      },
    );
  });
}
