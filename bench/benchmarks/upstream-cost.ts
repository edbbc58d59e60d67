// (a) Upstream cost: CallFire calls per GraphQL operation, counted exactly at a recording proxy, next to
// what a resolver-per-field implementation without DataLoader would make for the same answer.
import { postGraphQL, type Operation } from "../harness/graphql.js";
import { fillDashboardPage, sendTexts } from "../harness/fixture.js";
import type { SandboxBehindProxy } from "../../testing/graph-on-sandbox.js";
import { startCountedGraph, startCountedUpstream } from "../harness/in-process-graph.js";
import { BROADCAST_TREE, DASHBOARD, textAliases, textEntities } from "../harness/operations.js";
import { textsWithBatch, type DashboardData } from "../harness/dashboard-shape.js";
import type { Benchmark, BenchmarkResult } from "../harness/result.js";
import { sandboxClient } from "../harness/sandbox-client.js";
import { times } from "../harness/table.js";
import { endpointSummary } from "../harness/upstream-calls.js";

/** Each operation runs this often; the count must not change between runs to be called exact. */
const REPEATS = 3;

interface Case {
  operation: string;
  graphCalls: number;
  naiveCalls: number;
  formula: string;
  endpoints: string;
}

async function countCalls<TData>(
  upstream: SandboxBehindProxy,
  url: string,
  operation: Operation,
): Promise<{ data: TData; calls: number; endpoints: string }> {
  const counts: number[] = [];
  let last: { data: TData; endpoints: string } | undefined;
  for (let i = 0; i < REPEATS; i += 1) {
    upstream.proxy.reset();
    const data = await postGraphQL<TData>(url, operation);
    counts.push(upstream.proxy.calls.length);
    last = { data, endpoints: endpointSummary(upstream.proxy.calls) };
  }
  if (new Set(counts).size !== 1) {
    throw new Error(`${operation.operationName}: call count changed between runs (${counts.join(", ")})`);
  }
  return { ...last!, calls: counts[0] };
}

async function dashboardCase(
  upstream: SandboxBehindProxy,
  url: string,
  label: string,
  operation: Operation,
  perBroadcast: number,
): Promise<Case> {
  const { data, calls, endpoints } = await countCalls<DashboardData>(upstream, url, operation);
  const broadcasts = data.textBroadcasts.items.length;
  const batched = textsWithBatch(data);
  return {
    operation: `${label} (B=${broadcasts}, Tb=${batched})`,
    graphCalls: calls,
    naiveCalls: 1 + perBroadcast * broadcasts + batched,
    formula: `1 + ${perBroadcast}·B + Tb`,
    endpoints,
  };
}

async function textCase(
  upstream: SandboxBehindProxy,
  url: string,
  label: string,
  operation: Operation,
  fields: number,
): Promise<Case> {
  const { calls, endpoints } = await countCalls(upstream, url, operation);
  return { operation: label, graphCalls: calls, naiveCalls: fields, formula: "N", endpoints };
}

async function run(): Promise<BenchmarkResult> {
  const upstream = await startCountedUpstream();
  try {
    const graph = await startCountedGraph(upstream);
    try {
      const cases: Case[] = [];
      cases.push(await dashboardCase(upstream, graph.url, "BroadcastDashboard, seed", DASHBOARD, 3));

      const call = sandboxClient(upstream.sandbox);
      await fillDashboardPage(call);
      const ids = await sendTexts(call, 250);
      cases.push(await dashboardCase(upstream, graph.url, "BroadcastDashboard, full page", DASHBOARD, 3));
      cases.push(await dashboardCase(upstream, graph.url, "BroadcastTree", BROADCAST_TREE, 2));
      cases.push(
        await textCase(
          upstream,
          graph.url,
          "_entities, 100 Text (N=100)",
          textEntities(ids.slice(0, 100)),
          100,
        ),
      );
      cases.push(await textCase(upstream, graph.url, "_entities, 250 Text (N=250)", textEntities(ids), 250));
      // 30 distinct ids, then 20 of them again.
      const aliased = [...ids.slice(0, 30), ...ids.slice(0, 20)];
      cases.push(
        await textCase(
          upstream,
          graph.url,
          "50 text(id:) aliases, 30 distinct (N=50)",
          textAliases(aliased),
          50,
        ),
      );

      return {
        tables: [
          {
            caption: "CallFire calls per operation (exact; identical over 3 runs each)",
            headers: [
              "operation",
              "graph calls",
              "naive calls",
              "naive formula",
              "naive ÷ graph",
              "graph calls by endpoint",
            ],
            rows: cases.map((c) => [
              c.operation,
              c.graphCalls,
              c.naiveCalls,
              c.formula,
              times(c.naiveCalls / c.graphCalls),
              c.endpoints,
            ]),
          },
        ],
        notes: [
          "B = broadcasts on the page, Tb = texts on the page whose batch is not null, N = Text fields or representations.",
          "Naive = one call per resolver per parent, no DataLoader: the list, then per broadcast one stats, one batches and one texts call (BroadcastTree: batches and texts only), one GET /campaigns/batches/{id} per text with a batch, and one GET /texts/{id} per text field or representation (duplicates included).",
          "'seed' is the sandbox's first-start data (4 visible broadcasts); 'full page' adds 6 broadcasts with 2 batches of 4 texts each, so limit 10 is filled.",
        ],
        data: cases,
      };
    } finally {
      await graph.stop();
    }
  } finally {
    await upstream.stop();
  }
}

export const upstreamCost: Benchmark = { id: "upstream-cost", title: "(a) Upstream cost", run };
