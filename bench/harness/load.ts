// A bounded closed-loop load generator: `concurrency` clients, each sending its next request as soon as
// the previous one is answered, until the time or the request budget runs out. Keep-alive node:http
// (lighter than fetch, so the client takes less of the shared CPU). Every answer is checked: HTTP 200
// and no GraphQL errors.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { REQUEST_TIMEOUT_MS } from "./timeouts.js";

export interface LoadOptions {
  url: string;
  /** The JSON body of request number i. */
  body: (i: number) => string;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  failures: number;
  firstFailure?: string;
  elapsedMs: number;
  latenciesMs: number[];
}

function post(agent: http.Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error("request timed out")));
    request.on("error", reject);
    request.end(body);
  });
}

function failureOf(status: number, text: string): string | undefined {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  const body = JSON.parse(text) as { errors?: unknown[] };
  return body.errors === undefined ? undefined : JSON.stringify(body.errors).slice(0, 200);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  let issued = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const client = async () => {
    while (issued < options.maxRequests && performance.now() < deadline) {
      const body = options.body(issued);
      issued += 1;
      const sent = performance.now();
      let failure: string | undefined;
      try {
        const answer = await post(agent, url, body);
        failure = failureOf(answer.status, answer.text);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      latenciesMs.push(performance.now() - sent);
      if (failure !== undefined) {
        failures += 1;
        firstFailure ??= failure;
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, client));
  } finally {
    agent.destroy();
  }
  return {
    requests: latenciesMs.length,
    failures,
    firstFailure,
    elapsedMs: performance.now() - started,
    latenciesMs,
  };
}
