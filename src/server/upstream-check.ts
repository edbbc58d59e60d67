// Readiness: can we reach CallFire? Any HTTP answer below 500 counts (a 401 still proves the upstream
// is up); a 5xx, a timeout or a refused connection does not. Probes arrive often and from anyone, so an
// answer is reused for a few seconds and concurrent probes share one CallFire call: /ready cannot be
// used to spend the server account's CallFire rate limit.
import type { Got } from "got";
import { authorizationHeader, type Credentials } from "../core/credentials.js";

export interface UpstreamStatus {
  reachable: boolean;
  status?: number;
  error?: string;
}

async function checkUpstream(http: Got, credentials?: Credentials): Promise<UpstreamStatus> {
  try {
    const response = await http.get("texts/auto-replys", {
      searchParams: { limit: 1, fields: "totalCount" },
      headers: credentials ? { authorization: authorizationHeader(credentials) } : {},
      throwHttpErrors: false,
      retry: { limit: 0 },
      timeout: { request: 3000 },
    });
    return { reachable: response.statusCode < 500, status: response.statusCode };
  } catch (error) {
    return { reachable: false, error: (error as { code?: string }).code ?? "request failed" };
  }
}

export function createReadinessCheck(
  http: Got,
  credentials: Credentials | undefined,
  reuseMs = 5000,
  now: () => number = Date.now,
): () => Promise<UpstreamStatus> {
  let last: { at: number; status: Promise<UpstreamStatus> } | undefined;
  return () => {
    if (!last || now() - last.at >= reuseMs) last = { at: now(), status: checkUpstream(http, credentials) };
    return last.status;
  };
}
