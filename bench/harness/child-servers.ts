// Starts the sandbox and the graph as child processes (tsx), so a load generator in this process does
// not share their event loop, and so each one's CPU time can be read on its own. Each child stops when
// told, when this process exits, or after its lifetime cap (child-lifecycle.ts).
import { fork, type ChildProcess } from "node:child_process";
import { CPU_REQUEST, GRAPH_ENV_VARIABLE, type ChildMessage } from "./child-lifecycle.js";
import type { SandboxAccess } from "./sandbox-client.js";

const START_TIMEOUT_MS = 30_000;
const REPLY_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 5_000;

interface Child<T> {
  ready: T;
  /** User + system CPU time the child has used since it started, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

type MessageKey = "ready" | "cpuMicros";

function nextMessage(child: ChildProcess, key: MessageKey, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`no "${key}" from child ${child.pid} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: ChildMessage) => {
      if (key in message) done(undefined, (message as Record<MessageKey, unknown>)[key]);
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

async function startChild<T>(script: string, env: Record<string, string> = {}): Promise<Child<T>> {
  const child = fork(new URL(script, import.meta.url).pathname, {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let ready: T;
  try {
    ready = (await nextMessage(child, "ready", START_TIMEOUT_MS)) as T;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    ready,
    cpuMicros: () => {
      const answer = nextMessage(child, "cpuMicros", REPLY_TIMEOUT_MS);
      child.send(CPU_REQUEST);
      return answer as Promise<number>;
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export interface ChildServers {
  sandbox: SandboxAccess;
  graphUrl: string;
  /** CPU time used so far by each child, in microseconds. */
  cpuMicros(): Promise<{ graph: number; sandbox: number }>;
  stop(): Promise<void>;
}

/** A sandbox child and a graph child pointed straight at it (no proxy: nothing in between to time). */
export async function startChildServers(): Promise<ChildServers> {
  const sandbox = await startChild<SandboxAccess>("./serve-sandbox.ts");
  try {
    const graph = await startChild<{ url: string }>("./serve-graph.ts", {
      [GRAPH_ENV_VARIABLE]: JSON.stringify({
        CALLFIRE_API_URL: `${sandbox.ready.origin}/v2`,
        CALLFIRE_API_LOGIN: sandbox.ready.login,
        CALLFIRE_API_PASSWORD: sandbox.ready.password,
        LOG_LEVEL: "error",
      }),
    });
    return {
      sandbox: sandbox.ready,
      graphUrl: graph.ready.url,
      cpuMicros: async () => ({ graph: await graph.cpuMicros(), sandbox: await sandbox.cpuMicros() }),
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
