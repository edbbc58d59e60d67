// CallFire's answer bodies, bounded: at most maxBytes as received and again once decompressed, so neither a
// huge body nor a small one that inflates to gigabytes can exhaust memory. Decompression is ours (got's is
// off) because only zlib's maxOutputLength stops an inflating body at the cap.
import { promisify } from "node:util";
import zlib from "node:zlib";
import { parseCallFireJson } from "./callfire-json.js";

const DECODERS: Record<string, (buffer: Buffer, options: zlib.ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  "x-gzip": promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** What we ask CallFire to compress with: exactly the encodings we can decode. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

/** Why a body could not be read; each is CallFire breaking its protocol. */
export class UnreadableBody extends Error {
  constructor(readonly problem: "too-large" | "bad-encoding" | "not-json") {
    super(problem);
  }
}

/** The body decompressed, within maxBytes. */
export async function decodeBody(
  raw: Buffer,
  encoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const name = (encoding ?? "identity").trim().toLowerCase();
  if (name === "identity" || name === "") return raw;
  const decode = DECODERS[name];
  if (!decode) throw new UnreadableBody("bad-encoding");
  try {
    return await decode(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
    throw new UnreadableBody(tooLarge ? "too-large" : "bad-encoding");
  }
}

/** The JSON in a body; undefined for an empty one. */
export function parseBody(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return parseCallFireJson(text);
  } catch {
    throw new UnreadableBody("not-json");
  }
}
