// Child process: the floor for any Node layer over CallFire. A bare node:http server that reads the
// GraphQL request body, sends one keep-alive GET /texts?id=… upstream and answers the text as a GraphQL
// response would carry it. No GraphQL, no framework: what is left is HTTP in, HTTP out and JSON.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serveUntilStopped } from "./child-lifecycle.js";
import { STAND_IN_LOGIN, STAND_IN_PASSWORD, UPSTREAM_VARIABLE } from "./stand-in.js";

const upstream = new URL(process.env[UPSTREAM_VARIABLE] ?? "");
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const authorization = `Basic ${Buffer.from(`${STAND_IN_LOGIN}:${STAND_IN_PASSWORD}`).toString("base64")}`;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

interface Page {
  items?: Array<{ id: number }>;
}

/** The first item with its id as a string, as GraphQL's ID serialises it. */
function textOf(page: Page): unknown {
  const item = page.items?.[0];
  return item === undefined ? null : { ...item, id: String(item.id) };
}

function getText(id: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: `/v2/texts?id=${encodeURIComponent(id)}&limit=1`,
        agent,
        headers: { accept: "application/json", authorization },
      },
      (response) => {
        readBody(response).then((text) => resolve(textOf(JSON.parse(text) as Page)), reject);
      },
    );
    request.on("error", reject);
  });
}

const server = http.createServer((req, res) => {
  readBody(req)
    .then(async (body) => {
      const { variables } = JSON.parse(body) as { variables: { id: string } };
      const text = await getText(variables.id);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: { text } }));
    })
    .catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
    });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
serveUntilStopped(
  { url: `http://127.0.0.1:${port}/graphql` },
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
