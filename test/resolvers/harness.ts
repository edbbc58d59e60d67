// Runs operations through Apollo Server's executeOperation with the production stack below Apollo: the
// served subgraph schema (buildSubgraph) and the production context factory (a CallFireRestApi, its call
// budget and metrics, the services and their loaders) over the loopback fake CallFire, which serves the
// CallFire fixtures (test/fixtures/callfire) and records every call, with partial responses on as in
// production (the fake ignores `fields`: these tests check what is asked for).
import assert from "node:assert/strict";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ApolloServer } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { createCallFireHttp } from "../../datasources/callfire-http.js";
import { DEFAULT_REQUEST_DEADLINE_MS } from "../../datasources/request-deadline.js";
import { createContextFactory } from "../../src/graphql/context-factory.js";
import { buildSubgraph } from "../../src/graphql/schema.js";
import type { Context } from "../../resolvers/context.js";
import { fieldProjectionPlugin } from "../../datasources/projection/field-projection.plugin.js";
import { createCircuitBreaker } from "../../src/state/circuit-breaker.js";
import { createMemoryIdempotencyStore } from "../../src/state/memory-idempotency-store.js";
import { createFormatError } from "../../src/graphql/format-error.js";
import { createMetrics } from "../../src/server/metrics.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { startFakeCallFire, type FakeCallFire, type RecordedCall } from "../helpers/fake-callfire.js";
import { createRecordingLogger, type RecordingLogger } from "../helpers/recording-logger.js";
import { bindLiveUpdates } from "../../src/live/live-updates.js";
import { createWebhookKeys } from "../../src/live/webhook-keys.js";
import { createWebhookRegistrar } from "../../src/live/webhook-registration.js";
import { createMemoryPubSub } from "../../src/state/memory-pubsub.js";

type Json = Record<string, unknown>;

export interface Result {
  data?: Json | null;
  errors?: GraphQLFormattedError[];
}

export interface Harness {
  fake: FakeCallFire;
  log: RecordingLogger;
  /** Executes one operation in a fresh request context; the result after a JSON round trip, as a client gets it. */
  run(query: string, variables?: Json, operationName?: string): Promise<Result>;
  /**
   * The CallFire calls so far as "GET /texts/broadcasts/13/stats?begin=…" (base path left out), with
   * `fields` unencoded for reading: "GET /texts/broadcasts/13?fields=id,name".
   */
  calls(): string[];
  stop(): Promise<void>;
}

function describeCall(call: RecordedCall, basePath: string): string {
  const query = [...call.query]
    .map(([name, value]) =>
      name === "fields" ? `fields=${value}` : new URLSearchParams([[name, value]]).toString(),
    )
    .join("&");
  return `${call.method} ${call.path.slice(basePath.length)}${query ? `?${query}` : ""}`;
}

/**
 * `validation: "type-graphql"` builds the schema without our readable validateFn, as type-graphql's plain
 * `validate: true` does, to show what its own validation error looks like.
 */
export async function startHarness(options: { validation?: "type-graphql" } = {}): Promise<Harness> {
  const fake = await startFakeCallFire();
  const log = createRecordingLogger();
  const http = createCallFireHttp({ baseUrl: fake.baseUrl, retryLimit: 0, timeoutMs: 5_000 });
  const schema = await buildSubgraph(
    options.validation === "type-graphql" ? { validate: true, validateFn: undefined } : {},
  );
  const server = new ApolloServer<Context>({
    schema,
    formatError: createFormatError(log),
    plugins: [fieldProjectionPlugin()],
  });
  await server.start();
  // Subscriptions are tested over WebSockets (test/e2e/subscriptions.e2e.test.ts); here they have no address.
  const live = {
    pubsub: createMemoryPubSub(),
    registrar: createWebhookRegistrar({ keys: createWebhookKeys(), baseUrl: () => undefined, log }),
    maxQueued: 100,
  };
  const context = createContextFactory({
    http,
    requestDeadlineMs: DEFAULT_REQUEST_DEADLINE_MS,
    log,
    serverCredentials: { login: "tester", password: "secret" },
    metrics: createMetrics(),
    maxUpstreamCalls: 500,
    // Off: a test's upstream failures must not fail the next test's calls fast.
    breaker: createCircuitBreaker({ failureThreshold: 0, openMs: 0 }),
    partialResponses: true,
    idempotencyStore: createMemoryIdempotencyStore(),
    live: (caller, api, connection) => bindLiveUpdates(live, caller, api, connection),
  });

  return {
    fake,
    log,
    async run(query, variables, operationName) {
      const contextValue = await context({ req: { headers: {} } });
      const response = await server.executeOperation({ query, variables, operationName }, { contextValue });
      assert(response.body.kind === "single");
      return JSON.parse(JSON.stringify(response.body.singleResult)) as Result;
    },
    calls: () => fake.calls.map((call) => describeCall(call, "/v2")),
    async stop() {
      await server.stop();
      await fake.stop();
    },
  };
}

const EMPTY_PAGE = { items: [], limit: 100, offset: 0, totalCount: 0 };

/**
 * The fixtures as one small CallFire account: broadcasts 3 and 13 (13 has batch 9 and four texts in
 * batches 9, 10 and 11), batches 9 and 10 (11 is unknown), auto-replies 4 and 15, and the texts of every
 * fixture findable by id. Texts sent with POST /texts land in campaign 20, which is not a text broadcast.
 */
export function serveFixtures(fake: FakeCallFire): void {
  const broadcasts = callfireFixture<{ items: Json[] }>("textBroadcasts/findTextBroadcasts.response.json");
  const broadcastTexts = callfireFixture<{ items: Json[] }>("textBroadcasts/getTexts.response.json");
  const texts = new Map<string, Json>();
  for (const text of [
    ...callfireFixture<{ items: Json[] }>("texts/findTexts.response.json").items,
    ...broadcastTexts.items,
    ...callfireFixture<{ items: Json[] }>("texts/sendTexts.response.json").items,
    callfireFixture("texts/getText.response.json"),
  ]) {
    texts.set(String(text.id), text);
  }
  const batch = callfireFixture("textBroadcasts/getBatch.response.json");
  const batches = new Map<string, Json>([
    ["9", batch],
    ["10", { ...batch, id: 10, name: "API 13 (2)" }],
  ]);
  const autoReplies = callfireFixture<{ items: Json[] }>("textAutoReplies/findTextAutoReplies.response.json");

  fake.on("GET", "/v2/texts", (call) => {
    const ids = call.query.getAll("id");
    if (ids.length === 0) return { body: callfireFixture("texts/findTexts.response.json") };
    const items = ids.flatMap((id) => texts.get(id) ?? []);
    return { body: { items, limit: ids.length, offset: 0, totalCount: items.length } };
  });
  fake.on("GET", "/v2/texts/broadcasts", { body: broadcasts });
  fake.on("GET", "/v2/texts/broadcasts/:id", (call) => {
    const found = broadcasts.items.find((item) => String(item.id) === call.params.id);
    return found ? { body: found } : notFound();
  });
  fake.on("GET", "/v2/texts/broadcasts/:id/stats", {
    body: callfireFixture("textBroadcasts/getStats.response.json"),
  });
  fake.on("GET", "/v2/texts/broadcasts/:id/batches", (call) => ({
    body: call.params.id === "13" ? callfireFixture("textBroadcasts/getBatches.response.json") : EMPTY_PAGE,
  }));
  fake.on("GET", "/v2/texts/broadcasts/:id/texts", (call) => {
    if (call.params.id !== "13") return { body: EMPTY_PAGE };
    const batchId = call.query.get("batchId");
    const items = broadcastTexts.items.filter((text) => batchId === null || String(text.batchId) === batchId);
    return { body: { items, limit: 100, offset: 0, totalCount: items.length } };
  });
  fake.on("GET", "/v2/campaigns/batches/:id", (call) => {
    const found = batches.get(call.params.id);
    return found ? { body: found } : notFound();
  });
  fake.on("GET", "/v2/texts/auto-replys", { body: autoReplies });
  fake.on("GET", "/v2/texts/auto-replys/:id", (call) => {
    const found = autoReplies.items.find((item) => String(item.id) === call.params.id);
    return found ? { body: found } : notFound();
  });
}

export function notFound(): { status: number; body: Json } {
  return { status: 404, body: { httpStatusCode: 404, internalCode: 0, message: "Resource not found" } };
}

export function codes(result: Result): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/**
 * Suite set-up for a resolver test file: one harness for the file, the fake reset and serving the
 * fixtures before each test. The returned harness is usable once the file's tests start.
 */
export function useHarness(): Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  beforeEach(() => {
    harness!.fake.reset();
    serveFixtures(harness!.fake);
  });
  afterAll(() => harness?.stop());
  return new Proxy({} as Harness, { get: (_target, property) => Reflect.get(harness!, property) });
}
