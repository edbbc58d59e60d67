// HTTP Basic auth. Each credential pair is its own account: a new login registers an empty account on
// first use (so tests can isolate themselves); a known login with another password is refused.
import type { RequestHandler, Response } from "express";
import { ApiError, INTERNAL_CODES } from "../domain/api-error.js";
import type { ServiceContext } from "../domain/service-context.js";
import type { Store } from "../store/store.js";

function unauthorized(developerMessage: string): ApiError {
  return new ApiError(401, INTERNAL_CODES.unauthorized, "Unauthorized", developerMessage);
}

export function parseBasicAuth(header: string | undefined): { login: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function authenticate(store: Store): RequestHandler {
  return (req, res, next) => {
    const credentials = parseBasicAuth(req.headers.authorization);
    if (credentials === undefined) {
      res.setHeader("WWW-Authenticate", 'Basic realm="CallFire sandbox"');
      throw unauthorized("Send HTTP Basic credentials: Authorization: Basic base64(login:password)");
    }
    const found = store.accounts.authenticate(credentials.login, credentials.password);
    if (found === "wrong-password") {
      res.setHeader("WWW-Authenticate", 'Basic realm="CallFire sandbox"');
      throw unauthorized("Wrong password for this login");
    }
    res.locals.accountId =
      found ?? store.accounts.insert(credentials.login, credentials.password, Date.now());
    next();
  };
}

/** The domain context for the account that made this (authenticated) request. */
export function serviceContext(store: Store, res: Response): ServiceContext {
  return { store, now: Date.now, accountId: res.locals.accountId as number };
}
