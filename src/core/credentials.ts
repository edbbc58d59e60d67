// Which CallFire API credentials a request uses: its own Authorization: Basic header, else the server's.
// Credentials travel only as an Authorization header (never got's username/password, which got 14
// copies into error messages), and no error message here ever repeats what the client sent.
import { apiError } from "./errors.js";

/** A CallFire API credential pair (generated under /me/api/credentials, not the web login). */
export interface Credentials {
  readonly login: string;
  readonly password: string;
}

const WHAT_TO_SEND =
  "send Authorization: Basic base64(login:password) with CallFire API credentials or set CALLFIRE_API_LOGIN/CALLFIRE_API_PASSWORD";
const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i;

/** Parses `Basic base64(login:password)`; anything else is UNAUTHENTICATED, saying what to send. */
export function parseBasicAuthorization(header: string): Credentials {
  const encoded = BASIC.exec(header.trim())?.[1];
  const decoded = encoded === undefined ? "" : Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) {
    throw apiError(
      "UNAUTHENTICATED",
      "The Authorization header is not usable: send Authorization: Basic base64(login:password) with CallFire API credentials",
    );
  }
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * The request's own Basic credentials win over the server's; with neither, the request is
 * UNAUTHENTICATED. A header of another scheme (a router forwarding its Bearer token to every subgraph)
 * is not meant for CallFire and is ignored; a Basic header that cannot be read is an error.
 */
export function resolveCredentials(
  requestHeader: string | undefined,
  serverDefaults: Credentials | undefined,
): Credentials {
  if (requestHeader !== undefined && /^\s*basic(\s|$)/i.test(requestHeader)) {
    return parseBasicAuthorization(requestHeader);
  }
  if (serverDefaults) return serverDefaults;
  throw apiError("UNAUTHENTICATED", `No CallFire credentials: ${WHAT_TO_SEND}`);
}

export function authorizationHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.login}:${credentials.password}`, "utf8").toString("base64")}`;
}
