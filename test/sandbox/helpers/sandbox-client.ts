// An HTTP client for sandbox tests that checks every response against the CallFire OpenAPI schemas
// (derived and committed in sandbox/openapi/): the operation must document the status, the body must
// validate, and no property may appear that the schema does not define.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../../../sandbox/index.js";
import {
  type CallFireOperation,
  callFireValidator,
  operations,
} from "../../../sandbox/openapi/callfire-schemas.js";

type Json = Record<string, unknown>;

export { operations };

/** operationIds that answered with a documented 2xx in this test file (for the "every endpoint" check). */
export const exercised = new Set<string>();

export function definition(name: string): Json {
  return { $ref: `#/definitions/${name}` };
}

export function expectValid(schema: Json, body: unknown): void {
  const validate = callFireValidator(schema);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

/** Literal paths win over templates: "/texts/auto-replys" is not "/texts/{id}". */
function operationFor(method: string, path: string): [string, CallFireOperation] | undefined {
  const apiPath = path.replace(/^\/v2/, "");
  const candidates = Object.entries(operations).filter(([, op]) => op.method === method);
  return (
    candidates.find(([, op]) => op.path === apiPath) ??
    candidates.find(([, op]) => new RegExp(`^${op.path.replaceAll(/\{[^}]+\}/g, "[^/]+")}$`).test(apiPath))
  );
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface CallOptions {
  query?: Record<string, string | number | boolean | (string | number)[]>;
  body?: unknown;
  /** Replaces the client's credentials; null sends no Authorization header. */
  authorization?: string | null;
  signal?: AbortSignal;
}

export function basic(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;
}

export class SandboxClient {
  constructor(
    readonly origin: string,
    readonly login: string,
    readonly password: string,
  ) {}

  /** Any request; /v2 responses are checked against the schemas. */
  async call<T = Json>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(path, this.origin);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    const headers: Record<string, string> = {};
    const authorization =
      options.authorization === undefined ? basic(this.login, this.password) : options.authorization;
    if (authorization !== null) headers.authorization = authorization;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    const text = await response.text();
    const body = (text === "" ? undefined : JSON.parse(text)) as T;
    if (path.startsWith("/v2/")) checkContract(method, path, response.status, text, body);
    return { status: response.status, headers: response.headers, text, body };
  }

  get<T = Json>(path: string, query?: CallOptions["query"]) {
    return this.call<T>("GET", `/v2${path}`, { query });
  }

  post<T = Json>(path: string, body?: unknown, query?: CallOptions["query"]) {
    return this.call<T>("POST", `/v2${path}`, { body, query });
  }

  put<T = Json>(path: string, body?: unknown, query?: CallOptions["query"]) {
    return this.call<T>("PUT", `/v2${path}`, { body, query });
  }

  delete<T = Json>(path: string) {
    return this.call<T>("DELETE", `/v2${path}`);
  }

  /** Runs the delivery simulator for this account. */
  async tick(count = 1): Promise<void> {
    const response = await this.call("POST", "/sandbox/tick", { query: { count } });
    expect(response.status).toBe(200);
  }
}

function checkContract(method: string, path: string, status: number, text: string, body: unknown): void {
  if (status >= 400) {
    expectValid(definition("ErrorResponse"), body);
    expect((body as Json).httpStatusCode).toBe(status);
    return;
  }
  const found = operationFor(method, path.split("?")[0] as string);
  expect(found, `${method} ${path} is a documented operation`).toBeDefined();
  const [operationId, { responses }] = found as [string, CallFireOperation];
  expect(Object.keys(responses), `${method} ${path} documents status ${status}`).toContain(String(status));
  const schema = responses[String(status)];
  if (schema === null || schema === undefined)
    expect(text, `${method} ${path} answers with no body`).toBe("");
  else expectValid(schema, body);
  exercised.add(operationId);
}

/** A fresh, isolated account on the sandbox (any new credential pair registers one). */
export function newAccount(sandbox: RunningSandbox): SandboxClient {
  return new SandboxClient(sandbox.origin, `test-${randomUUID()}`, "test-password");
}

export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ dbPath: ":memory:", seed: false, deliveryIntervalMs: 0, ...options });
}

export interface TestSandboxSuite {
  /** The test file's sandbox, running once its tests start. */
  readonly sandbox: RunningSandbox;
}

/** Call at the top of a test file: one sandbox (startTestSandbox) for all its tests, stopped after them. */
export function useTestSandbox(options: SandboxOptions = {}): TestSandboxSuite {
  const suite = {} as { sandbox: RunningSandbox };
  beforeAll(async () => {
    suite.sandbox = await startTestSandbox(options);
  });
  afterAll(() => suite.sandbox.stop());
  return suite;
}
