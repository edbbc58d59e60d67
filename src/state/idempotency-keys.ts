// What identifies an idempotent call: its credential, its mutation and key, and a fingerprint of its
// arguments, each hashed so no store holds a password or a request body.
import { createHash } from "node:crypto";
import { apiError } from "../core/errors.js";
import type { IdempotencyScope } from "./idempotency-store.js";

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url");
}

/** Arguments as plain data with sorted keys and no nulls, so a retry that orders them differently matches. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null && entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, canonical(entry)]),
  );
}

export interface ScopeKeys {
  /** The credential: login and password, so two passwords of one login never share outcomes. */
  account: string;
  /** The mutation and key within the account. */
  id: string;
  /** The arguments, to refuse a key reused for another request. */
  fingerprint: string;
}

export function scopeKeys(scope: IdempotencyScope): ScopeKeys {
  return {
    account: hash([scope.credentials?.login, scope.credentials?.password]),
    id: hash([scope.mutation, scope.key]),
    fingerprint: hash(canonical(scope.args)),
  };
}

export function keyReusedError(scope: IdempotencyScope) {
  return apiError(
    "BAD_USER_INPUT",
    `idempotencyKey "${scope.key}" was already used for ${scope.mutation} with other arguments; use a new key for a new request.`,
  );
}
