// What a CallFire id looks like, checked before any call so a bad id never reaches a URL or a body.

/** A CallFire id: a positive int64 in decimal, at most 2^63 - 1. */
const INT64_MAX = 2n ** 63n - 1n;

export function isCallFireId(id: string): boolean {
  return /^\d{1,19}$/.test(id) && BigInt(id) <= INT64_MAX;
}
