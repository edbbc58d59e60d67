// `npm start` as a process: it comes up on the embedded sandbox, logs where to go, serves a query, and
// stops cleanly on SIGTERM with its sandbox data saved.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "callfire-graph-main-"));
const started: ChildProcess[] = [];
afterAll(() => {
  // A failed test must not leave a server behind.
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function startMain() {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    // As a user runs it: vitest's NODE_ENV=test would hide how the server handles signals outside tests.
    env: {
      ...process.env,
      NODE_ENV: "",
      PORT: "0",
      HOST: "127.0.0.1",
      SANDBOX_DB: join(dataDir, "sandbox.sqlite"),
      CALLFIRE_API_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(child);
  const lines: Record<string, unknown>[] = [];
  const up = new Promise<{ graphql: string; upstream: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no start-up line within 40 s")), 40_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (entry.message === "callfire-graph is up") {
        clearTimeout(timer);
        resolve(entry as { graphql: string; upstream: string });
      }
    });
    child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, up, exited, lines };
}

// Generous bounds: tsx compiles on start, which takes seconds on a busy 2-core machine.
describe("npm start", () => {
  it("starts on the embedded sandbox, answers, and stops cleanly on SIGTERM", async () => {
    const main = startMain();
    const startup = await main.up;
    expect(startup.upstream).toMatch(/^embedded CallFire sandbox at http:\/\/127\.0\.0\.1:\d+\/v2$/);

    const response = await fetch(startup.graphql, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "{ textAutoReplies { totalCount } }",
      }),
    });
    const body = (await response.json()) as { data: { textAutoReplies: { totalCount: number } } };
    expect(body.data.textAutoReplies.totalCount).toBeGreaterThan(0);

    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(main.lines.some((line) => line.message === "stopping")).toBe(true);
  }, 60_000);

  it("keeps the sandbox's data across a restart", async () => {
    const first = startMain();
    const { graphql } = await first.up;
    const created = await fetch(graphql, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: 'mutation { createTextAutoReply(input: { keyword: "persist", message: "kept" }) { id } }',
      }),
    });
    const { data } = (await created.json()) as { data: { createTextAutoReply: { id: string } } };
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = startMain();
    const restarted = await second.up;
    const read = await fetch(restarted.graphql, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ textAutoReply(id: "${data.createTextAutoReply.id}") { keyword message } }`,
      }),
    });
    expect(await read.json()).toEqual({ data: { textAutoReply: { keyword: "persist", message: "kept" } } });
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 90_000);
});
