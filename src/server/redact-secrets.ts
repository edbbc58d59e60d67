// Censors fields named like a secret in a log line's fields, up to MAX_DEPTH levels below the top, so a
// credential that reaches a log call by mistake still never reaches the log. One read-only pass finds
// none in nearly every line; only a line that has one is copied, along the way to each secret (the
// caller's objects are never changed).
const SECRET_KEYS = new Set(["authorization", "Authorization", "password", "secret", "token", "credentials"]);
const MAX_DEPTH = 4;
const CENSOR = "[redacted]";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function hasSecret(value: Record<string, unknown>, depth: number): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (SECRET_KEYS.has(key)) return true;
    const child = value[key];
    if (depth < MAX_DEPTH && isObject(child) && hasSecret(child, depth + 1)) return true;
  }
  return false;
}

/** A copy to censor: an error stays an error (message, stack and type included) for pino's serializer. */
function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(value)) return [...value] as unknown as Record<string, unknown>;
  if (value instanceof Error) {
    return Object.create(Object.getPrototypeOf(value), Object.getOwnPropertyDescriptors(value)) as Record<
      string,
      unknown
    >;
  }
  return { ...value };
}

function censored(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const copy = copyOf(value);
  for (const key of Object.keys(copy)) {
    const child = copy[key];
    if (SECRET_KEYS.has(key)) copy[key] = CENSOR;
    else if (depth < MAX_DEPTH && isObject(child) && hasSecret(child, depth + 1)) {
      copy[key] = censored(child, depth + 1);
    }
  }
  return copy;
}

/** The fields as given when nothing in them looks secret, else a copy with each such field censored. */
export function redactSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  return hasSecret(fields, 0) ? censored(fields, 0) : fields;
}
