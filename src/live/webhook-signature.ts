// X-CallFire-Signature: HMAC-SHA1 of the raw request body keyed with the webhook's secret. CallFire's
// public docs do not say how the 20 bytes are written, so hex (either case) and base64 are accepted, and
// nothing else; the comparison takes the same time whichever byte differs.
import { createHmac, timingSafeEqual } from "node:crypto";

const HEX = /^[0-9a-fA-F]{40}$/;
const BASE64 = /^[A-Za-z0-9+/]{27}=$/;

function decode(signature: string): Buffer | undefined {
  if (HEX.test(signature)) return Buffer.from(signature, "hex");
  if (BASE64.test(signature)) return Buffer.from(signature, "base64");
  return undefined;
}

export function signatureMatches(secret: string, rawBody: Buffer, signature: string | undefined): boolean {
  const given = signature === undefined ? undefined : decode(signature.trim());
  if (given === undefined) return false;
  const expected = createHmac("sha1", secret).update(rawBody).digest();
  return timingSafeEqual(given, expected);
}
