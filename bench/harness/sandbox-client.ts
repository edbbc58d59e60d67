// Plain REST calls to the sandbox with its Basic credentials: fixtures, fault switches, and the
// hand-written REST client the screen benchmark compares the graph against.
import { REQUEST_TIMEOUT_MS } from "./timeouts.js";

export interface SandboxAccess {
  /** http://127.0.0.1:PORT (the sandbox itself, never the recording proxy). */
  origin: string;
  login: string;
  password: string;
}

export type SandboxCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function sandboxClient(access: SandboxAccess): SandboxCall {
  const authorization = `Basic ${Buffer.from(`${access.login}:${access.password}`).toString("base64")}`;
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${access.origin}${path}`, {
      method,
      headers: { authorization, accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Sandbox fault injection: latency added before every /v2 answer (0 turns it off). */
export async function setLatency(call: SandboxCall, latencyMs: number): Promise<void> {
  await call("PUT", "/sandbox/faults", { latencyMs });
}
