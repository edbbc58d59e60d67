// Suite set-up shared by the data-source tests: one loopback fake CallFire and one got instance per test
// file (no retries, short timeout), the fake's routes and recorded calls reset before each test.
import type { Got } from "got";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createCallFireHttp } from "../../datasources/callfire-http.js";
import { startFakeCallFire, type FakeCallFire } from "./fake-callfire.js";

export interface FakeCallFireSuite {
  readonly fake: FakeCallFire;
  readonly http: Got;
}

/** Call at the top of a test file; the returned fields are set once the file's tests start. */
export function useFakeCallFire(): FakeCallFireSuite {
  const suite = {} as { fake: FakeCallFire; http: Got };
  beforeAll(async () => {
    suite.fake = await startFakeCallFire();
    suite.http = createCallFireHttp({ baseUrl: suite.fake.baseUrl, timeoutMs: 1000, retryLimit: 0 });
  });
  afterAll(() => suite.fake.stop());
  beforeEach(() => suite.fake.reset());
  return suite;
}
