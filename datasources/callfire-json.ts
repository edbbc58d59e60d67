// JSON for CallFire with exact int64s. CallFire ids are int64 and some exceed 2^53 (docs/callfire-api.md
// §Ids, numbers and times), which JSON.parse would round to a different id without a word. Node 20 has
// neither JSON.rawJSON nor the reviver's source text, so unsafe integer tokens are carried through as bigint
// by a small rewrite.
import { randomUUID } from "node:crypto";

/** A CallFire int64: a number when it is a safe integer, a bigint beyond 2^53. */
export type Int64 = number | bigint;

const DIGIT_RUN = /\d{16}/;
const INTEGER_TOKEN = /^-?\d+$/;

/** JSON.parse, except that integers beyond Number.MAX_SAFE_INTEGER become exact bigints. */
export function parseCallFireJson(text: string): unknown {
  // An unsafe integer has at least 16 digits; most bodies have no such run and take the native path.
  if (!DIGIT_RUN.test(text)) return JSON.parse(text);
  // A per-call nonce, so that no string CallFire sends can be mistaken for a rewritten token.
  const marker = `\u0000int64:${randomUUID()}:`;
  let rewritten = "";
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      continue;
    }
    if (char !== "-" && (char < "0" || char > "9")) continue;
    let end = i + 1;
    while (end < text.length && /[\d.eE+-]/.test(text[end])) end++;
    const token = text.slice(i, end);
    if (INTEGER_TOKEN.test(token) && !Number.isSafeInteger(Number(token))) {
      rewritten += text.slice(copiedUpTo, i) + JSON.stringify(marker + token);
      copiedUpTo = end;
    }
    i = end - 1;
  }
  if (copiedUpTo === 0) return JSON.parse(text);
  rewritten += text.slice(copiedUpTo);
  return JSON.parse(rewritten, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith(marker) ? BigInt(value.slice(marker.length)) : value,
  );
}

/** JSON.stringify, except that bigints are written as plain JSON number tokens. */
export function stringifyCallFireJson(value: unknown): string {
  const marker = `int64:${randomUUID()}:`;
  const text = JSON.stringify(value, (_key, entry: unknown) =>
    typeof entry === "bigint" ? `${marker}${entry}` : entry,
  );
  return text.includes(marker) ? text.replace(new RegExp(`"${marker}(-?\\d+)"`, "g"), "$1") : text;
}
