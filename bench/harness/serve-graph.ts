// Child process: the graph on a free 127.0.0.1 port. Its configuration is the variables the parent put
// in BENCH_GRAPH_ENV (JSON), read by loadConfig as `npm start` reads the environment; the shell's own
// CALLFIRE_* or LOG_LEVEL never leak into a benchmark.
import "reflect-metadata";
import { startApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { GRAPH_ENV_VARIABLE, serveUntilStopped } from "./child-lifecycle.js";

const env = JSON.parse(process.env[GRAPH_ENV_VARIABLE] ?? "{}") as Record<string, string>;
const config = loadConfig({ ...env, PORT: "0", HOST: "127.0.0.1" });
// Server logs go to stderr, next to the bench output on stdout.
const app = await startApp(
  config,
  createLogger(config.logLevel, (line) => process.stderr.write(`${line}\n`)),
);
serveUntilStopped({ url: app.url }, () => app.stop());
