// Suite set-up shared by the data-source tests: one loopback fake CallFire and one CallFire transport per test
// file (no retries, short timeout), the fake's routes and recorded calls reset before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createCallFireHttp, type CallFireHttp } from "../../datasources/callfire-http.js";
import { CallFireRestApi, type CallFireRestApiOptions } from "../../datasources/callfire-rest-api.js";
import type { Credentials } from "../../src/core/credentials.js";
import { startFakeCallFire, type FakeCallFire } from "./fake-callfire.js";
import { createRecordingLogger, type RecordingLogger } from "./recording-logger.js";

export interface FakeCallFireSuite {
  readonly fake: FakeCallFire;
  readonly http: CallFireHttp;
}

/** Call at the top of a test file; the returned fields are set once the file's tests start. */
export function useFakeCallFire(): FakeCallFireSuite {
  const suite = {} as { fake: FakeCallFire; http: CallFireHttp };
  beforeAll(async () => {
    suite.fake = await startFakeCallFire();
    suite.http = createCallFireHttp({ baseUrl: suite.fake.baseUrl, timeoutMs: 1000, retryLimit: 0 });
  });
  afterAll(() => suite.fake.stop());
  beforeEach(() => suite.fake.reset());
  return suite;
}

export interface CallFireApiSuite extends FakeCallFireSuite {
  /** The API under test, new for each test, on the fake with these credentials. */
  readonly api: CallFireRestApi;
  /** What `api` logged in this test. */
  readonly log: RecordingLogger;
}

/** useFakeCallFire plus a CallFireRestApi on it; `options` adds to how each test's API is built. */
export function useCallFireApi(
  credentials: Credentials,
  options: Partial<CallFireRestApiOptions> = {},
): CallFireApiSuite {
  const suite = useFakeCallFire() as FakeCallFireSuite & { api: CallFireRestApi; log: RecordingLogger };
  beforeEach(() => {
    suite.log = createRecordingLogger();
    suite.api = new CallFireRestApi({ http: suite.http, credentials, log: suite.log, ...options });
  });
  return suite;
}
