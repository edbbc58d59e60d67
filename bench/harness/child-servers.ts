// Servers as child processes, so a load generator in this process does not share their event loop and
// each one's CPU time and memory can be read on its own (process-usage.ts). The graph runs from the
// production build, started as `npm run start:prod` starts it (production-graph.ts); the sandbox and
// the reference servers run their TypeScript through tsx. Each child stops when told, when this process
// exits, or after its lifetime cap (child-lifecycle.ts).
import { fork, type ChildProcess } from "node:child_process";
import type { ReadyMessage } from "./child-lifecycle.js";
import { startProductionGraph } from "./production-graph.js";
import { processUsage, type ProcessUsage } from "./process-usage.js";
import { stopChild } from "./stop-child.js";
import type { SandboxAccess } from "./sandbox-client.js";

const START_TIMEOUT_MS = 30_000;

export interface ChildServer<T = unknown> {
  ready: T;
  pid: number;
  usage(): ProcessUsage;
  stop(): Promise<void>;
}

function readyMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`child ${child.pid} not ready in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const onMessage = (message: ReadyMessage) => {
      if (typeof message === "object" && message !== null && "ready" in message)
        done(undefined, message.ready);
    };
    const onExit = (code: number | null) => done(new Error(`child ${child.pid} exited with ${code}`));
    const done = (error?: Error, value?: unknown) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(value);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** A bench script (TypeScript, through tsx) that calls serveUntilStopped once it listens. */
export async function startScript<T>(
  script: string,
  env: Record<string, string> = {},
): Promise<ChildServer<T>> {
  const child = fork(new URL(script, import.meta.url).pathname, {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let ready: T;
  try {
    ready = (await readyMessage(child)) as T;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const pid = child.pid!;
  return { ready, pid, usage: () => processUsage(pid), stop: () => stopChild(child) };
}

export interface ChildServers {
  sandbox: ChildServer<SandboxAccess>;
  graph: ChildServer<{ url: string }>;
  stop(): Promise<void>;
}

/** A sandbox child and a production-build graph pointed straight at it (no proxy in between to time). */
export async function startChildServers(): Promise<ChildServers> {
  const sandbox = await startScript<SandboxAccess>("./serve-sandbox.ts");
  try {
    const graph = await startProductionGraph({
      CALLFIRE_API_URL: `${sandbox.ready.origin}/v2`,
      CALLFIRE_API_LOGIN: sandbox.ready.login,
      CALLFIRE_API_PASSWORD: sandbox.ready.password,
    });
    return {
      sandbox,
      graph,
      stop: async () => {
        await graph.stop();
        await sandbox.stop();
      },
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}
