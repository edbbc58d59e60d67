// Reading recorded CallFire calls: a short per-endpoint summary such as "broadcasts/{id}/stats ×10".
import type { RecordedCall } from "../../testing/recording-proxy.js";

/** "/v2/texts/broadcasts/13/stats" → "broadcasts/{id}/stats". */
export function endpointOf(call: RecordedCall): string {
  return call.path
    .replace(/^\/v2\//, "")
    .replace(/^texts\/broadcasts/, "broadcasts")
    .replace(/\/\d+(?=\/|$)/g, "/{id}");
}

export function endpointSummary(calls: readonly RecordedCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(endpointOf(call), (counts.get(endpointOf(call)) ?? 0) + 1);
  return [...counts].map(([endpoint, count]) => `${endpoint} ×${count}`).join(", ");
}
