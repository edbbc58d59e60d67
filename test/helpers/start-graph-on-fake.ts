// Starts the whole server (src/app.ts, as `npm start` does) on a fake CallFire that a test scripts to
// misbehave, on 127.0.0.1 and a free port, with fast retries and a short deadline unless `env` says
// otherwise.
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { startFakeCallFire, type FakeCallFire } from "./fake-callfire.js";

export interface GraphOnFake {
  app: RunningApp;
  fake: FakeCallFire;
  logs: string[];
  /** POSTs one operation; the parsed body, the HTTP status and how long the answer took. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    init?: { signal?: AbortSignal; headers?: Record<string, string> },
  ): Promise<GraphQLAnswer>;
  stop(): Promise<void>;
}

export interface GraphQLAnswer {
  status: number;
  elapsedMs: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export async function startGraphOnFake(env: Record<string, string> = {}): Promise<GraphOnFake> {
  const fake = await startFakeCallFire();
  const logs: string[] = [];
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    CALLFIRE_API_URL: fake.baseUrl,
    CALLFIRE_API_LOGIN: "tester",
    CALLFIRE_API_PASSWORD: "secret",
    CALLFIRE_REQUEST_DEADLINE_MS: "3000",
    CALLFIRE_TIMEOUT_MS: "2000",
    LOG_LEVEL: "warn",
    ...env,
  });
  const app = await startApp(
    config,
    createLogger(config.logLevel, (line) => logs.push(line)),
  );
  return {
    app,
    fake,
    logs,
    async post(query, variables, init = {}) {
      const started = performance.now();
      const response = await fetch(app.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...init.headers },
        body: JSON.stringify({ query, variables }),
        signal: init.signal,
      });
      const body = (await response.json()) as Omit<GraphQLAnswer, "status" | "elapsedMs">;
      return { status: response.status, elapsedMs: performance.now() - started, ...body };
    },
    async stop() {
      await app.stop();
      await fake.stop();
    },
  };
}

/** The codes of an answer's errors. */
export function codes(answer: { errors?: ReadonlyArray<{ extensions?: { code?: unknown } }> }): unknown[] {
  return (answer.errors ?? []).map((error) => error.extensions?.code);
}
