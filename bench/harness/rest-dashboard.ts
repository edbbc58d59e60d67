// The dashboard as a frontend would fetch it without the graph, straight from the CallFire REST API:
// the broadcast list, then per broadcast its stats, batches and texts, then any batch a text points at
// that the batch lists did not bring. `parallelism` 1 is a sequential waterfall; 6 is a browser's
// per-host connection limit over HTTP/1.1. It dedupes batch lookups, as a careful frontend would.
import { limiter } from "./limiter.js";
import { DASHBOARD_LIMIT } from "./operations.js";
import type { SandboxCall } from "./sandbox-client.js";

interface Page<T> {
  items?: T[];
}

interface CallFireText {
  id: number;
  batchId?: number;
}

/** What the screen ended up with, to check it matches the graph's answer. */
export interface DashboardCounts {
  broadcasts: number;
  batches: number;
  texts: number;
  textsWithBatch: number;
}

export interface RestDashboard {
  counts: DashboardCounts;
  calls: number;
}

export async function loadDashboardOverRest(call: SandboxCall, parallelism: number): Promise<RestDashboard> {
  const limit = limiter(parallelism);
  let calls = 0;
  const get = <T>(path: string) =>
    limit(() => {
      calls += 1;
      return call<T>("GET", path);
    });

  const list = await get<Page<{ id: number }>>(`/v2/texts/broadcasts?limit=${DASHBOARD_LIMIT}`);
  const broadcasts = list.items ?? [];
  const details = await Promise.all(
    broadcasts.map(async ({ id }) => {
      const base = `/v2/texts/broadcasts/${id}`;
      const [, batches, texts] = await Promise.all([
        get<object>(`${base}/stats`),
        get<Page<{ id: number }>>(`${base}/batches?limit=10`),
        get<Page<CallFireText>>(`${base}/texts?limit=5`),
      ]);
      return { batches: batches.items ?? [], texts: texts.items ?? [] };
    }),
  );

  const known = new Set(details.flatMap((detail) => detail.batches.map((batch) => batch.id)));
  const texts = details.flatMap((detail) => detail.texts);
  const missing = new Set(
    texts.flatMap((text) => (text.batchId == null || known.has(text.batchId) ? [] : [text.batchId])),
  );
  await Promise.all([...missing].map((batchId) => get<object>(`/v2/campaigns/batches/${batchId}`)));

  return {
    counts: {
      broadcasts: broadcasts.length,
      batches: known.size,
      texts: texts.length,
      textsWithBatch: texts.filter((text) => text.batchId != null).length,
    },
    calls,
  };
}
