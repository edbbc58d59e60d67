// Child process: a CallFire stand-in that answers GET /v2/texts?id=N after a fixed latency (the round
// trip to CallFire), with no database behind it, so nearly all the CPU on the machine goes to the
// servers under test. Anything else is 404.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serveUntilStopped } from "./child-lifecycle.js";
import { STAND_IN_LATENCY_VARIABLE, standInText } from "./stand-in.js";

const latencyMs = Number(process.env[STAND_IN_LATENCY_VARIABLE] ?? "5");

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://stand-in.invalid");
  const ids = url.searchParams.getAll("id").map(Number);
  req.resume();
  setTimeout(() => {
    if (req.method !== "GET" || url.pathname !== "/v2/texts" || ids.length === 0) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ httpStatusCode: 404, message: "not in the stand-in" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ items: ids.map(standInText), limit: ids.length, offset: 0, totalCount: ids.length }),
    );
  }, latencyMs);
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;
serveUntilStopped(
  { origin: `http://127.0.0.1:${port}` },
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
