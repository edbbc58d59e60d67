// Every CallFire failure becomes the code of docs/architecture.md §Errors, and no error, extension or log
// line ever carries the credentials, a URL or CallFire's developerMessage.
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { createCallFireHttp } from "../../datasources/callfire-http.js";
import { CallFireRestApi } from "../../datasources/callfire-rest-api.js";
import { authorizationHeader } from "../../src/core/credentials.js";
import { UpstreamFault } from "../../src/core/errors.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { useCallFireApi } from "../helpers/use-fake-callfire.js";

const LOGIN = "leaky-login-7f3a";
const PASSWORD = "S3cr3t-P@ss-never-log";
const CREDENTIALS = { login: LOGIN, password: PASSWORD };
const SECRETS = [LOGIN, PASSWORD, authorizationHeader(CREDENTIALS).slice("Basic ".length)];

/** common/sampleErrorMessage.json with the status it is sent with. */
function errorBody(status: number) {
  return {
    ...callfireFixture<Record<string, unknown>>("common/sampleErrorMessage.json"),
    httpStatusCode: status,
  };
}

const callfire = useCallFireApi(CREDENTIALS);

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.unreachable("the call should fail"),
    (reason: unknown) => reason as Error,
  );
}

async function failure(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

/** Everything a client or an operator could see of an error. */
function visible(error: Error): string {
  return [
    error.message,
    JSON.stringify(error),
    JSON.stringify((error as GraphQLError).extensions ?? {}),
    callfire.log.text(),
  ].join("\n");
}

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toContain("127.0.0.1");
}

describe("status → code", () => {
  it.each([
    [400, "BAD_USER_INPUT"],
    [401, "UNAUTHENTICATED"],
    [403, "FORBIDDEN"],
    [404, "NOT_FOUND"],
    [429, "RATE_LIMITED"],
    [500, "UPSTREAM_UNAVAILABLE"],
    [502, "UPSTREAM_UNAVAILABLE"],
    [503, "UPSTREAM_UNAVAILABLE"],
  ])("CallFire %i → %s, with status, internalCode and message only", async (status, code) => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id", { status, body: errorBody(status) });
    const error = await failure(callfire.api.getTextBroadcast("13"));
    expect(error.extensions.code).toBe(code);
    expect(error.extensions.upstream).toEqual({ status, internalCode: 2, message: "error msg" });
    expect(JSON.stringify(error)).not.toContain("dev error msg");
    expect(JSON.stringify(error)).not.toContain("callfire.com");
    expectNoSecrets(visible(error));
  });

  it("400 passes CallFire's message through", async () => {
    callfire.fake.on("POST", "/v2/texts", {
      status: 400,
      body: { ...errorBody(400), message: "toNumber is invalid" },
    });
    const error = await failure(callfire.api.sendTexts({ recipients: [{ phoneNumber: "1" }] }));
    expect(error.message).toBe("toNumber is invalid");
  });

  it("404 names what was not found", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id", { status: 404, body: errorBody(404) });
    expect((await failure(callfire.api.getTextBroadcast("13"))).message).toBe(
      "CallFire has no text broadcast 13",
    );
  });

  it("401 says what to send and only UNAUTHENTICATED gets an HTTP status", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { status: 401, body: errorBody(401) });
    const error = await failure(callfire.api.getText("1"));
    expect(error.message).toContain("Authorization: Basic base64(login:password)");
    expect(error.extensions.http).toEqual({ status: 401 });
  });

  it("429 carries Retry-After as retryAfterSeconds", async () => {
    callfire.fake.on("POST", "/v2/texts/broadcasts/:id/start", {
      status: 429,
      headers: { "retry-after": "30" },
      body: errorBody(429),
    });
    const error = await failure(callfire.api.startTextBroadcast("13"));
    expect(error.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30 });
  });

  it("429 with Retry-After as an HTTP date carries the seconds until then", async () => {
    const now = Date.parse("2030-01-02T03:04:05Z");
    vi.useFakeTimers({ toFake: ["Date"], now });
    try {
      callfire.fake.on("POST", "/v2/texts/broadcasts/:id/start", {
        status: 429,
        headers: { "retry-after": new Date(now + 90_000).toUTCString() },
        body: errorBody(429),
      });
      const error = await failure(callfire.api.startTextBroadcast("13"));
      expect(error.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 90 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("an error body that is not JSON still gives the code, without the body", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { status: 503, body: "<html>maintenance</html>" });
    const error = await failure(callfire.api.getText("1"));
    expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", upstream: { status: 503 } });
    expect(JSON.stringify(error)).not.toContain("maintenance");
  });

  it("logs developerMessage at debug level only, without credentials", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { status: 400, body: errorBody(400) });
    await failure(callfire.api.getText("1"));
    expect(callfire.log.lines).toEqual([
      {
        level: "debug",
        message: "CallFire answered with an error",
        fields: {
          method: "GET",
          path: "texts/1",
          status: 400,
          internalCode: 2,
          upstreamMessage: "error msg",
          developerMessage: "dev error msg",
        },
      },
    ]);
    expectNoSecrets(callfire.log.text());
  });
});

describe("unexpected answers", () => {
  it("an undocumented status is UPSTREAM_UNAVAILABLE, a fault of CallFire's, with nothing secret in it", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { status: 409, body: errorBody(409) });
    const error = await failure(callfire.api.getText("1"));
    expect(error).toBeInstanceOf(UpstreamFault);
    expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", upstream: { status: 409 } });
    expect(error.message).toBe(
      "CallFire answered the request for text 1 with HTTP 409, which its API does not document; try again later",
    );
    expectNoSecrets(visible(error));
  });

  it("a 200 whose body is not JSON is UPSTREAM_UNAVAILABLE, with nothing secret in it", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { body: "<html>portal</html>" });
    const error = await failure(callfire.api.getText("1"));
    expect(error).toBeInstanceOf(UpstreamFault);
    expect(error.message).toBe("CallFire's answer for text 1 is not JSON; try again later");
    expectNoSecrets(visible(error));
  });

  it("a refused connection is UPSTREAM_UNAVAILABLE", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const closed = createCallFireHttp({ baseUrl: `http://127.0.0.1:${port}/v2`, retryLimit: 0 });
    const error = await failure(
      new CallFireRestApi({ http: closed, credentials: CREDENTIALS, log: callfire.log }).getText("1"),
    );
    expect(error.extensions.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.message).toBe("Could not reach CallFire (ECONNREFUSED)");
    expectNoSecrets(visible(error));
  });
});

describe("credentials", () => {
  it("are sent as exactly Basic base64(login:password)", async () => {
    callfire.fake.on("GET", "/v2/texts/:id", { body: { id: 1 } });
    await callfire.api.getText("1");
    expect(callfire.fake.calls[0].headers.authorization).toBe(
      `Basic ${Buffer.from(`${LOGIN}:${PASSWORD}`).toString("base64")}`,
    );
  });

  it("never show in the API object itself", () => {
    expectNoSecrets(JSON.stringify(callfire.api));
  });
});
