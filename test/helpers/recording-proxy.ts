// A loopback HTTP proxy that forwards every request to a target origin and records it, so tests can
// assert exactly which CallFire calls a GraphQL operation cost when the upstream is the real sandbox.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  /** Path without the query string, e.g. /v2/texts. */
  path: string;
  query: URLSearchParams;
}

export interface RecordingProxy {
  origin: string;
  calls: RecordedCall[];
  /** "GET /v2/texts/broadcasts/1/stats" lines, for readable assertions. */
  lines(): string[];
  reset(): void;
  stop(): Promise<void>;
}

export async function startRecordingProxy(targetOrigin: string): Promise<RecordingProxy> {
  const target = new URL(targetOrigin);
  const calls: RecordedCall[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    calls.push({ method: req.method ?? "GET", path: url.pathname, query: url.searchParams });
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
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
    reset: () => void calls.splice(0),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
