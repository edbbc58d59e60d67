// One GraphQL request over HTTP, as a client would send it; any error fails the benchmark, since a
// number measured on an error answer means nothing.
import { REQUEST_TIMEOUT_MS } from "./timeouts.js";

export interface Operation {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

export function operationBody(operation: Operation): string {
  return JSON.stringify(operation);
}

export async function postGraphQL<TData>(url: string, operation: Operation): Promise<TData> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: operationBody(operation),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { data?: TData; errors?: unknown[] };
  if (response.status !== 200 || body.errors !== undefined || body.data === undefined) {
    throw new Error(
      `${operation.operationName ?? "operation"} failed (HTTP ${response.status}): ${JSON.stringify(body.errors)}`,
    );
  }
  return body.data;
}
