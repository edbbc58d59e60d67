// Fault injection: latency, 5xx, 429 with Retry-After, hanging requests, fail-next; set by option, by the
// admin endpoint and by environment. Faults hit /v2 only.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ErrorResponse } from "../../sandbox/domain/callfire.types.js";
import { NO_FAULTS } from "../../sandbox/http/faults.js";
import { faultsFromEnv, sandboxOptionsFromEnv } from "../../sandbox/index.js";
import {
  newAccount,
  type SandboxClient,
  startTestSandbox,
  useTestSandbox,
} from "./helpers/sandbox-client.js";

const suite = useTestSandbox();
let api: SandboxClient;

beforeAll(() => {
  api = newAccount(suite.sandbox);
});
afterEach(async () => {
  expect((await api.call("DELETE", "/sandbox/faults")).status).toBe(200);
});

async function setFaults(faults: Record<string, unknown>) {
  const response = await api.call("PUT", "/sandbox/faults", { body: faults });
  expect(response.status).toBe(200);
  return response.body;
}

describe("fault injection", () => {
  it("answers 5xx ErrorResponses at errorRate 1, with the configured status, on /v2 only", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503 });
    const failed = await api.get<ErrorResponse>("/texts");
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({
      httpStatusCode: 503,
      internalCode: 50300,
      message: "Injected fault",
    });
    const admin = await api.call("GET", "/sandbox/faults");
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ errorRate: 1, errorStatus: 503 });
  });

  it("answers 429 with Retry-After at rateLimitRate 1", async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const limited = await api.get<ErrorResponse>("/texts/broadcasts");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toMatchObject({
      httpStatusCode: 429,
      internalCode: 42900,
      message: "Rate limit reached",
    });
  });

  it("fails exactly the next N requests with failNext, then recovers", async () => {
    const settings = await setFaults({ failNext: { count: 2, status: 500 } });
    expect(settings.failNext).toEqual({ count: 2, status: 500 });
    expect((await api.get("/texts")).status).toBe(500);
    expect((await api.get("/texts")).status).toBe(500);
    expect((await api.get("/texts")).status).toBe(200);
    expect((await api.call("GET", "/sandbox/faults")).body.failNext).toBeNull();
  });

  it("adds latency to /v2 but not to /sandbox", async () => {
    // A latency far beyond any machine's slowness: /v2 cannot answer within 2 s, /sandbox answers at all.
    await setFaults({ latencyMs: 60_000 });
    await expect(api.call("GET", "/v2/texts", { signal: AbortSignal.timeout(2000) })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect((await api.call("GET", "/sandbox/faults")).status).toBe(200);
    await setFaults({ latencyMs: 0 });
  });

  it("leaves requests hanging at hangRate 1 (the client times out), and stop() still returns", async () => {
    const hanging = await startTestSandbox({ faults: { hangRate: 1 } });
    const client = newAccount(hanging);
    const request = client.call("GET", "/v2/texts", { signal: AbortSignal.timeout(200) });
    await expect(request).rejects.toMatchObject({ name: "TimeoutError" });
    const pending = fetch(`${hanging.apiUrl}/texts`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await hanging.stop(); // returns although a request still hangs (the test's timeout bounds it)
    expect(await pending).toBeInstanceOf(Error);
  });

  it("refuses invalid settings with 400 and keeps the current ones", async () => {
    for (const bad of [
      { errorRate: 2 },
      { latencyMs: -1 },
      { errorStatus: 404 },
      { failNext: { count: 1 } },
      { nope: 1 },
    ]) {
      const response = await api.call<ErrorResponse>("PUT", "/sandbox/faults", { body: bad });
      expect(response.status).toBe(400);
    }
    // Still the settings each test starts from (afterEach resets them).
    expect((await api.call("GET", "/sandbox/faults")).body).toEqual(NO_FAULTS);
  });
});

describe("fault and sandbox settings from the environment", () => {
  it("reads the SANDBOX_* variables", () => {
    const env = {
      SANDBOX_PORT: "4555",
      SANDBOX_LOGIN: "me",
      SANDBOX_PASSWORD: "secret",
      SANDBOX_DB: ":memory:",
      SANDBOX_SEED: "false",
      SANDBOX_DELIVERY_INTERVAL_MS: "0",
      SANDBOX_LATENCY_MS: "25",
      SANDBOX_ERROR_RATE: "0.5",
      SANDBOX_RATE_LIMIT_RATE: "0.25",
      SANDBOX_RETRY_AFTER: "3",
      SANDBOX_HANG_RATE: "0.1",
    };
    expect(sandboxOptionsFromEnv(env)).toEqual({
      port: 4555,
      host: undefined,
      dbPath: ":memory:",
      login: "me",
      password: "secret",
      seed: false,
      deliveryIntervalMs: 0,
      faults: { latencyMs: 25, errorRate: 0.5, rateLimitRate: 0.25, retryAfterSeconds: 3, hangRate: 0.1 },
    });
    expect(sandboxOptionsFromEnv({})).toMatchObject({ port: 4010, seed: undefined, faults: {} });
  });

  it("rejects malformed values", () => {
    expect(() => faultsFromEnv({ SANDBOX_ERROR_RATE: "often" })).toThrow(
      "SANDBOX_ERROR_RATE must be a number",
    );
    expect(() => faultsFromEnv({ SANDBOX_HANG_RATE: "3" })).toThrow("hangRate must be a number in [0, 1]");
    expect(() => sandboxOptionsFromEnv({ SANDBOX_PORT: "http" })).toThrow("SANDBOX_PORT");
  });

  it("applies initial faults given as options", async () => {
    const faulty = await startTestSandbox({ faults: { rateLimitRate: 1, retryAfterSeconds: 2 } });
    try {
      const response = await newAccount(faulty).get("/texts");
      expect([response.status, response.headers.get("retry-after")]).toEqual([429, "2"]);
    } finally {
      await faulty.stop();
    }
  });
});
