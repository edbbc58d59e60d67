// JSON stored in TEXT columns (arrays, maps, nested objects of the CallFire models).

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string | null): T {
  return JSON.parse(text ?? "null") as T;
}

/** Undefined for an empty array or map, so the field is left out of the response as CallFire does. */
export function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.keys(value).length > 0 ? value : undefined;
}

export function orUndefined<T>(value: T | null): T | undefined {
  return value ?? undefined;
}
