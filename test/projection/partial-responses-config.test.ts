import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config.js";

describe("CALLFIRE_PARTIAL_RESPONSES", () => {
  it("is on unless set to false", () => {
    expect(loadConfig({}).partialResponses).toBe(true);
    expect(loadConfig({ CALLFIRE_PARTIAL_RESPONSES: "" }).partialResponses).toBe(true);
    expect(loadConfig({ CALLFIRE_PARTIAL_RESPONSES: "TRUE" }).partialResponses).toBe(true);
    expect(loadConfig({ CALLFIRE_PARTIAL_RESPONSES: "false" }).partialResponses).toBe(false);
  });

  it("refuses anything but true or false", () => {
    expect(() => loadConfig({ CALLFIRE_PARTIAL_RESPONSES: "no" })).toThrow(
      'CALLFIRE_PARTIAL_RESPONSES must be true or false; got "no"',
    );
  });
});
