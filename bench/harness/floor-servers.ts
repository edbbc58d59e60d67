// The stand-in upstream and the servers compared on it: the bare forwarder and the plain stack (the
// floors) and the graph (production build), all child processes pointed at the same stand-in.
import { startScript, type ChildServer } from "./child-servers.js";
import { startProductionGraph } from "./production-graph.js";
import {
  STAND_IN_LATENCY_VARIABLE,
  STAND_IN_LOGIN,
  STAND_IN_PASSWORD,
  UPSTREAM_VARIABLE,
} from "./stand-in.js";

export type StandIn = ChildServer<{ origin: string }>;
export type ServerUnderTest = ChildServer<{ url: string }>;

export function startStandIn(latencyMs: number): Promise<StandIn> {
  return startScript("./serve-stand-in.ts", { [STAND_IN_LATENCY_VARIABLE]: String(latencyMs) });
}

export function startBareForwarder(standIn: StandIn): Promise<ServerUnderTest> {
  return startScript("./serve-bare-forwarder.ts", { [UPSTREAM_VARIABLE]: standIn.ready.origin });
}

export function startPlainStack(standIn: StandIn): Promise<ServerUnderTest> {
  return startScript("./serve-plain-stack.ts", { [UPSTREAM_VARIABLE]: standIn.ready.origin });
}

/** The graph with its default configuration, its CallFire being the stand-in. */
export function startGraphOnStandIn(standIn: StandIn): Promise<ServerUnderTest> {
  return startProductionGraph({
    CALLFIRE_API_URL: `${standIn.ready.origin}/v2`,
    CALLFIRE_API_LOGIN: STAND_IN_LOGIN,
    CALLFIRE_API_PASSWORD: STAND_IN_PASSWORD,
  });
}

/** Stops them all, the last started first. */
export async function stopAll(servers: ReadonlyArray<{ stop(): Promise<void> } | undefined>): Promise<void> {
  for (const server of [...servers].reverse()) await server?.stop();
}
