import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/server/logger.js";

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  const log = createLogger(level, (line) => lines.push(line));
  return { log, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("logger", () => {
  it("writes one JSON line per call with time, level, message and the fields", () => {
    const { log, parsed } = capture("info");
    log.info("graphql request", { operation: "query", durationMs: 3 });
    expect(parsed()).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: "info",
        message: "graphql request",
        operation: "query",
        durationMs: 3,
      },
    ]);
  });

  it("leaves out lines below LOG_LEVEL, and everything when silent", () => {
    const warn = capture("warn");
    warn.log.debug("d");
    warn.log.info("i");
    warn.log.warn("w");
    warn.log.error("e");
    expect(warn.parsed().map((line) => line.level)).toEqual(["warn", "error"]);

    const silent = capture("silent");
    silent.log.error("e");
    expect(silent.lines).toEqual([]);
  });

  it("redacts fields named like a secret, nested too, and keeps the rest", () => {
    const { log, lines, parsed } = capture("debug");
    log.child({ requestId: "r-1" }).warn("oops", {
      password: "hunter2-top",
      request: { headers: { authorization: "Basic aHVudGVyMi1uZXN0ZWQ=" }, path: "/v2/texts" },
      account: { credentials: { login: "l", password: "hunter2-deep" } },
      token: "hunter2-token",
    });
    expect(lines.join("\n")).not.toMatch(/hunter2|aHVudGVy/);
    expect(parsed()[0]).toMatchObject({
      requestId: "r-1",
      password: "[redacted]",
      request: { headers: { authorization: "[redacted]" }, path: "/v2/texts" },
      account: { credentials: "[redacted]" },
      token: "[redacted]",
    });
  });

  it("redacts secrets in a child's fields and inside an error's own fields, leaving the caller's objects as they were", () => {
    const { log, lines, parsed } = capture("info");
    const error = Object.assign(new Error("upstream refused"), { request: { authorization: "hunter2-err" } });
    const fields = { error, note: { token: "hunter2-note" } };
    log.child({ requestId: "r-2", credentials: { password: "hunter2-child" } }).info("call failed", fields);
    expect(lines.join("\n")).not.toMatch(/hunter2/);
    expect(parsed()[0]).toMatchObject({
      requestId: "r-2",
      credentials: "[redacted]",
      error: { type: "Error", message: "upstream refused", request: { authorization: "[redacted]" } },
      note: { token: "[redacted]" },
    });
    expect(fields.note.token).toBe("hunter2-note");
    expect(error.request.authorization).toBe("hunter2-err");
  });

  it("logs an error under `error` with its type, message and stack", () => {
    const { log, parsed } = capture("error");
    log.error("unexpected error", { error: new TypeError("boom") });
    expect(parsed()[0].error).toMatchObject({
      type: "TypeError",
      message: "boom",
      stack: expect.any(String),
    });
  });
});
