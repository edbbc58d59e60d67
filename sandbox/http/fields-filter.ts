// CallFire partial responses (docs/callfire-api.md §Partial responses): `fields=id,items(id,message)` keeps
// only the named properties, and parentheses select inside nested objects or inside each element of an
// array. Names are matched case-insensitively; unknown names select nothing.
import { badRequest } from "../domain/api-error.js";

/** Property name (lower case) → what to keep inside it; null keeps it whole. */
export type FieldSelection = Map<string, FieldSelection | null>;

export function parseFields(spec: string): FieldSelection {
  let pos = 0;
  const fail = (): never => {
    throw badRequest(`Invalid fields parameter "${spec}" at position ${pos}`);
  };
  const skipSpaces = () => {
    while (spec[pos] === " ") pos += 1;
  };
  const list = (): FieldSelection => {
    const selection: FieldSelection = new Map();
    for (;;) {
      skipSpaces();
      const name = /^[A-Za-z_]\w*/.exec(spec.slice(pos))?.[0] ?? fail();
      pos += name.length;
      skipSpaces();
      let inner: FieldSelection | null = null;
      if (spec[pos] === "(") {
        pos += 1;
        inner = list();
        if (spec[pos] !== ")") fail();
        pos += 1;
        skipSpaces();
      }
      selection.set(name.toLowerCase(), merge(selection.get(name.toLowerCase()), inner));
      if (spec[pos] !== ",") return selection;
      pos += 1;
    }
  };
  const selection = list();
  if (pos !== spec.length) fail();
  return selection;
}

function merge(
  existing: FieldSelection | null | undefined,
  added: FieldSelection | null,
): FieldSelection | null {
  if (existing === undefined) return added;
  if (existing === null || added === null) return null;
  const merged: FieldSelection = new Map(existing);
  for (const [name, inner] of added) merged.set(name, merge(merged.get(name), inner));
  return merged;
}

export function applyFields(value: unknown, selection: FieldSelection): unknown {
  if (Array.isArray(value)) return value.map((item) => applyFields(item, selection));
  if (value === null || typeof value !== "object") return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const wanted = selection.get(key.toLowerCase());
    if (wanted === undefined) continue;
    kept[key] = wanted === null ? inner : applyFields(inner, wanted);
  }
  return kept;
}
