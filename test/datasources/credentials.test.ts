import { describe, expect, it } from "vitest";
import {
  authorizationHeader,
  parseBasicAuthorization,
  resolveCredentials,
} from "../../src/core/credentials.js";
import { errorCode } from "../../src/core/errors.js";

const SERVER = { login: "server-login", password: "server-password" };

function basic(pair: string): string {
  return `Basic ${Buffer.from(pair, "utf8").toString("base64")}`;
}

function thrown(run: () => unknown): Error & { extensions?: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a throw");
}

describe("parseBasicAuthorization", () => {
  it("reads login and password; the password may hold colons", () => {
    expect(parseBasicAuthorization(basic("me:pa:ss"))).toEqual({ login: "me", password: "pa:ss" });
    expect(parseBasicAuthorization(`basic   ${basic("me:pw").slice(6)}`)).toEqual({
      login: "me",
      password: "pw",
    });
    expect(parseBasicAuthorization(basic("mé:pässwörd"))).toEqual({ login: "mé", password: "pässwörd" });
  });

  it.each([
    ["another scheme", "Bearer abc.def"],
    ["no colon", basic("loginonly")],
    ["an empty login", basic(":pw")],
    ["an empty password", basic("me:")],
    ["not base64", "Basic !!!not-base64!!!"],
    ["only padding", "Basic ===="],
  ])("with %s is UNAUTHENTICATED, says what to send and never repeats the header", (_case, header) => {
    const error = thrown(() => parseBasicAuthorization(header));
    expect(errorCode(error)).toBe("UNAUTHENTICATED");
    expect(error.message).toContain("Authorization: Basic base64(login:password)");
    expect(error.message).not.toContain(header);
    expect(error.extensions?.http).toEqual({ status: 401 });
  });
});

describe("resolveCredentials", () => {
  it("prefers the request's own header", () => {
    expect(resolveCredentials(basic("mine:secret"), SERVER)).toEqual({ login: "mine", password: "secret" });
  });

  it("falls back to the server's credentials", () => {
    expect(resolveCredentials(undefined, SERVER)).toBe(SERVER);
    expect(resolveCredentials("  ", SERVER)).toBe(SERVER);
  });

  it("ignores a header of another scheme (a router's Bearer token) and uses the server's", () => {
    expect(resolveCredentials("Bearer abc.def", SERVER)).toBe(SERVER);
    expect(errorCode(thrown(() => resolveCredentials("Bearer abc.def", undefined)))).toBe("UNAUTHENTICATED");
  });

  it("does not fall back when the request's Basic header is unusable", () => {
    expect(errorCode(thrown(() => resolveCredentials("Basic %%%", SERVER)))).toBe("UNAUTHENTICATED");
  });

  it("with neither is UNAUTHENTICATED, naming both ways", () => {
    const error = thrown(() => resolveCredentials(undefined, undefined));
    expect(errorCode(error)).toBe("UNAUTHENTICATED");
    expect(error.message).toBe(
      "No CallFire credentials: send Authorization: Basic base64(login:password) with CallFire API credentials or set CALLFIRE_API_LOGIN/CALLFIRE_API_PASSWORD",
    );
  });
});

describe("authorizationHeader", () => {
  it("round-trips with the parser", () => {
    const credentials = { login: "me", password: "p:w" };
    expect(authorizationHeader(credentials)).toBe(basic("me:p:w"));
    expect(parseBasicAuthorization(authorizationHeader(credentials))).toEqual(credentials);
  });
});
