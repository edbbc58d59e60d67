import { describe, expect, it } from "vitest";
import { createMemoryDeliveryDedupe } from "../../src/state/delivery-dedupe.js";

describe("in-memory delivery dedupe", () => {
  it("claims a key once within its time to live, again after it expired or was released", async () => {
    let now = 0;
    const dedupe = createMemoryDeliveryDedupe(10, () => now);
    expect(await dedupe.claim("a", 100)).toBe(true);
    expect(await dedupe.claim("a", 100)).toBe(false);
    now = 101;
    expect(await dedupe.claim("a", 100)).toBe(true);
    await dedupe.release("a");
    expect(await dedupe.claim("a", 100)).toBe(true);
  });

  it("keeps at most maxKeys claims, forgetting the oldest first", async () => {
    const dedupe = createMemoryDeliveryDedupe(3, () => 0);
    for (const key of ["a", "b", "c", "d"]) expect(await dedupe.claim(key, 1000)).toBe(true);
    expect(await dedupe.claim("d", 1000)).toBe(false);
    expect(await dedupe.claim("b", 1000)).toBe(false);
    // "a" was the oldest: forgotten to stay within 3 keys.
    expect(await dedupe.claim("a", 1000)).toBe(true);
  });
});
