// `npm start` as a new user runs it: no CALLFIRE_API_URL, so the embedded sandbox is the upstream.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";

describe("serving with the embedded sandbox", () => {
  let app: RunningApp;
  const logs: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "debug" });
    app = await startApp(
      config,
      createLogger(config.logLevel, (line) => logs.push(line)),
      { dbPath: ":memory:" },
    );
  });
  afterAll(() => app?.stop());

  it("uses the embedded sandbox and answers a nested query from its seed data", async () => {
    expect(app.upstream.kind).toBe("embedded-sandbox");
    const response = await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "{ textBroadcasts { totalCount items { id name status stats { totalOutboundCount } } } }",
      }),
    });
    const body = (await response.json()) as {
      data: { textBroadcasts: { totalCount: number; items: unknown[] } };
    };
    expect(response.status).toBe(200);
    expect(body.data.textBroadcasts.items.length).toBeGreaterThan(0);
  });

  it("serves /health, /ready and an offline GraphiQL", async () => {
    expect(await (await fetch(`${app.origin}/health`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", upstream: { reachable: true } });
    const graphiql = await fetch(`${app.origin}/graphiql`);
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get("content-encoding")).toBe("gzip");
    const html = await graphiql.text();
    expect(html).toContain("<html");
    // It opens on a query that shows data at once.
    expect(html).toContain("query Dashboard");
    // Everything inlined: no script or stylesheet is fetched from elsewhere.
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
  });

  it("shows the Apollo Sandbox landing page to a browser in development", async () => {
    const page = await fetch(app.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("embeddable-sandbox");
  });

  it("lets Apollo Studio and localhost origins in through CORS, and no one else", async () => {
    const preflight = (origin: string) =>
      fetch(app.url, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type,authorization",
        },
      });
    const studio = await preflight("https://studio.apollographql.com");
    expect(studio.headers.get("access-control-allow-origin")).toBe("https://studio.apollographql.com");
    const local = await preflight("http://localhost:5173");
    expect(local.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const other = await preflight("https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("never logs the sandbox password", () => {
    expect(logs.join("\n")).not.toContain(app.sandbox!.password);
  });
});
