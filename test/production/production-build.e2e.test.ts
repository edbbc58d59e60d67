// The production build as a container runs it: compiled with tsconfig.build.json (once, for the whole
// file), started with `node dist/src/main.js` or `npm run start:prod` (plain node, no tsx) where only
// production dependencies are installed. It refuses to serve the fake sandbox by accident, and stops the
// way a container runtime stops it: SIGTERM with a sendTexts in flight (the sandbox answers slowly). The
// send completes, /ready answers 503 from the moment draining starts, and the process ends by itself
// (every connection closed: a leftover one would keep it alive past its deadline, which exits 1), exit 0.
import type { Redis } from "ioredis";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/index.js";
import { readImageSpec } from "../helpers/dockerfile.js";
import { basicAuth } from "../helpers/graphql-http.js";
import {
  buildProductionApp,
  startProduction,
  type ProductionApp,
  type ProductionProcess,
} from "../helpers/production-app.js";
import { startRecordingProxy, type RecordingProxy } from "../../testing/recording-proxy.js";
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from "../helpers/redis.js";

const prefix = uniquePrefix();
let app: ProductionApp;
let sandbox: RunningSandbox;
let upstream: RecordingProxy;
let admin: Redis;
const started: ProductionProcess[] = [];

beforeAll(async () => {
  app = buildProductionApp();
  sandbox = await startSandbox({ dbPath: ":memory:", deliveryIntervalMs: 0 });
  upstream = await startRecordingProxy(sandbox.origin);
  admin = testRedis();
}, 120_000);

afterAll(async () => {
  // A failed test must not leave a server behind.
  for (const { child } of started)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await deleteKeys(admin, prefix);
  await admin.quit();
  await upstream?.stop();
  await sandbox?.stop();
  app?.remove();
});

function setLatency(latencyMs: number) {
  return fetch(`${sandbox.origin}/sandbox/faults`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      authorization: basicAuth(sandbox.login, sandbox.password),
    },
    body: JSON.stringify({ latencyMs }),
  });
}

function start(how: "npm" | "image", env: Record<string, string>) {
  const server = startProduction(app, how, {
    NODE_ENV: "production",
    CALLFIRE_API_URL: `${upstream.origin}/v2`,
    CALLFIRE_API_LOGIN: sandbox.login,
    CALLFIRE_API_PASSWORD: sandbox.password,
    ...env,
  });
  started.push(server);
  return server;
}

/** Starts a keyed sendTexts and resolves once CallFire has it, i.e. the operation is in flight. */
async function sendInFlight(graphql: string, idempotencyKey: string) {
  upstream.reset();
  const response = fetch(graphql, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { sendTexts(recipients: [{ phoneNumber: "12135550801" }], defaultMessage: "draining", idempotencyKey: "${idempotencyKey}") { id message } }`,
    }),
  }).then(
    (answer) =>
      answer.json() as Promise<{ data?: { sendTexts: { id: string; message: string }[] }; errors?: unknown }>,
  );
  await expect.poll(() => upstream.lines(), { timeout: 10_000, interval: 20 }).toContain("POST /v2/texts");
  return response;
}

describe("the production build", { timeout: 60_000 }, () => {
  it("serves queries with production dependencies only; no GraphiQL while introspection is off", async () => {
    const server = start("npm", {});
    const { graphql, health, ready } = await server.up;
    expect((await fetch(health)).status).toBe(200);
    expect(await (await fetch(ready)).json()).toMatchObject({ status: "ready", down: [] });
    const response = await fetch(graphql, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ textAutoReplies { totalCount } }" }),
    });
    expect(await response.json()).toEqual({ data: { textAutoReplies: { totalCount: expect.any(Number) } } });
    expect((await fetch(new URL("/graphiql", graphql))).status).toBe(404);
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it("refuses to start in production without CALLFIRE_API_URL, saying what to set", async () => {
    const server = start("image", { CALLFIRE_API_URL: "" });
    await expect(server.up).rejects.toThrow(/exited early with 1/);
    expect(server.lines).toEqual([
      expect.objectContaining({
        level: "error",
        message: "cannot start",
        reason: expect.stringMatching(
          /^NODE_ENV=production needs CALLFIRE_API_URL .* Set CALLFIRE_SANDBOX=true to run on the sandbox on purpose\.$/,
        ),
      }),
    ]);
  });

  it("runs on the embedded sandbox in production only with CALLFIRE_SANDBOX=true", async () => {
    const server = start("image", {
      CALLFIRE_API_URL: "",
      CALLFIRE_API_LOGIN: "",
      CALLFIRE_API_PASSWORD: "",
      CALLFIRE_SANDBOX: "true",
      SANDBOX_DB: ":memory:",
    });
    const { upstream: where } = await server.up;
    expect(where).toMatch(/^embedded CallFire sandbox at /);
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});

describe("SIGTERM to the production build", { timeout: 60_000 }, () => {
  it("the image's CMD: /ready 503 while draining, the send in flight completes, Redis and CallFire closed, exit 0", async () => {
    const server = start("image", {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      SHUTDOWN_DELAY_MS: "1000",
    });
    const { graphql, ready, health } = await server.up;
    expect((await fetch(ready)).status).toBe(200);
    // As the image's USER (when the tests can switch users), and its HEALTHCHECK command passes.
    const image = readImageSpec();
    if (process.getuid?.() === 0) {
      expect(readFileSync(`/proc/${server.child.pid}/status`, "utf8")).toMatch(/^Uid:\t1000\t/m);
    }
    const [checker, ...checkArgs] = image.healthcheck;
    const check = spawnSync(checker!, checkArgs, {
      env: { PATH: process.env.PATH, PORT: new URL(health).port },
    });
    expect(check.status).toBe(0);
    await setLatency(2000);
    try {
      const send = await sendInFlight(graphql, "in-flight-node");
      server.child.kill("SIGTERM");
      let probe: { status: number; body: unknown } | undefined;
      await vi.waitFor(
        async () => {
          const response = await fetch(ready);
          probe = { status: response.status, body: await response.json() };
          expect(probe.status).toBe(503);
        },
        { timeout: 5000, interval: 50 },
      );
      expect(probe?.body).toEqual({ status: "draining" });

      const answer = await send;
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.sendTexts).toEqual([{ id: expect.any(String), message: "draining" }]);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.lines.map((line) => line.message)).toEqual(
        expect.arrayContaining(["stopping", "stopped"]),
      );
      // The outcome reached Redis before the connection closed: a retry elsewhere replays it.
      expect(await admin.keys(`${prefix}idempotency:*`)).toHaveLength(1);
      expect(upstream.lines().filter((line) => line === "POST /v2/texts")).toHaveLength(1);
    } finally {
      await setLatency(0);
    }
  });

  it("npm run start:prod: the send in flight completes and the server exits 0", async () => {
    const server = start("npm", {});
    const { graphql } = await server.up;
    await setLatency(1500);
    try {
      const send = await sendInFlight(graphql, "in-flight-npm");
      server.child.kill("SIGTERM");
      const answer = await send;
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.sendTexts).toHaveLength(1);
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      await setLatency(0);
    }
  });
});
