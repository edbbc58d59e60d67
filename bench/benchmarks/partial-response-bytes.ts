// (d) Upstream bytes with CallFire partial responses on vs off. Another change adds `fields` projections
// behind CALLFIRE_PARTIAL_RESPONSES; until loadConfig reads that variable this benchmark reports itself
// skipped, and from then on it measures without any edit here.
import { loadConfig } from "../../src/server/config.js";
import type { RecordedCall } from "../../testing/recording-proxy.js";
import { fillDashboardPage } from "../harness/fixture.js";
import { postGraphQL } from "../harness/graphql.js";
import type { SandboxBehindProxy } from "../../testing/graph-on-sandbox.js";
import { startCountedGraph, startCountedUpstream } from "../harness/in-process-graph.js";
import { DASHBOARD } from "../harness/operations.js";
import type { Benchmark, BenchmarkResult } from "../harness/result.js";
import { sandboxClient } from "../harness/sandbox-client.js";
import { times } from "../harness/table.js";
import { endpointOf } from "../harness/upstream-calls.js";

const FLAG = "CALLFIRE_PARTIAL_RESPONSES";

/** The flag exists when setting it changes the configuration loadConfig returns. */
export function partialResponsesAvailable(): boolean {
  return JSON.stringify(loadConfig({ [FLAG]: "true" })) !== JSON.stringify(loadConfig({ [FLAG]: "false" }));
}

interface Measured {
  answer: string;
  calls: RecordedCall[];
}

async function measure(upstream: SandboxBehindProxy, flag: boolean): Promise<Measured> {
  const graph = await startCountedGraph(upstream, { [FLAG]: String(flag) });
  try {
    upstream.proxy.reset();
    const answer = JSON.stringify(await postGraphQL(graph.url, DASHBOARD));
    return { answer, calls: [...upstream.proxy.calls] };
  } finally {
    await graph.stop();
  }
}

interface Totals {
  calls: number;
  /** Calls that carried a `fields` parameter: the projection actually reached CallFire. */
  projected: number;
  bytes: number;
}

function totalsOf(calls: readonly RecordedCall[]): Totals {
  return {
    calls: calls.length,
    projected: calls.filter((call) => call.query.has("fields")).length,
    bytes: calls.reduce((sum, call) => sum + call.responseBytes, 0),
  };
}

function row(label: string, off: Totals, on: Totals): Array<string | number> {
  return [
    label,
    `${off.calls} / ${on.calls}`,
    `${off.projected} / ${on.projected}`,
    off.bytes,
    on.bytes,
    times(on.bytes / off.bytes),
  ];
}

async function run(): Promise<BenchmarkResult> {
  if (!partialResponsesAvailable()) {
    const skipped = `skipped: ${FLAG} not available`;
    return { tables: [], notes: [], skipped, data: { skipped } };
  }
  const upstream = await startCountedUpstream();
  try {
    await fillDashboardPage(sandboxClient(upstream.sandbox));
    const off = await measure(upstream, false);
    const on = await measure(upstream, true);
    // Smaller upstream answers only count if the screen gets the same data.
    if (on.answer !== off.answer) throw new Error(`the dashboard answer differs with ${FLAG}=true`);

    const endpoints = [...new Set([...off.calls, ...on.calls].map(endpointOf))];
    const of = (calls: readonly RecordedCall[], endpoint: string) =>
      totalsOf(calls.filter((call) => endpointOf(call) === endpoint));
    const total = { off: totalsOf(off.calls), on: totalsOf(on.calls) };
    const notes = [
      "Bytes are response bodies as received from the sandbox at the recording proxy (no headers, no compression). The GraphQL answers with the flag on and off were compared and are identical.",
    ];
    if (total.on.projected === 0) {
      notes.push(
        `With ${FLAG}=true no call carried a fields parameter: loadConfig reads the flag, but the running server does not apply it to CallFire calls yet.`,
      );
    }
    return {
      tables: [
        {
          caption: `BroadcastDashboard (full page): CallFire response body bytes, ${FLAG}=false vs true`,
          headers: [
            "endpoint",
            "calls off / on",
            "with fields= off / on",
            "bytes off",
            "bytes on",
            "on ÷ off",
          ],
          rows: [
            ...endpoints.map((endpoint) => row(endpoint, of(off.calls, endpoint), of(on.calls, endpoint))),
            row("total", total.off, total.on),
          ],
        },
      ],
      notes,
      data: total,
    };
  } finally {
    await upstream.stop();
  }
}

export const partialResponseBytes: Benchmark = {
  id: "partial-response-bytes",
  title: "(d) Upstream bytes, partial responses on vs off",
  run,
};
