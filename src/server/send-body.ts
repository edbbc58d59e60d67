// Writes a whole response body the way express's res.send does, for the routes served straight from
// node:http: Content-Length, a weak ETag (express's default), 304 for a fresh GET, no body for HEAD.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const NO_CACHE = /(?:^|,)\s*?no-cache\s*?(?:,|$)/;

/** Express's default ETag: W/"<byte length in hex>-<first 27 characters of the SHA-1 in base64>". */
function weakEtag(body: Buffer): string {
  const hash = createHash("sha1").update(body).digest("base64").substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}

/** Whether the client's copy is current (express's req.fresh, for an answer without Last-Modified). */
function isFresh(req: IncomingMessage, status: number, etag: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "QUERY") return false;
  if (!((status >= 200 && status < 300) || status === 304)) return false;
  const noneMatch = req.headers["if-none-match"];
  if (!noneMatch) return false;
  const cacheControl = req.headers["cache-control"];
  if (cacheControl && NO_CACHE.test(cacheControl)) return false;
  if (noneMatch === "*") return true;
  return noneMatch
    .split(",")
    .map((token) => token.trim())
    .some((match) => match === etag || match === `W/${etag}` || `W/${match}` === etag);
}

/** `contentType` gets charset=utf-8, as express sets it on every string body. */
export function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
): void {
  const body = Buffer.from(text, "utf8");
  const etag = weakEtag(body);
  res.setHeader("Content-Type", withUtf8Charset(contentType));
  res.setHeader("Content-Length", body.length);
  res.setHeader("ETag", etag);
  res.statusCode = status;
  if (isFresh(req, status, etag)) {
    res.statusCode = 304;
    res.removeHeader("Content-Type");
    res.removeHeader("Content-Length");
    res.end();
  } else if (req.method === "HEAD") res.end();
  else res.end(body);
}

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  sendBody(req, res, status, "application/json", JSON.stringify(value));
}

function withUtf8Charset(contentType: string): string {
  if (contentType.endsWith("; charset=utf-8")) return contentType;
  const [type, ...parameters] = contentType.split(";").map((part) => part.trim());
  const others = parameters.filter((parameter) => !/^charset=/i.test(parameter));
  return [type, ...others, "charset=utf-8"].join("; ");
}
