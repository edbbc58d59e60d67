// A callback endpoint for sandbox webhook tests: records every POST (headers and exact body bytes) and
// answers with the status the test sets.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface CaughtDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookCatcher {
  url: string;
  deliveries: CaughtDelivery[];
  /** Status the next deliveries are answered with (default 200). */
  answerWith(status: number): void;
  /** Resolves once `count` deliveries arrived (fails the test after a bounded wait). */
  waitFor(count: number): Promise<CaughtDelivery[]>;
  close(): Promise<void>;
}

export async function startWebhookCatcher(): Promise<WebhookCatcher> {
  const deliveries: CaughtDelivery[] = [];
  const waiters: (() => void)[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      deliveries.push({
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.statusCode = status;
      res.end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    answerWith: (next) => {
      status = next;
    },
    async waitFor(count) {
      const deadline = Date.now() + 10_000;
      while (deliveries.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} deliveries, got ${deliveries.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200).unref();
        });
      }
      return deliveries.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
