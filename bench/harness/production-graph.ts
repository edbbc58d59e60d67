// The graph as it is deployed: the command of `npm run start:prod` (package.json), run on the compiled
// build in dist/, so node flags added there are measured too. Only the variables given here reach it
// (plus PATH): the shell's own CALLFIRE_* or LOG_LEVEL never leak into a benchmark. Its stdout (the
// request log, at the default level) goes to /dev/null, as cheap a sink as a log pipe gets.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { LIFETIME_GUARD_IMPORT } from "./child-lifecycle.js";
import type { ChildServer } from "./child-servers.js";
import { processUsage } from "./process-usage.js";
import { stopChild } from "./stop-child.js";

const ROOT = new URL("../../", import.meta.url);
const START_TIMEOUT_MS = 30_000;

interface StartCommand {
  env: Record<string, string>;
  /** Node's own flags, then the script and its arguments. */
  nodeArgs: string[];
}

/**
 * `[exec] [NAME=value …] node [flags…] script`: the only shape start:prod may take, so it can run here
 * as is (`exec` only hands npm's signals to node; here node is started directly).
 */
export function startProdCommand(): StartCommand {
  const scripts = (
    JSON.parse(readFileSync(new URL("package.json", ROOT), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const script = scripts["start:prod"];
  if (script === undefined) throw new Error('package.json has no "start:prod" script to benchmark');
  const words = script.trim().split(/\s+/);
  if (words[0] === "exec") words.shift();
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name] = value.join("=");
  }
  if (words.shift() !== "node")
    throw new Error(`start:prod must be "[exec] [NAME=value …] node …": ${script}`);
  const entry = words.find((word) => !word.startsWith("-"));
  if (entry === undefined || !existsSync(new URL(entry, ROOT))) {
    throw new Error(`start:prod runs ${entry ?? "nothing"}, which is not built: run npm run build first`);
  }
  return { env, nodeArgs: words };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(origin: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("the graph exited while starting");
    try {
      const response = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`the graph did not answer /health within ${START_TIMEOUT_MS} ms`);
}

/**
 * `env`: the graph's configuration (CallFire URL and credentials, flags); PORT and HOST are set here.
 * `nodeFlags` go before start:prod's own (e.g. --cpu-prof to profile it).
 */
export async function startProductionGraph(
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<ChildServer<{ url: string }>> {
  const command = startProdCommand();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", LIFETIME_GUARD_IMPORT, ...nodeFlags, ...command.nodeArgs],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...command.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
      // The IPC channel only tells the lifetime guard when this process goes away.
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(origin, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const pid = child.pid!;
  return {
    ready: { url: `${origin}/graphql` },
    pid,
    usage: () => processUsage(pid),
    stop: () => stopChild(child),
  };
}
