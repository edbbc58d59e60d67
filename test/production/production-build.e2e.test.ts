// The production build as a container runs it: compiled with tsconfig.build.json, started with
// `npm run start:prod` (plain node, no tsx) where only production dependencies are installed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/index.js";
import {
  buildProductionApp,
  startProduction,
  type ProductionApp,
  type ProductionProcess,
} from "../helpers/production-app.js";

let app: ProductionApp;
let sandbox: RunningSandbox;
const started: ProductionProcess[] = [];

beforeAll(async () => {
  app = buildProductionApp();
  sandbox = await startSandbox({ dbPath: ":memory:", deliveryIntervalMs: 0 });
}, 120_000);

afterAll(async () => {
  // A failed test must not leave a server behind.
  for (const { child } of started)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await sandbox?.stop();
  app?.remove();
});

function start(how: "npm" | "node", env: Record<string, string> = {}) {
  const server = startProduction(app, how, {
    NODE_ENV: "production",
    CALLFIRE_API_URL: sandbox.apiUrl,
    CALLFIRE_API_LOGIN: sandbox.login,
    CALLFIRE_API_PASSWORD: sandbox.password,
    ...env,
  });
  started.push(server);
  return server;
}

describe("npm run start:prod", () => {
  it("serves queries with production dependencies only, and exits 0 on SIGTERM", async () => {
    const server = start("npm");
    const { graphql, health } = await server.up;

    expect((await fetch(health)).status).toBe(200);
    const response = await fetch(graphql, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ textAutoReplies { totalCount } }" }),
    });
    const body = (await response.json()) as { data: { textAutoReplies: { totalCount: number } } };
    expect(body.data.textAutoReplies.totalCount).toBeGreaterThan(0);

    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
