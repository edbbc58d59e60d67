import { describe, expect, it } from "vitest";
import { createCircuitBreaker } from "../../src/state/circuit-breaker.js";

function setup(failureThreshold = 3) {
  let time = 0;
  const breaker = createCircuitBreaker({ failureThreshold, openMs: 5000, now: () => time });
  const call = (failed: boolean) => {
    breaker.beforeCall();
    breaker.afterCall(failed ? "failed" : "answered");
  };
  return { breaker, call, advance: (ms: number) => (time += ms) };
}

describe("circuit breaker", () => {
  it("opens after the threshold of consecutive failures and fails fast, saying when to retry", () => {
    const { breaker, call, advance } = setup();
    call(true);
    call(true);
    call(false); // a success in between resets the count
    call(true);
    call(true);
    call(true);
    advance(1200);
    expect(() => breaker.beforeCall()).toThrow(
      "CallFire failed 3 times in a row; calls are paused. Try again in 4 s.",
    );
    try {
      breaker.beforeCall();
    } catch (error) {
      expect(error).toMatchObject({ extensions: { code: "UPSTREAM_UNAVAILABLE", retryAfterSeconds: 4 } });
    }
  });

  it("lets one trial through after openMs: success closes, failure reopens", () => {
    const { breaker, call, advance } = setup();
    for (let i = 0; i < 3; i++) call(true);
    advance(5000);
    breaker.beforeCall(); // the trial
    expect(() => breaker.beforeCall()).toThrow(/paused/); // only one trial at a time
    breaker.afterCall("failed"); // trial failed
    expect(() => breaker.beforeCall()).toThrow(/paused/);
    advance(5000);
    call(false); // trial succeeded
    expect(() => breaker.beforeCall()).not.toThrow();
  });

  it("never opens with a threshold of 0", () => {
    const { breaker, call } = setup(0);
    for (let i = 0; i < 100; i++) call(true);
    expect(() => breaker.beforeCall()).not.toThrow();
  });

  it("counts neither way a call that ended without CallFire's say (shed, deadline, client gone)", () => {
    const { breaker, call } = setup();
    call(true);
    call(true);
    breaker.beforeCall();
    breaker.afterCall("unknown"); // does not reset the count…
    call(true); // …so this third failure in a row opens the circuit
    expect(() => breaker.beforeCall()).toThrow(/paused/);
  });
});
