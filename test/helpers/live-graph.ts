// Live updates end to end: the graph with its embedded sandbox (deliveries on demand, no seed), graphql-ws
// clients over real WebSockets, and the helpers the subscription tests share.
import { createHmac } from "node:crypto";
import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";
import { createWebhookKeys } from "../../src/live/webhook-keys.js";
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { basicAuth } from "./graphql-http.js";

export const WEBHOOK_SECRET = "test-webhook-secret-of-at-least-32-characters";

export interface LiveGraph {
  app: RunningApp;
  wsUrl: string;
  logs: string[];
  /** The embedded sandbox's default account (the server's own credentials). */
  serverAccount: { login: string; password: string };
  /** A sandbox endpoint (tick, inbound) for an account. */
  sandboxCall(path: string, account: { login: string; password: string }, body?: unknown): Promise<unknown>;
  /** The value of one metric line, e.g. "graphql_subscriptions". */
  metric(name: string): Promise<number>;
  /** Resolves once `name` reads `value` (bounded wait). */
  metricReaches(name: string, value: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startLiveGraph(env: Record<string, string> = {}): Promise<LiveGraph> {
  const logs: string[] = [];
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", WEBHOOK_SECRET, ...env });
  const app = await startApp(
    config,
    createLogger(config.logLevel, (line) => logs.push(line)),
    {
      dbPath: ":memory:",
      seed: false,
      deliveryIntervalMs: 0,
    },
  );
  const sandbox = app.sandbox as NonNullable<RunningApp["sandbox"]>;
  const metric = async (name: string) => {
    const text = await (await fetch(`${app.origin}/metrics`)).text();
    const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `));
    return Number(line?.split(" ")[1] ?? Number.NaN);
  };
  return {
    app,
    wsUrl: app.url.replace(/^http/, "ws"),
    logs,
    serverAccount: { login: sandbox.login, password: sandbox.password },
    async sandboxCall(path, account, body) {
      const response = await fetch(`${sandbox.origin}${path}`, {
        method: "POST",
        headers: {
          authorization: basicAuth(account.login, account.password),
          "content-type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    metric,
    async metricReaches(name, value) {
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if ((await metric(name)) === value) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`${name} never reached ${value}; it is ${await metric(name)}`);
    },
    stop: () => app.stop(),
  };
}

/** A graphql-ws client; `authorization` goes in connectionParams as Apollo Client and GraphiQL send it. */
export function wsClient(url: string, authorization?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: authorization === undefined ? undefined : { Authorization: authorization },
  });
}

export interface Collected<T> {
  results: FormattedExecutionResult<T, unknown>[];
  /** Resolves once `count` results arrived (bounded wait). */
  take(count: number): Promise<FormattedExecutionResult<T, unknown>[]>;
  /** Set when the server ended the subscription with an error, or the connection closed. */
  failure: unknown;
  done: boolean;
  unsubscribe(): void;
}

/** Subscribes and collects every result in arrival order. */
export function collect<T>(client: Client, query: string, variables?: Record<string, unknown>): Collected<T> {
  const collected: Collected<T> = {
    results: [],
    failure: undefined,
    done: false,
    async take(count) {
      for (let attempt = 0; attempt < 400 && collected.results.length < count; attempt += 1) {
        if (collected.done) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      if (collected.results.length < count) {
        throw new Error(
          `expected ${count} results, got ${JSON.stringify(collected.results)} (failure: ${String(collected.failure)})`,
        );
      }
      return collected.results.slice(0, count);
    },
    unsubscribe: () => {},
  };
  collected.unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => collected.results.push(result),
      error: (error) => {
        collected.failure = error;
        collected.done = true;
      },
      complete: () => {
        collected.done = true;
      },
    },
  );
  return collected;
}

/**
 * CallFire's webhook delivery of one inbound text (InboundText Finished) for `login`'s account, signed with
 * that account's secret under WEBHOOK_SECRET; each call posts the same bytes to the server at `origin`.
 */
export function signedInboundText(
  login: string,
  text: { id: number; fromNumber: string; message: string },
): (origin: string) => Promise<Response> {
  const keys = createWebhookKeys(WEBHOOK_SECRET);
  const accountKey = keys.accountKey(login);
  const timestamp = Date.now();
  const resource = {
    id: text.id,
    fromNumber: text.fromNumber,
    toNumber: "67076",
    inbound: true,
    state: "FINISHED",
    message: text.message,
  };
  const body = JSON.stringify({
    timestamp,
    events: [{ timestamp, resourceType: "InboundText", eventType: "Finished", resource }],
  });
  const signature = createHmac("sha1", keys.secretFor(accountKey)).update(body).digest("hex");
  return (origin) =>
    fetch(`${origin}/webhooks/callfire/${accountKey}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-callfire-signature": signature },
      body,
    });
}
