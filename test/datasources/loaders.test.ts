// The per-request loaders (and the services that prime them) over the real API and the loopback fake:
// exact upstream calls for batching, deduplication, priming and forgetting.
import { beforeEach, describe, expect, it } from "vitest";
import { CallFireRestApi } from "../../datasources/callfire-rest-api.js";
import { errorCode } from "../../src/core/errors.js";
import {
  createLoaders,
  forgetTextBroadcast,
  primeTextBroadcasts,
  primeTexts,
} from "../../datasources/loaders.js";
import type { Loaders } from "../../datasources/loaders.types.js";
import { createServices, type Services } from "../../datasources/services/services.js";
import { bindIdempotency } from "../../src/state/idempotency-store.js";
import { createMemoryIdempotencyStore } from "../../src/state/memory-idempotency-store.js";
import { BroadcastStatus } from "../../schema/enums.js";
import type { Text } from "../../schema/text.type.js";
import { callfireFixture } from "../helpers/callfire-fixtures.js";
import { useFakeCallFire } from "../helpers/use-fake-callfire.js";
import { createRecordingLogger, type RecordingLogger } from "../helpers/recording-logger.js";

const callfire = useFakeCallFire();
let log: RecordingLogger;
let loaders: Loaders;
let services: Services;

beforeEach(() => {
  log = createRecordingLogger();
  const api = new CallFireRestApi({ http: callfire.http, credentials: { login: "l", password: "p" }, log });
  loaders = createLoaders(api);
  services = createServices(api, bindIdempotency(createMemoryIdempotencyStore(), undefined), log);
});

/** GET /texts?id=… answers every asked id except those in `missing`, in reverse order (CallFire's is any). */
function serveTextsById(missing: ReadonlySet<string> = new Set()): void {
  callfire.fake.on("GET", "/v2/texts", (call) => ({
    body: {
      items: call.query
        .getAll("id")
        .filter((id) => !missing.has(id))
        .reverse()
        .map((id) => ({ id: Number(id), message: `text ${id}` })),
    },
  }));
}

function upstream(): string[] {
  return callfire.fake.calls.map((call) => `${call.method} ${call.path}`);
}

describe("text", () => {
  it("batches 150 distinct ids (and duplicates) into 2 calls of 100 and 50, answers in key order", async () => {
    serveTextsById();
    const ids = Array.from({ length: 150 }, (_, index) => String(1000 + index));
    const keys = [...ids, ...ids.slice(0, 30), "1000"];
    const texts = await Promise.all(keys.map((id) => loaders.text.load(id)));

    expect(texts.map((text) => text.id)).toEqual(keys);
    expect(callfire.fake.calls.map((call) => call.query.getAll("id").length)).toEqual([100, 50]);
    expect(callfire.fake.calls.map((call) => call.query.get("limit"))).toEqual(["100", "50"]);
    expect(new Set(callfire.fake.calls.flatMap((call) => call.query.getAll("id")))).toEqual(new Set(ids));
  });

  it("a missing id is NOT_FOUND for that key only", async () => {
    serveTextsById(new Set(["2"]));
    const results = await Promise.allSettled(["1", "2", "3"].map((id) => loaders.text.load(id)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rejected = results[1] as PromiseRejectedResult;
    expect(errorCode(rejected.reason)).toBe("NOT_FOUND");
    expect((rejected.reason as Error).message).toBe("CallFire has no text 2");
    expect(callfire.fake.calls).toHaveLength(1);
  });

  it("finds a text asked for in a non-canonical form", async () => {
    serveTextsById();
    expect((await loaders.text.load("007")).id).toBe("7");
  });

  it("an upstream failure rejects every key of the batch with its code", async () => {
    callfire.fake.on("GET", "/v2/texts", { status: 401 });
    const results = await Promise.allSettled(["1", "2"].map((id) => loaders.text.load(id)));
    expect(results.map((result) => errorCode((result as PromiseRejectedResult).reason))).toEqual([
      "UNAUTHENTICATED",
      "UNAUTHENTICATED",
    ]);
  });
});

describe("one-at-a-time resources", () => {
  it("textBroadcast makes one GET per distinct id", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id", (call) => ({ body: { id: Number(call.params.id) } }));
    await Promise.all(["13", "13", "14", "13"].map((id) => loaders.textBroadcast.load(id)));
    await loaders.textBroadcast.load("14");
    expect(upstream().sort()).toEqual(["GET /v2/texts/broadcasts/13", "GET /v2/texts/broadcasts/14"]);
  });

  it("a 404 rejects only its own key", async () => {
    callfire.fake.on("GET", "/v2/campaigns/batches/:id", (call) =>
      call.params.id === "404" ? { status: 404 } : { body: { id: Number(call.params.id) } },
    );
    const results = await Promise.allSettled([loaders.batch.load("1"), loaders.batch.load("404")]);
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { id: "1" } });
    expect(errorCode((results[1] as PromiseRejectedResult).reason)).toBe("NOT_FOUND");
  });

  it("textAutoReply deduplicates too", async () => {
    callfire.fake.on("GET", "/v2/texts/auto-replys/:id", {
      body: callfireFixture("textAutoReplies/getTextAutoReply.response.json"),
    });
    await Promise.all([loaders.textAutoReply.load("15"), loaders.textAutoReply.load("15")]);
    expect(upstream()).toEqual(["GET /v2/texts/auto-replys/15"]);
  });

  it("stats are keyed by every parameter, dates by their time", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id/stats", {
      body: callfireFixture("textBroadcasts/getStats.response.json"),
    });
    await Promise.all([
      loaders.textBroadcastStats.load({ broadcastId: "13", begin: new Date(1000), end: null }),
      loaders.textBroadcastStats.load({ broadcastId: "13", begin: new Date(1000) }),
      loaders.textBroadcastStats.load({ broadcastId: "13", begin: new Date(2000) }),
      loaders.textBroadcastStats.load({ broadcastId: "14" }),
    ]);
    expect(callfire.fake.calls.map((call) => `${call.path}?${call.query}`).sort()).toEqual([
      "/v2/texts/broadcasts/13/stats?begin=1000",
      "/v2/texts/broadcasts/13/stats?begin=2000",
      "/v2/texts/broadcasts/14/stats?",
    ]);
  });
});

describe("priming", () => {
  it("a broadcast's texts page is cached per request and primes the text loader (services)", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id/texts", {
      body: callfireFixture("textBroadcasts/getTexts.response.json"),
    });
    const page = await services.textBroadcasts.texts({ broadcastId: "13", limit: 100 });
    const again = await services.textBroadcasts.texts({ broadcastId: "13", limit: 100 });
    expect(again).toBe(page);
    expect((await services.texts.byId("13403"))?.batchId).toBe("9");
    expect(upstream()).toEqual(["GET /v2/texts/broadcasts/13/texts"]);
  });

  it("a broadcast's batches page primes the batch loader (services)", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id/batches", {
      body: callfireFixture("textBroadcasts/getBatches.response.json"),
    });
    await services.textBroadcasts.batches("13", { limit: null, offset: null });
    expect((await services.batches.byId("9"))?.name).toBe("API 13");
    expect(upstream()).toEqual(["GET /v2/texts/broadcasts/13/batches"]);
  });

  it("primeTexts saves the later by-id call and never overwrites a loaded entry", async () => {
    serveTextsById();
    const loaded = await loaders.text.load("1");
    const listed: Text[] = [
      { ...loaded, message: "from a list" },
      { id: "2", labels: [], records: [], media: [], message: "listed" },
    ];
    primeTexts(loaders, listed);
    expect((await loaders.text.load("1")).message).toBe("text 1");
    expect((await loaders.text.load("2")).message).toBe("listed");
    expect(callfire.fake.calls).toHaveLength(1);
  });

  it("forgetTextBroadcast makes the next load ask CallFire again", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id", {
      body: callfireFixture("textBroadcasts/getTextBroadcast.response.json"),
    });
    primeTextBroadcasts(loaders, [
      { id: "13", labels: [], schedules: [], media: [], status: BroadcastStatus.SETUP },
    ]);
    expect((await loaders.textBroadcast.load("13")).status).toBe(BroadcastStatus.SETUP);
    forgetTextBroadcast(loaders, "13");
    expect((await loaders.textBroadcast.load("13")).status).toBe(BroadcastStatus.STOPPED);
    expect(upstream()).toEqual(["GET /v2/texts/broadcasts/13"]);
  });
});

describe("enum values CallFire adds later", () => {
  it("an unknown broadcast status becomes UNKNOWN, other unknown values null, each logged", async () => {
    callfire.fake.on("GET", "/v2/texts/broadcasts/:id", {
      body: { id: 13, status: "PAUSED_BY_AI", bigMessageStrategy: "EMOJI" },
    });
    const broadcast = await loaders.textBroadcast.load("13");
    expect(broadcast).toMatchObject({ status: BroadcastStatus.UNKNOWN, bigMessageStrategy: null });
    expect(log.lines.filter((line) => line.level === "warn")).toEqual([
      {
        level: "warn",
        message: "unknown CallFire enum value",
        fields: { field: "TextBroadcast.status", value: "PAUSED_BY_AI" },
      },
      {
        level: "warn",
        message: "unknown CallFire enum value",
        fields: { field: "TextBroadcast.bigMessageStrategy", value: "EMOJI" },
      },
    ]);
  });

  it("a text state only the newer spec has (SKIPPED) becomes null and is logged", async () => {
    callfire.fake.on("GET", "/v2/texts", {
      body: { items: [{ id: 1, state: "SKIPPED", finalTextResult: "INVALID_NUMBER" }] },
    });
    const text = await loaders.text.load("1");
    expect(text).toMatchObject({ state: null, finalTextResult: "INVALID_NUMBER" });
    expect(log.lines).toEqual([
      {
        level: "warn",
        message: "unknown CallFire enum value",
        fields: { field: "Text.state", value: "SKIPPED" },
      },
    ]);
  });
});
