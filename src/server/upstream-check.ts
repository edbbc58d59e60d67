// Readiness: can we reach CallFire? Any answer CallFire gives below 500 counts (a 401 still proves the
// upstream is up); a 5xx, a timeout, a refused connection or an answer that breaks its protocol does not.
// Probes arrive often and from anyone, so an answer is reused for a few seconds and concurrent probes
// share one CallFire call: /ready cannot be used to spend the server account's CallFire rate limit.
import type { CallFireHttp } from "../../datasources/callfire-http.js";
import { RequestDeadline } from "../../datasources/request-deadline.js";
import { authorizationHeader, type Credentials } from "../core/credentials.js";
import { UpstreamFault, errorCode } from "../core/errors.js";
import type { Logger } from "../core/logger.js";

export interface UpstreamStatus {
  reachable: boolean;
  status?: number;
  error?: string;
}

/** How long one probe may take. */
const PROBE_DEADLINE_MS = 3000;

async function checkUpstream(
  http: CallFireHttp,
  credentials: Credentials | undefined,
  log: Logger,
): Promise<UpstreamStatus> {
  try {
    await http.send(
      {
        method: "GET",
        path: "texts/auto-replys",
        searchParams: new URLSearchParams({ limit: "1", fields: "totalCount" }),
        authorization: credentials && authorizationHeader(credentials),
        what: "the readiness probe",
      },
      new RequestDeadline(PROBE_DEADLINE_MS),
      log,
    );
    return { reachable: true, status: 200 };
  } catch (error) {
    const status = (error as { extensions?: { upstream?: { status?: number } } }).extensions?.upstream
      ?.status;
    const failed = error instanceof UpstreamFault || errorCode(error) === "UPSTREAM_UNAVAILABLE";
    return { reachable: !failed, ...(status === undefined ? {} : { status }), error: errorCode(error) };
  }
}

export function createReadinessCheck(
  http: CallFireHttp,
  credentials: Credentials | undefined,
  log: Logger,
  reuseMs = 5000,
  now: () => number = Date.now,
): () => Promise<UpstreamStatus> {
  let last: { at: number; status: Promise<UpstreamStatus> } | undefined;
  return () => {
    if (!last || now() - last.at >= reuseMs) {
      last = { at: now(), status: checkUpstream(http, credentials, log) };
    }
    return last.status;
  };
}
