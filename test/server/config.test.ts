import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.js";

describe("loadConfig", () => {
  it("refuses a setting that is no longer read, naming the one that replaced it", () => {
    expect(() => loadConfig({ CALLFIRE_MAX_QUEUE: "64" })).toThrow(
      "CALLFIRE_MAX_QUEUE is no longer read: set CALLFIRE_MAX_REQUESTS instead",
    );
  });

  it("caps admitted requests at the connection limit unless told otherwise", () => {
    expect(loadConfig({ CALLFIRE_MAX_CONNECTIONS: "8" }).upstreamMaxRequests).toBe(8);
    expect(loadConfig({ CALLFIRE_MAX_REQUESTS: "20" }).upstreamMaxRequests).toBe(20);
  });
});
