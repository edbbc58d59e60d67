// A loopback HTTP proxy that forwards every request to a target origin and records it, so tests can
// assert exactly which CallFire calls a GraphQL operation cost when the upstream is the real sandbox.
// It also counts the response body bytes of each call, for the benchmarks in bench/.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  /** Path without the query string, e.g. /v2/texts. */
  path: string;
  query: URLSearchParams;
  /** Response body bytes as received from the target (no headers); grows while the body streams. */
  responseBytes: number;
}

export interface RecordingProxy {
  origin: string;
  calls: RecordedCall[];
  /** "GET /v2/texts/broadcasts/1/stats" lines, for readable assertions. */
  lines(): string[];
  /** Response body bytes of every recorded call so far. */
  responseBytes(): number;
  reset(): void;
  stop(): Promise<void>;
}

export async function startRecordingProxy(targetOrigin: string): Promise<RecordingProxy> {
  const target = new URL(targetOrigin);
  const calls: RecordedCall[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const call: RecordedCall = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      responseBytes: 0,
    };
    calls.push(call);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on("data", (chunk: Buffer) => (call.responseBytes += chunk.length));
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    lines: () => calls.map((call) => `${call.method} ${call.path}`),
    responseBytes: () => calls.reduce((sum, call) => sum + call.responseBytes, 0),
    reset: () => void calls.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
