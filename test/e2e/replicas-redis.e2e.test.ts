// Two replicas sharing Redis in front of one CallFire (the sandbox, behind a recording proxy): a client's
// retry may reach either replica, or come after both restarted, and still never sends twice. Redis is
// reached through a TCP proxy the test can cut, so the machine's Redis keeps serving everyone else.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/index.js";
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { SendTextsDocument } from "../generated/operations.js";
import { errorCodes, postGraphQL } from "../helpers/graphql-http.js";
import { startRecordingProxy, type RecordingProxy } from "../../testing/recording-proxy.js";
import { deleteKeys, TEST_REDIS_URL, testRedis, uniquePrefix } from "../helpers/redis.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";

const prefix = uniquePrefix();
let sandbox: RunningSandbox;
let upstream: RecordingProxy;
let redisProxy: TcpProxy;
let admin: Redis;
let replicas: RunningApp[] = [];

async function startReplica(): Promise<RunningApp> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    CALLFIRE_API_URL: `${upstream.origin}/v2`,
    CALLFIRE_API_LOGIN: sandbox.login,
    CALLFIRE_API_PASSWORD: sandbox.password,
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: "silent",
  });
  return startApp(config, createLogger(config.logLevel));
}

async function restartReplicas(): Promise<void> {
  await Promise.all(replicas.map((replica) => replica.stop()));
  replicas = await Promise.all([startReplica(), startReplica()]);
}

const posts = () => upstream.lines().filter((line) => line === "POST /v2/texts").length;

function send(replica: RunningApp, idempotencyKey: string, phoneNumber = "12135550701") {
  return postGraphQL(replica.url, SendTextsDocument, {
    recipients: [{ phoneNumber }],
    defaultMessage: "Your table is ready",
    idempotencyKey,
  });
}

const ids = (response: Awaited<ReturnType<typeof send>>) => response.data?.sendTexts.map((text) => text.id);

beforeAll(async () => {
  sandbox = await startSandbox({ dbPath: ":memory:", deliveryIntervalMs: 0 });
  upstream = await startRecordingProxy(sandbox.origin);
  const target = new URL(TEST_REDIS_URL);
  redisProxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
  admin = testRedis();
  replicas = await Promise.all([startReplica(), startReplica()]);
});

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await deleteKeys(admin, prefix);
  await admin.quit();
  await redisProxy.stop();
  await upstream.stop();
  await sandbox.stop();
});

describe("two replicas sharing Redis", () => {
  it("answers a keyed send repeated on the other replica with the same texts, sent once", async () => {
    upstream.reset();
    const [a, b] = replicas;
    const first = await send(a!, "table-7");
    const repeat = await send(b!, "table-7");
    expect(first.errors).toBeUndefined();
    expect(ids(repeat)).toEqual(ids(first));
    expect(posts()).toBe(1);
  });

  it("sends once for 20 concurrent repeats split across both replicas", async () => {
    upstream.reset();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(replicas[i % 2]!, "burst-1", "12135550702")),
    );
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((response) => JSON.stringify(ids(response))))).toHaveLength(1);
    expect(posts()).toBe(1);
  });

  it("still answers with the first outcome after both replicas restarted", async () => {
    upstream.reset();
    const first = await send(replicas[0]!, "before-deploy", "12135550703");
    await restartReplicas();
    const repeat = await send(replicas[1]!, "before-deploy", "12135550703");
    expect(ids(repeat)).toEqual(ids(first));
    expect(posts()).toBe(1);
  });

  it("finds a persisted query registered on one replica on the other", async () => {
    const query = "{ textAutoReplies { totalCount } }";
    const extensions = {
      persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") },
    };
    const post = (replica: RunningApp, body: object) =>
      fetch(replica.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...body, extensions }),
      }).then((response) => response.json() as Promise<{ data?: unknown; errors?: unknown[] }>);
    const registered = await post(replicas[0]!, { query });
    expect(registered.errors).toBeUndefined();
    expect(await post(replicas[1]!, {})).toEqual(registered);
  });

  it("with Redis cut: reads work, keyed sends are refused and send nothing, /ready names Redis; then recovers", async () => {
    upstream.reset();
    await redisProxy.cut();
    try {
      // A send without a key needs no Redis.
      const unkeyed = await postGraphQL(replicas[0]!.url, SendTextsDocument, {
        recipients: [{ phoneNumber: "12135550704" }],
        defaultMessage: "unkeyed",
      });
      expect(unkeyed.errors).toBeUndefined();
      const reads = await fetch(replicas[1]!.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ textAutoReplies { totalCount } }" }),
      }).then((response) => response.json());
      expect(reads).toMatchObject({ data: { textAutoReplies: { totalCount: expect.any(Number) } } });

      const refused = await Promise.all(
        replicas.map((replica) => send(replica, "during-outage", "12135550705")),
      );
      expect(refused.map(errorCodes)).toEqual([["IDEMPOTENCY_UNAVAILABLE"], ["IDEMPOTENCY_UNAVAILABLE"]]);
      expect(posts()).toBe(1); // the unkeyed send only

      const ready = await fetch(`${replicas[0]!.origin}/ready`);
      expect(ready.status).toBe(200); // reads still work: the replica stays in rotation
      expect(await ready.json()).toMatchObject({
        status: "degraded",
        down: ["redis"],
        upstream: { reachable: true },
        redis: { reachable: false },
      });
    } finally {
      await redisProxy.restore();
    }

    await expect
      .poll(
        async () =>
          ((await (await fetch(`${replicas[0]!.origin}/ready`)).json()) as { status: string }).status,
        {
          timeout: 10_000,
          interval: 200,
        },
      )
      .toBe("ready");
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${replicas[1]!.origin}/ready`)).json()) as { status: string }).status,
        {
          timeout: 10_000,
          interval: 200,
        },
      )
      .toBe("ready");
    upstream.reset();
    const [onA, onB] = [
      await send(replicas[0]!, "during-outage", "12135550705"),
      await send(replicas[1]!, "during-outage", "12135550705"),
    ];
    expect(onA.errors).toBeUndefined();
    expect(ids(onB)).toEqual(ids(onA));
    expect(posts()).toBe(1);
  });
});
