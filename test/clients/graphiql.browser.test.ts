// The browser pages in headless Chromium with every request off the machine blocked (as if offline):
// GraphiQL at /graphiql loads, runs its first query, and no request fails; /graphql, whose Apollo
// Sandbox comes from a CDN, shows the way to /graphiql. Needs a Chromium binary
// (CHROMIUM_PATH, default /usr/bin/chromium); skipped with a message where there is none.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGraph, type TestGraph } from "../helpers/start-graph.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(`Skipping the GraphiQL browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`);
}

describe.skipIf(!available)("GraphiQL in headless Chromium, offline", () => {
  let graph: TestGraph;
  let browser: Browser;

  beforeAll(async () => {
    graph = await startTestGraph({ env: { LOG_LEVEL: "silent" } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it("loads with nothing from the internet and runs its first query, with no failed request", async () => {
    const page = await browser.newPage();
    const offMachine: string[] = [];
    const failed: string[] = [];
    const consoleErrors: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === graph.app.origin) return route.continue();
      offMachine.push(url.href);
      return route.abort("internetdisconnected");
    });
    page.on("requestfailed", (request) => failed.push(`${request.method()} ${request.url()}`));
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });

    await page.goto(`${graph.app.origin}/graphiql`);
    const run = page.locator(".graphiql-execute-button");
    await run.waitFor({ timeout: 30_000 });
    const answer = page.waitForResponse(
      (response) => response.url() === graph.app.url && response.request().method() === "POST",
    );
    await run.click();
    const response = await answer;
    const body = (await response.json()) as {
      data?: { textBroadcasts: { items: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data!.textBroadcasts.items.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".result-window").innerText()).toContain('"textBroadcasts"');

    expect(offMachine).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it("at /graphql, where Apollo Sandbox cannot load offline, points to /graphiql", async () => {
    const page = await browser.newPage();
    await page.route("**/*", (route) =>
      new URL(route.request().url()).origin === graph.app.origin
        ? route.continue()
        : route.abort("internetdisconnected"),
    );
    await page.goto(graph.app.url);
    const link = page.getByRole("link", { name: "GraphiQL at /graphiql" });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await page.locator(".fallback").innerText()).toContain("Apollo Sandbox cannot be loaded");
    await link.click();
    await page.waitForURL(`${graph.app.origin}/graphiql`);
    await page.locator(".graphiql-execute-button").waitFor({ timeout: 30_000 });
  }, 90_000);
});
