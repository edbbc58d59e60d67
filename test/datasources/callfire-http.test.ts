// The retry policy: reads retry on 408/429/5xx and network errors with backoff, honouring Retry-After up to a
// cap; writes never retry (a retried POST /texts would send the SMS twice); timeouts end a hung call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCallFireHttp, type CallFireHttpConfig } from "../../datasources/callfire-http.js";
import { CallFireRestApi } from "../../datasources/callfire-rest-api.js";
import { errorCode } from "../../src/core/errors.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { startFakeCallFire, type FakeCallFire } from "../helpers/fake-callfire.js";
import { createRecordingLogger } from "../helpers/recording-logger.js";

const FAST: Omit<CallFireHttpConfig, "baseUrl"> = {
  timeoutMs: 1000,
  retryLimit: 2,
  retryBaseDelayMs: 10,
  maxRetryDelayMs: 100,
};

let fake: FakeCallFire;

beforeAll(async () => {
  fake = await startFakeCallFire();
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

function apiWith(config: Omit<CallFireHttpConfig, "baseUrl"> = FAST): CallFireRestApi {
  const http = createCallFireHttp({ baseUrl: fake.baseUrl, ...config });
  return new CallFireRestApi({
    http,
    credentials: { login: "l", password: "p" },
    log: createRecordingLogger(),
  });
}

const BROADCAST = callfireFixture("textBroadcasts/getTextBroadcast.response.json");
const UNAVAILABLE = { status: 503, body: { httpStatusCode: 503, message: "down" } };

describe("reads", () => {
  it("retry a 503 and succeed", async () => {
    fake.on("GET", "/v2/texts/broadcasts/:id", (_call, attempt) =>
      attempt < 3 ? UNAVAILABLE : { body: BROADCAST },
    );
    const broadcast = await apiWith().getTextBroadcast("13");
    expect(broadcast.id).toBe("13");
    expect(fake.calls).toHaveLength(3);
  });

  it.each([408, 429, 500, 502, 504])("retry a %i", async (status) => {
    fake.on("GET", "/v2/texts/broadcasts/:id", (_call, attempt) =>
      attempt < 2 ? { status } : { body: BROADCAST },
    );
    await apiWith().getTextBroadcast("13");
    expect(fake.calls).toHaveLength(2);
  });

  it("give up after retryLimit retries with UPSTREAM_UNAVAILABLE", async () => {
    fake.on("GET", "/v2/texts/broadcasts/:id", UNAVAILABLE);
    await expect(apiWith().getTextBroadcast("13").catch(errorCode)).resolves.toBe("UPSTREAM_UNAVAILABLE");
    expect(fake.calls).toHaveLength(1 + 2);
  });

  it.each([400, 401, 403, 404])("do not retry a %i", async (status) => {
    fake.on("GET", "/v2/texts/broadcasts/:id", { status });
    await apiWith().getTextBroadcast("13").catch(errorCode);
    expect(fake.calls).toHaveLength(1);
  });

  it("honour Retry-After within the cap", async () => {
    fake.on("GET", "/v2/texts/broadcasts/:id", (_call, attempt) =>
      attempt === 1 ? { status: 429, headers: { "retry-after": "1" } } : { body: BROADCAST },
    );
    const started = Date.now();
    await apiWith({ ...FAST, maxRetryDelayMs: 2000 }).getTextBroadcast("13");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.calls).toHaveLength(2);
  });

  it("fail at once with RATE_LIMITED when Retry-After exceeds the cap", async () => {
    fake.on("GET", "/v2/texts/broadcasts/:id", { status: 429, headers: { "retry-after": "120" } });
    const started = Date.now();
    const error = await apiWith()
      .getTextBroadcast("13")
      .then(
        () => expect.unreachable("the call should fail"),
        (reason: { extensions: unknown }) => reason,
      );
    expect(error.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 120 });
    expect(fake.calls).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000); // it did not wait the 120 s
  });

  it("time out as UPSTREAM_UNAVAILABLE, each attempt retried", async () => {
    fake.on("GET", "/v2/texts/broadcasts/:id", { delayMs: 400, body: BROADCAST });
    const api = apiWith({ ...FAST, timeoutMs: 100, retryLimit: 1 });
    await expect(api.getTextBroadcast("13").catch(errorCode)).resolves.toBe("UPSTREAM_UNAVAILABLE");
    expect(fake.calls).toHaveLength(2);
  });
});

describe("writes", () => {
  it("POST /texts is never retried, even on 503", async () => {
    fake.on("POST", "/v2/texts", UNAVAILABLE);
    await expect(
      apiWith()
        .sendTexts({ recipients: [{ phoneNumber: "12135551100" }] })
        .catch(errorCode),
    ).resolves.toBe("UPSTREAM_UNAVAILABLE");
    expect(fake.calls).toHaveLength(1);
  });

  it("POST start is not retried on 429 with a short Retry-After", async () => {
    fake.on("POST", "/v2/texts/broadcasts/:id/start", { status: 429, headers: { "retry-after": "0" } });
    await expect(apiWith().startTextBroadcast("13").catch(errorCode)).resolves.toBe("RATE_LIMITED");
    expect(fake.calls).toHaveLength(1);
  });

  it.each([
    [
      "PUT",
      "/v2/texts/broadcasts/:id",
      (api: CallFireRestApi) => api.updateTextBroadcast("13", { name: "n" }, {}),
    ],
    ["DELETE", "/v2/texts/auto-replys/:id", (api: CallFireRestApi) => api.deleteTextAutoReply("15")],
  ] as const)("%s is not retried", async (method, path, run) => {
    fake.on(method, path, UNAVAILABLE);
    await expect(run(apiWith()).catch(errorCode)).resolves.toBe("UPSTREAM_UNAVAILABLE");
    expect(fake.calls).toHaveLength(1);
  });

  it("a timed-out POST is not retried", async () => {
    fake.on("POST", "/v2/texts", { delayMs: 400, body: { items: [] } });
    const api = apiWith({ ...FAST, timeoutMs: 100 });
    await expect(api.sendTexts({ recipients: [{ phoneNumber: "1" }] }).catch(errorCode)).resolves.toBe(
      "UPSTREAM_UNAVAILABLE",
    );
    expect(fake.calls).toHaveLength(1);
  });
});

describe("the instance", () => {
  it("refuses a base URL that carries credentials", () => {
    expect(() => createCallFireHttp({ baseUrl: "https://user:pass@api.callfire.com/v2" })).toThrow(
      "must not contain credentials",
    );
  });

  it("reuses connections (keep-alive)", async () => {
    fake.on("GET", "/v2/texts/broadcasts/:id", { body: BROADCAST });
    const api = apiWith();
    await api.getTextBroadcast("13");
    await api.getTextBroadcast("13");
    expect(fake.calls.map((call) => call.headers.connection)).toEqual(["keep-alive", "keep-alive"]);
  });
});
