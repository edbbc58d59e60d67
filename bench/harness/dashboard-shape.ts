// The part of a dashboard answer (BroadcastDashboard or BroadcastTree) the benchmarks count and compare.

export interface DashboardText {
  id: string;
  batch: { id: string; name: string } | null;
}

export interface DashboardBroadcast {
  id: string;
  batches: { items: { id: string }[] };
  texts: { items: DashboardText[] };
}

export interface DashboardData {
  textBroadcasts: { items: DashboardBroadcast[] };
}

/** Texts on the page that point at a batch: what a resolver-per-field Text.batch would fetch one by one. */
export function textsWithBatch(data: DashboardData): number {
  return data.textBroadcasts.items.reduce(
    (sum, broadcast) => sum + broadcast.texts.items.filter((text) => text.batch !== null).length,
    0,
  );
}
